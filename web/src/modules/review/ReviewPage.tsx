import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '@ksp/shared/format/date';
import { useLocale } from '../../app/i18n/useLocale';
import { NoDataYet } from '../../app/NoDataYet';
import type { ReviewedAssignmentFragment } from '../../graphql/generated/graphql';
import { operationsPath } from '../operations/paths';
import { ApproveResponsesDocument, ReturnedResponsesDocument, ReviewQueueDocument } from './graphql';
import { questionTexts, ResponseDetails } from './ResponseDetails';
import { ReturnForm, ruleText } from './ReturnForm';
import { elapsed } from './time';

type Assignment = ReviewedAssignmentFragment;

/** "for 2 dager siden": how long a response has waited, in the largest whole unit. */
function agoText(at: string, now: number, t: TFunction): string {
  const e = elapsed(at, now);
  return e ? t(`review.ago.${e.unit}`, { count: e.count }) : t('review.ago.now');
}

/**
 * Staff: the review of an edition's responses (domain.md "Running an edition in the product",
 * step 5). The queue, oldest submission first, with what looks odd flagged; each response can be
 * approved (or several at once) or returned to its observer with a note and the questions to fix.
 * Below, the responses back with their observers, oldest return first, overdue ones marked.
 */
export default function ReviewPage() {
  const { t } = useTranslation();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const paused = !Number.isInteger(year);
  const [queueResult, reexecuteQueue] = useQuery({ query: ReviewQueueDocument, variables: { year }, pause: paused });
  const [returnedResult, reexecuteReturned] = useQuery({ query: ReturnedResponsesDocument, variables: { year }, pause: paused });
  // What the last action did, said once the lists show it.
  const [done, setDone] = useState('');
  const refresh = () => {
    reexecuteQueue({ requestPolicy: 'network-only' });
    reexecuteReturned({ requestPolicy: 'network-only' });
  };

  useEffect(() => {
    document.title = `${t('review.heading', { year })} – KSP`;
  }, [t, year]);

  const queue = queueResult.data?.reviewQueue;
  const returned = returnedResult.data?.returnedResponses;
  return (
    <section aria-labelledby="review-heading" className="review">
      <h1 id="review-heading">{t('review.heading', { year })}</h1>
      <p>
        <Link to={operationsPath(year)}>{t('review.toOperations')}</Link>
      </p>
      {done && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
      <h2>{t('review.queue.heading')}</h2>
      {queue ? (
        <Queue
          queue={queue}
          onChanged={(message) => {
            setDone(message);
            refresh();
          }}
        />
      ) : (
        <NoDataYet error={queueResult.error} retry={refresh} loading={t('review.loading')} level={2} />
      )}
      <h2>{t('review.returned.heading')}</h2>
      {returned ? (
        <Returned list={returned} />
      ) : (
        <NoDataYet error={returnedResult.error} retry={refresh} loading={t('review.loading')} level={2} />
      )}
    </section>
  );
}

function Queue({ queue, onChanged }: { queue: Assignment[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState('');
  const [result, approve] = useMutation(ApproveResponsesDocument);
  // A refreshed queue may have lost some of the selected: only those still waiting count.
  const chosen = queue.filter((a) => selected.has(a.id)).map((a) => a.id);
  // "for 2 dager siden" counts from when the page opened: the clock does not re-render the queue.
  const [now] = useState(() => Date.now());

  const onApprove = async (ids: string[]) => {
    setRefusal('');
    const r = await approve({ assignmentIds: ids });
    if (r.error) {
      setRefusal(ruleText(r.error, t));
      // Someone else may have reviewed one of them: show the queue as it is now.
      if (r.error.graphQLErrors.length) onChanged('');
      return;
    }
    setSelected(new Set());
    onChanged(t('review.queue.approved', { count: ids.length }));
  };

  if (queue.length === 0) return <p className="notice">{t('review.queue.empty')}</p>;
  return (
    <>
      <p className="explanation">{t('review.queue.explanation')}</p>
      <p className="result-count">{t('review.queue.count', { count: queue.length })}</p>
      <p className="operations__buttons">
        <label className="review__select-all">
          <input
            type="checkbox"
            checked={chosen.length === queue.length}
            onChange={(e) => setSelected(new Set(e.target.checked ? queue.map((a) => a.id) : []))}
          />{' '}
          {t('review.queue.selectAll', { count: queue.length })}
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={chosen.length === 0 || result.fetching}
          onClick={() => void onApprove(chosen)}
        >
          {t('review.queue.approveSelected', { count: chosen.length })}
        </button>
      </p>
      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}
      <ol className="review__list">
        {queue.map((a) => (
          <li key={a.id}>
            <QueueCard
              assignment={a}
              now={now}
              selected={selected.has(a.id)}
              busy={result.fetching}
              onSelect={(on) =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (on) next.add(a.id);
                  else next.delete(a.id);
                  return next;
                })
              }
              onApprove={() => void onApprove([a.id])}
              onReturned={() => onChanged(t('review.queue.returned', { observer: a.observer.id }))}
            />
          </li>
        ))}
      </ol>
    </>
  );
}

