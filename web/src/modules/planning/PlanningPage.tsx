import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { CHANNELS, type Channel } from '@ksp/shared/domain';
import { formatNumber } from '@ksp/shared/format/number';
import { formatDateTime } from '@ksp/shared/format/date';
import { useLocale } from '../../app/i18n/useLocale';
import { FilterSelect } from '../../app/FilterSelect';
import { NoDataYet } from '../../app/NoDataYet';
import { TableScroll } from '../../app/TableScroll';
import type { FieldworkAssignmentsQuery, PlanningOverviewQuery } from '../../graphql/generated/graphql';
import { AssignObserverDocument, FieldworkAssignmentsDocument, PlanFieldworkDocument, PlanningOverviewDocument } from './graphql';

const CLASS_PARAM = 'klasse';
const CHANNEL_PARAM = 'kanal';
const WEEK_PARAM = 'uke';
/** "ikke fullt bemannet": participants with fewer inquiries staffed than planned, or a shortfall. */
const SHORT_PARAM = 'ufullt';

type Participant = PlanningOverviewQuery['planningOverview']['participants'][number];
type Assignment = FieldworkAssignmentsQuery['fieldworkAssignments'][number];

/** The rules a refusal of assignObserver names (contract.md "Running an edition (GraphQL)"). */
const RULES = ['CONTACTED_BEFORE', 'CUSTOMER', 'UNAVAILABLE', 'QUALITY', 'SAME_PARTICIPANT'] as const;
type Rule = (typeof RULES)[number];

/**
 * What to say beside the observer field when a change is refused: the server's Norwegian
 * message names the observer, company and week, so the Norwegian page shows it as it is; in
 * English each broken rule in the page's own words. A started assignment and an unknown
 * assignment or observer have words of their own.
 */
function refusalText(error: CombinedError, t: TFunction, language: string): string {
  const e = error.graphQLErrors[0];
  const code = e?.extensions?.['code'];
  if (code === 'NOT_FOUND') return t('planning.change.notFound');
  if (code !== 'BAD_USER_INPUT') return t('planning.change.failed');
  const rules = (e?.extensions?.['rules'] as string[] | undefined)?.filter((r): r is Rule => (RULES as readonly string[]).includes(r));
  if (language.startsWith('nb')) return e!.message;
  if (rules?.length) return rules.map((r) => t(`planning.rule.${r}`)).join(' ');
  if (e?.extensions?.['rule'] === 'WORK_STARTED') return t('planning.change.started');
  return e!.message;
}

/**
 * Staff: the fieldwork plan of an edition. Plans (or replans) it, shows per participant its
 * class, channels and split, staffing and assignments, and the shortfalls with their reasons;
 * filters by class, channel, week and "not fully staffed" in the URL; an assignment's observer
 * can be changed by hand, and a refusal is shown beside the field with the rule it broke.
 */
