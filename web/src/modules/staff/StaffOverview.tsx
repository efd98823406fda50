import { useEffect, useId, useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber, formatPercent } from '@ksp/shared/format/number';
import { matchesSearch } from '@ksp/shared/search/fold';
import type { Tier } from '@ksp/shared/domain';
import { ParticipantCombobox } from '../../app/ParticipantCombobox';
import { useLocale } from '../../app/i18n/useLocale';
import { reportPath } from '../../app/paths';
import { FilterSelect } from '../../app/FilterSelect';
import { NoDataYet } from '../../app/NoDataYet';
import { useEditions } from '../result-list/hooks/useEditions';
import { EditionParticipantsDocument } from '../report/graphql/shell';
import { TableScroll } from '../../app/TableScroll';
import { operationsPath } from '../operations/paths';

const SEARCH_PARAM = 'sok';
const CLASS_PARAM = 'klasse';
const TIER_PARAM = 'niva';
const TIERS: readonly Tier[] = ['ENKEL', 'KONKURRENT'];

/**
 * Staff: an edition at a glance, every participant with class, tier, total and report, each
 * opening its dashboard; filtered by name (folded, as every participant search), class and
 * tier in the URL, and a switcher that finds a participant by typing and opens it.
 */
export default function StaffOverview() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const [params, setParams] = useSearchParams();
  const search = params.get(SEARCH_PARAM) ?? '';
  const classFilter = params.get(CLASS_PARAM) ?? '';
  const tierParam = params.get(TIER_PARAM);
  const tierFilter = TIERS.find((x) => x === tierParam);
  const searchId = useId();
  const navigate = useNavigate();
  const { editions } = useEditions();
  const edition = editions?.find((e) => e.year === year);
  const [result, reexecute] = useQuery({ query: EditionParticipantsDocument, variables: { year }, pause: !Number.isInteger(year) });
  const participants = result.data?.editionParticipants;
  const names = useMemo(() => new Map(participants?.map((p) => [p.company.slug, p.company.name]) ?? []), [participants]);
  const classes = useMemo(() => [...new Set(participants?.map((p) => p.className) ?? [])], [participants]);
  const shown = useMemo(
    () =>
      (participants ?? []).filter(
        (p) =>
          (matchesSearch(p.company.name, search) || matchesSearch(p.className, search)) &&
          (!classFilter || p.className === classFilter) &&
          (!tierFilter || p.tier === tierFilter),
      ),
    [participants, search, classFilter, tierFilter],
  );
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  useEffect(() => {
    document.title = `${t('staff.heading', { edition: edition?.name ?? year })} – KSP`;
  }, [t, edition, year]);

  let body;
  if (!participants) {
    body = <NoDataYet error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} loading={t('staff.loading')} />;
  } else {
    body = (
      <>
        <ParticipantCombobox
          className="staff__switcher"
          label={t('report.switcher')}
          participants={participants}
          onOpen={(slug) => void navigate(reportPath(year, slug))}
        />
        <div className="filters">
          <div className="field field--grow">
            <label htmlFor={searchId}>{t('staff.filter')}</label>
            <input id={searchId} type="search" value={search} onChange={(e) => setParam(SEARCH_PARAM, e.target.value)} />
          </div>
          <FilterSelect
            label={t('staff.className')}
            value={classFilter}
            all={t('staff.allClasses')}
            options={classes.map((c) => ({ value: c, label: c }))}
            onChange={(v) => setParam(CLASS_PARAM, v)}
          />
          <FilterSelect
            label={t('staff.tier')}
            value={tierFilter}
            all={t('staff.allTiers')}
            options={TIERS.map((x) => ({ value: x, label: t(`domain.tier.${x}`) }))}
            onChange={(v) => setParam(TIER_PARAM, v)}
          />
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
                <th scope="col" className="num">
                  {t('staff.total')}
                </th>
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
                  <td className="num">{formatPercent(p.total, 2, locale)}</td>
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
      <p>
        <Link to={operationsPath(year)}>{t('operations.toOperations')}</Link>
      </p>
      {edition && (
        <p className="report__subtitle">
          {t('staff.status', { status: t(`resultList.editionStatus.${edition.status}`) })}
          {participants &&
            ` · ${t('staff.participants', { count: participants.length, formatted: formatNumber(participants.length, 0, locale) })}`}
        </p>
      )}
      {body}
    </section>
  );
}
