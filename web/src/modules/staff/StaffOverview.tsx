import { useEffect, useId, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from '../../app/i18n/useLocale';
import { reportPath } from '../../app/paths';
import { ErrorMessage } from '../../app/ErrorMessage';
import { errorKind } from '../../app/errors';
import { NoAccess } from '../../app/NoAccess';
import { useMe } from '../../app/session/useMe';
import { useEditions } from '../result-list/hooks/useEditions';
import { EditionParticipantsDocument } from '../report/graphql/shell';
import { TableScroll } from '../../app/TableScroll';

const SEARCH_PARAM = 'sok';

/** Staff: an edition at a glance, every participant with class, tier and report, each opening its dashboard. */
export default function StaffOverview() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me } = useMe();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const [params, setParams] = useSearchParams();
  const search = params.get(SEARCH_PARAM) ?? '';
  const searchId = useId();
  const { editions } = useEditions();
  const edition = editions?.find((e) => e.year === year);
  const [result, reexecute] = useQuery({ query: EditionParticipantsDocument, variables: { year }, pause: !Number.isInteger(year) });
  const participants = result.data?.editionParticipants;
  const names = useMemo(() => new Map(participants?.map((p) => [p.company.slug, p.company.name]) ?? []), [participants]);
  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('nb');
    return (participants ?? []).filter((p) => !needle || p.company.name.toLocaleLowerCase('nb').includes(needle) || p.className.toLocaleLowerCase('nb').includes(needle));
  }, [participants, search]);

  useEffect(() => {
    document.title = `${t('staff.heading', { edition: edition?.name ?? year })} – KSP`;
  }, [t, edition, year]);

  let body;
  if (!participants) {
    if (result.error) {
      body = errorKind(result.error) === 'forbidden' ? <NoAccess signedIn={!!me} /> : <ErrorMessage error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    } else {
      body = (
        <p className="notice" role="status">
          {t('staff.loading')}
        </p>
      );
    }
  } else {
    body = (
      <>
        <div className="filters">
          <div className="field field--grow">
            <label htmlFor={searchId}>{t('staff.filter')}</label>
            <input
              id={searchId}
              type="search"
              value={search}
              onChange={(e) => {
                const next = new URLSearchParams(params);
                if (e.target.value) next.set(SEARCH_PARAM, e.target.value);
                else next.delete(SEARCH_PARAM);
                setParams(next, { replace: true });
              }}
            />
          </div>
        </div>
        <p className="result-count" role="status">
          {t('staff.participants', { count: shown.length })}
        </p>
        <TableScroll label={t('staff.heading', { edition: edition?.name ?? year })}>
          <table className="data-table">
            <caption className="visually-hidden">{t('staff.heading', { edition: edition?.name ?? year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.company')}</th>
                <th scope="col">{t('staff.className')}</th>
                <th scope="col">{t('staff.tier')}</th>
                <th scope="col">{t('staff.report')}</th>
                <th scope="col">{t('staff.competitors')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.company.slug}>
                  <th scope="row">
                    <Link to={reportPath(year, p.company.slug)}>{p.company.name}</Link>
                  </th>
                  <td>{p.className}</td>
                  <td>{t(`domain.tier.${p.tier}`)}</td>
                  <td>{p.reportPurchased ? t('staff.reportYes') : t('staff.reportNo')}</td>
                  <td>{p.competitors.map((c) => names.get(c.slug) ?? c.slug).join(', ') || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </>
    );
  }

  return (
    <section aria-labelledby="staff-heading">
      <h1 id="staff-heading">{t('staff.heading', { edition: edition?.name ?? year })}</h1>
      {edition && (
        <p className="report__subtitle">
          {t('staff.status', { status: t(`resultList.editionStatus.${edition.status}`) })}
          {participants && ` · ${t('staff.participants', { count: participants.length, formatted: formatNumber(participants.length, 0, locale) })}`}
        </p>
      )}
      {body}
    </section>
  );
}