export default function PlanningPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const [params, setParams] = useSearchParams();
  const classFilter = params.get(CLASS_PARAM) ?? '';
  const channelParam = params.get(CHANNEL_PARAM);
  const channelFilter = CHANNELS.find((c) => c === channelParam);
  const weekFilter = Number(params.get(WEEK_PARAM)) || null;
  const shortOnly = params.get(SHORT_PARAM) === '1';
  const shortId = useId();

  const paused = !Number.isInteger(year);
  const [overviewResult, reexecuteOverview] = useQuery({ query: PlanningOverviewDocument, variables: { year }, pause: paused });
  const [assignmentsResult, reexecuteAssignments] = useQuery({ query: FieldworkAssignmentsDocument, variables: { year }, pause: paused });
  const [planResult, plan] = useMutation(PlanFieldworkDocument);
  const overview = overviewResult.data?.planningOverview;
  const assignments = assignmentsResult.data?.fieldworkAssignments;
  const refresh = () => {
    reexecuteOverview({ requestPolicy: 'network-only' });
    reexecuteAssignments({ requestPolicy: 'network-only' });
  };

  const byParticipant = useMemo(() => {
    const map = new Map<string, Assignment[]>();
    for (const a of assignments ?? []) map.set(a.company.slug, [...(map.get(a.company.slug) ?? []), a]);
    return map;
  }, [assignments]);
  const classes = useMemo(() => [...new Set(overview?.participants.map((p) => p.className) ?? [])], [overview]);
  const shown = useMemo(
    () =>
      (overview?.participants ?? []).filter(
        (p) =>
          (!classFilter || p.className === classFilter) &&
          (!channelFilter || p.split.some((s) => s.channel === channelFilter)) &&
          (!shortOnly || p.staffed < p.target || p.shortfalls.length > 0),
      ),
    [overview, classFilter, channelFilter, shortOnly],
  );
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  useEffect(() => {
    document.title = `${t('planning.heading', { year })} – KSP`;
  }, [t, year]);

  const onPlan = async () => {
    if (overview && overview.assigned > 0 && !window.confirm(t('planning.confirmReplan'))) return;
    const r = await plan({ year });
    if (!r.error) refresh();
  };

  let body;
  const error = overviewResult.error ?? assignmentsResult.error;
  if (!overview || !assignments) {
    body = <NoDataYet error={error} retry={refresh} loading={t('planning.loading')} />;
  } else {
    const done = planResult.data?.planFieldwork;
    body = (
      <>
        <div className="planning__actions">
          <button type="button" className="button button--primary" onClick={() => void onPlan()} disabled={planResult.fetching}>
            {planResult.fetching ? t('planning.planning') : t('planning.plan')}
          </button>
        </div>
        {planResult.error && (
          <div className="notice notice--error" role="alert">
            <p>{planResult.error.graphQLErrors[0]?.message ?? t('planning.change.failed')}</p>
          </div>
        )}
        <p className="result-count" role="status">
          {t('planning.result', {
            assigned: formatNumber(overview.assigned, 0, locale),
            unassigned: formatNumber(overview.unassigned, 0, locale),
          })}
          {done &&
            ` ${t('planning.resultDetail', { planned: formatNumber(done.planned, 0, locale), kept: formatNumber(done.kept, 0, locale) })}`}
        </p>
        <div className="filters">
          <FilterSelect
            label={t('planning.className')}
            value={classFilter}
            all={t('planning.allClasses')}
            options={classes.map((c) => ({ value: c, label: c }))}
            onChange={(v) => setParam(CLASS_PARAM, v)}
          />
          <FilterSelect
            label={t('planning.channel')}
            value={channelFilter}
            all={t('planning.allChannels')}
            options={CHANNELS.map((c) => ({ value: c, label: t(`domain.channel.${c}`) }))}
            onChange={(v) => setParam(CHANNEL_PARAM, v)}
          />
          <FilterSelect
            label={t('planning.week')}
            value={weekFilter}
            all={t('planning.allWeeks')}
            options={overview.fieldworkWeeks.map((w) => ({ value: w, label: t('planning.weekN', { week: w }) }))}
            onChange={(v) => setParam(WEEK_PARAM, v)}
          />
          <div className="field field--checkbox">
            <label htmlFor={shortId}>
              <input
                id={shortId}
                type="checkbox"
                checked={shortOnly}
                onChange={(e) => setParam(SHORT_PARAM, e.target.checked ? '1' : '')}
              />{' '}
              {t('planning.notFull')}
            </label>
          </div>
        </div>
        <p className="result-count">{t('planning.participants', { count: shown.length })}</p>
        {shortOnly && shown.length === 0 && overview.unassigned === 0 && <p className="notice">{t('planning.allStaffed')}</p>}
        {shown.map((p) => (
          <ParticipantPlan
            key={p.company.slug}
            participant={p}
            assignments={(byParticipant.get(p.company.slug) ?? []).filter(
              (a) => (!channelFilter || a.channel === channelFilter) && (!weekFilter || a.week === weekFilter),
            )}
            channel={channelFilter ?? null}
            onChanged={refresh}
            language={i18n.language}
          />
        ))}
      </>
    );
  }

  return (
    <section aria-labelledby="planning-heading" className="planning">
      <h1 id="planning-heading">{t('planning.heading', { year })}</h1>
      {overview && (
        <p className="report__subtitle">
          {t('planning.status', { status: t(`resultList.editionStatus.${overview.status}`) })}
          {' · '}
          {overview.plannedAt
            ? t('planning.plannedAt', {
                at: formatDateTime(overview.plannedAt, locale),
                by: overview.plannedBy ?? '–',
              })
            : t('planning.notPlanned')}
        </p>
      )}
      {body}
    </section>
  );
}