/** Who, where and when, the same line on both lists. */
function Meta({ assignment: a }: { assignment: Assignment }) {
  const { t } = useTranslation();
  return (
    <p className="review-card__meta">
      {t('review.meta', {
        channel: t(`domain.channel.${a.channel}`),
        week: a.week ?? '–',
        observer: a.observer.id,
        gender: t(`domain.gender.${a.observer.gender}`).toLowerCase(),
        age: a.observer.ageBand,
      })}
    </p>
  );
}

function QueueCard({
  assignment: a,
  now,
  selected,
  busy,
  onSelect,
  onApprove,
  onReturned,
}: {
  assignment: Assignment;
  now: number;
  selected: boolean;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onApprove: () => void;
  onReturned: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const [returning, setReturning] = useState(false);
  const flags = a.review?.flags ?? [];
  const submittedAt = a.review?.submittedAt;
  return (
    <article className={`review-card${flags.length ? ' review-card--flagged' : ''}`} aria-labelledby={headingId}>
      <div className="review-card__head">
        <label className="review-card__select">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} />
          <span className="visually-hidden">
            {t('review.queue.select', { company: a.company.name, channel: t(`domain.channel.${a.channel}`), observer: a.observer.id })}
          </span>
        </label>
        <h3 id={headingId}>
          {a.company.name} <span className="planning__class">{a.className}</span>
        </h3>
      </div>
      <Meta assignment={a} />
      {submittedAt && <p>{t('review.submittedAt', { at: formatDateTime(submittedAt, locale), ago: agoText(submittedAt, now, t) })}</p>}
      {flags.length > 0 && (
        <ul className="review-card__flags" aria-label={t('review.flags')}>
          {flags.map((f) => (
            <li key={f.flag}>
              <span className="badge review-card__flag">{t(`review.flag.${f.flag}`)}</span> {f.message}
            </li>
          ))}
        </ul>
      )}
      <ResponseDetails assignment={a} />
      {returning ? (
        <ReturnForm assignment={a} onCancel={() => setReturning(false)} onReturned={onReturned} />
      ) : (
        <p className="operations__buttons">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={onApprove}
            aria-label={t('review.approveOne', { observer: a.observer.id, company: a.company.name })}
          >
            {t('review.approve')}
          </button>
          <button type="button" className="button" onClick={() => setReturning(true)}>
            {t('review.return.open')}
          </button>
        </p>
      )}
    </article>
  );
}

function Returned({ list }: { list: Assignment[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (list.length === 0) return <p className="notice">{t('review.returned.empty')}</p>;
  return (
    <>
      <p className="explanation">{t('review.returned.explanation')}</p>
      <ol className="review__list">
        {list.map((a) => {
          const r = a.review;
          const by = [...a.events].reverse().find((e) => e.action === 'RETURNED')?.by ?? '–';
          return (
            <li key={a.id}>
              <article
                className={`review-card${r?.overdue ? ' review-card--flagged' : ''}`}
                aria-label={`${a.company.name}, ${a.observer.id}`}
              >
                <h3>
                  {a.company.name} <span className="planning__class">{a.className}</span>
                  {r?.overdue && <span className="badge review-card__flag">{t('review.returned.overdue')}</span>}
                </h3>
                <Meta assignment={a} />
                {r?.returnedAt && <p>{t('review.returned.at', { at: formatDateTime(r.returnedAt, locale), by })}</p>}
                <dl className="review-list">
                  <div>
                    <dt>{t('review.returned.note')}</dt>
                    <dd className="review-card__comment">{r?.returnNote ?? '–'}</dd>
                  </div>
                  {r && r.returnQuestions.length > 0 && (
                    <div>
                      <dt>{t('review.returned.questions')}</dt>
                      <dd>
                        <ul>
                          {questionTexts(r.returnQuestions, r).map((q, i) => (
                            <li key={`${r.returnQuestions[i]}`}>{q}</li>
                          ))}
                        </ul>
                      </dd>
                    </div>
                  )}
                </dl>
                <ResponseDetails assignment={a} />
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
