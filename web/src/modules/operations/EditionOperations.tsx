import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '@ksp/shared/format/date';
import type { EditionStatus } from '@ksp/shared/domain';
import { useLocale } from '../../app/i18n/useLocale';
import { NoDataYet } from '../../app/NoDataYet';
import { TableScroll } from '../../app/TableScroll';
import { staffOverviewPath } from '../../app/paths';
import { EditionOperationsDocument, SetEditionStatusDocument } from './graphql';
import { StatusSteps, StepRefusal } from './StatusSteps';
import { ReviewQueueCountDocument } from '../review/graphql';
import { SettingsForm } from './SettingsForm';
import { observersPath, operationsPath, plannerPath, queriesPath, reviewPath, signUpsPath } from './paths';

/** Staff: one edition's operations: its status and the next step, its history, its settings, and the pages of its fieldwork. */
export default function EditionOperations() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const [result, reexecute] = useQuery({ query: EditionOperationsDocument, variables: { year }, pause: !Number.isInteger(year) });
  const [step, setStatus] = useMutation(SetEditionStatusDocument);
  const edition = result.data?.edition;
  // How many responses wait for review: only while there can be any (fieldwork and review).
  const reviewing = edition?.status === 'FIELDWORK' || edition?.status === 'REVIEW';
  const [waiting, reexecuteWaiting] = useQuery({
    query: ReviewQueueCountDocument,
    variables: { year },
    pause: !reviewing,
    requestPolicy: 'cache-and-network',
  });
  const waitingCount = reviewing ? waiting.data?.reviewQueue.length : undefined;
  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    if (reviewing) reexecuteWaiting({ requestPolicy: 'network-only' });
  };

  useEffect(() => {
    document.title = `${t('operations.heading', { edition: edition?.name ?? year })} – KSP`;
  }, [t, edition, year]);

  if (!edition || !edition.settings) return <NoDataYet error={result.error} retry={refresh} loading={t('operations.loading')} />;

  const advance = async (to: EditionStatus) => {
    const outcome = await setStatus({ year, status: to });
    if (!outcome.error) refresh();
  };

  return (
    <section aria-labelledby="operations-heading" className="operations">
      <h1 id="operations-heading">{t('operations.heading', { edition: edition.name })}</h1>
      <nav aria-label={t('operations.pages')} className="operations__links">
        <Link to={signUpsPath(year)}>{t('operations.links.signUps')}</Link>
        <Link to={observersPath(year)}>{t('operations.links.observers')}</Link>
        <Link to={plannerPath(year)}>{t('operations.links.planner')}</Link>
        <Link to={reviewPath(year)}>
          {waitingCount === undefined ? t('operations.links.review') : t('operations.links.reviewWaiting', { count: waitingCount })}
        </Link>
        <Link to={staffOverviewPath(year)}>{t('operations.links.overview')}</Link>
        <Link to={queriesPath(year)}>{t('operations.links.queries')}</Link>
        <Link to={operationsPath()}>{t('operations.links.newEdition')}</Link>
      </nav>

      <h2>{t('operations.status.heading')}</h2>
      <StatusSteps status={edition.status} busy={step.fetching} onAdvance={(to) => void advance(to)} />
      {step.error && <StepRefusal error={step.error} year={year} />}

      <h3>{t('operations.history.heading')}</h3>
      {edition.events && edition.events.length > 0 ? (
        <TableScroll label={t('operations.history.heading')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('operations.history.at')}</th>
                <th scope="col">{t('operations.history.step')}</th>
                <th scope="col">{t('operations.history.by')}</th>
              </tr>
            </thead>
            <tbody>
              {edition.events.map((e) => (
                <tr key={`${e.at}-${e.toStatus}`}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>
                    {t(`operations.status.name.${e.fromStatus}`)} → {t(`operations.status.name.${e.toStatus}`)}
                  </td>
                  <td>{e.by ?? t('operations.history.commandLine')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t('operations.history.none')}</p>
      )}

      <h2>{t('operations.settings.heading')}</h2>
      <p className="explanation">{edition.status === 'PLANNING' ? t('operations.settings.editable') : t('operations.settings.readOnly')}</p>
      <SettingsForm
        key={`${edition.year}-${edition.status}`}
        year={year}
        settings={edition.settings}
        editable={edition.status === 'PLANNING'}
        onSaved={refresh}
      />
    </section>
  );
}