function ParticipantPlan({
  participant: p,
  assignments,
  channel,
  onChanged,
  language,
}: {
  participant: Participant;
  assignments: Assignment[];
  channel: Channel | null;
  onChanged: () => void;
  language: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState<Assignment | null>(null);
  const headingId = useId();
  const split = p.split.filter((s) => !channel || s.channel === channel);
  const full = p.staffed >= p.target && p.shortfalls.length === 0;
  return (
    <article className="planning__participant" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {p.company.name} <span className="planning__class">{p.className}</span>
      </h2>
      <p>
        {t('planning.channels', { channels: p.channels.map((c) => t(`domain.channel.${c}`)).join(', ') })}
        {' · '}
        {t('planning.staffed', { staffed: p.staffed, target: p.target })}
        {!full && <span className="badge planning__short">{t('planning.notFullBadge')}</span>}
      </p>
      <TableScroll label={t('planning.splitCaption', { company: p.company.name })}>
        <table className="data-table">
          <caption className="visually-hidden">{t('planning.splitCaption', { company: p.company.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.channel')}</th>
              <th scope="col" className="num">
                {t('planning.target')}
              </th>
              <th scope="col" className="num">
                {t('planning.staffedColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {split.map((s) => (
              <tr key={s.channel}>
                <th scope="row">{t(`domain.channel.${s.channel}`)}</th>
                <td className="num">{s.target}</td>
                <td className="num">{s.staffed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="planning__weeks">{p.weeks.map((w) => t('planning.weekCount', { week: w.week, count: w.staffed })).join(' · ')}</p>
      {p.shortfalls.length > 0 && (
        <div className="notice notice--error">
          <p>{t('planning.shortfalls')}</p>
          <ul>
            {p.shortfalls.map((s) => (
              <li key={`${s.channel}-${s.week}`}>
                <strong>
                  {t('planning.shortfall', {
                    missing: s.missing,
                    planned: s.planned,
                    channel: t(`domain.channel.${s.channel}`).toLowerCase(),
                    week: s.week,
                  })}
                </strong>
                {': '}
                {/* The reason is written in Norwegian by the planner; in English, the rules in the page's words. */}
                {language.startsWith('nb') ? s.reason : s.rules.map((r) => t(`planning.rule.${r}`)).join(' ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('planning.assignments', { count: assignments.length })}</summary>
        {open && (
          <TableScroll label={t('planning.assignmentsCaption', { company: p.company.name })}>
            <table className="data-table">
              <caption className="visually-hidden">{t('planning.assignmentsCaption', { company: p.company.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('planning.channel')}</th>
                  <th scope="col" className="num">
                    {t('planning.week')}
                  </th>
                  <th scope="col">{t('planning.observer')}</th>
                  <th scope="col">{t('planning.gender')}</th>
                  <th scope="col">{t('planning.age')}</th>
                  <th scope="col">{t('planning.statusColumn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('planning.change.column')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id}>
                    <td>{t(`domain.channel.${a.channel}`)}</td>
                    <td className="num">{a.week ?? '–'}</td>
                    <th scope="row">{a.observer.id}</th>
                    <td>{t(`domain.gender.${a.observer.gender}`)}</td>
                    <td>{a.observer.ageBand}</td>
                    <td>{t(`planning.assignmentStatus.${a.status}`)}</td>
                    <td>
                      {a.status === 'PLANNED' && (
                        <button type="button" className="button button--small" onClick={() => setChanging(a)}>
                          {t('planning.change.open', { observer: a.observer.id })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </details>
      {changing && (
        <ChangeObserver
          key={changing.id}
          assignment={changing}
          companyName={p.company.name}
          language={language}
          onClose={() => setChanging(null)}
          onChanged={() => {
            setChanging(null);
            onChanged();
          }}
        />
      )}
    </article>
  );
}

/** The change by hand: one assignment, a new observer id; a refusal beside the field, in the rule's words. */
function ChangeObserver({
  assignment,
  companyName,
  language,
  onClose,
  onChanged,
}: {
  assignment: Assignment;
  companyName: string;
  language: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const errorId = useId();
  const [observerId, setObserverId] = useState('');
  const [result, assign] = useMutation(AssignObserverDocument);
  const [refusal, setRefusal] = useState('');
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!observerId.trim()) {
      setRefusal(t('planning.change.missing'));
      return;
    }
    const r = await assign({ assignmentId: assignment.id, observerId: observerId.trim() });
    if (r.error) setRefusal(refusalText(r.error, t, language));
    else onChanged();
  };
  return (
    <form className="planning__change" onSubmit={(e) => void onSubmit(e)} aria-label={t('planning.change.heading')}>
      <p>
        {t('planning.change.which', {
          company: companyName,
          channel: t(`domain.channel.${assignment.channel}`).toLowerCase(),
          week: assignment.week ?? '–',
          observer: assignment.observer.id,
        })}
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={inputId}>{t('planning.change.observer')}</label>
          <input
            id={inputId}
            type="text"
            value={observerId}
            autoComplete="off"
            onChange={(e) => {
              setObserverId(e.target.value);
              setRefusal('');
            }}
            aria-invalid={refusal ? true : undefined}
            aria-describedby={refusal ? errorId : undefined}
          />
          {refusal && (
            <p id={errorId} className="field__error" role="alert">
              {refusal}
            </p>
          )}
        </div>
        <div className="field field--buttons">
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {t('planning.change.submit')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('planning.change.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
