import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime } from '@ksp/shared/format/date';
import type { Channel } from '@ksp/shared/domain';
import { useLocale } from '../../app/i18n/useLocale';
import type { ReviewedAssignmentFragment } from '../../graphql/generated/graphql';
import { daysHours, minutesSeconds } from './time';

type Review = NonNullable<ReviewedAssignmentFragment['review']>;
type Attempt = NonNullable<Review['response']>['attempts'][number];
type Event = ReviewedAssignmentFragment['events'][number];

const COMMENTS = ['reception', 'agent', 'overall'] as const;
const ACTIONS = ['PLANNED', 'REASSIGNED', 'SUBMITTED', 'RESUBMITTED', 'RETURNED', 'APPROVED', 'CORRECTED'] as const;

/** What came of an attempt: the wait (an e-mail's in days and hours, as its limit is counted), no reply, or only an automatic one. */
function attemptOutcome(a: Attempt, channel: Channel, t: TFunction): string {
  if (a.automaticReplyOnly) return t('review.automaticOnly');
  if (a.waitSeconds === null || a.waitSeconds === undefined) return t('review.noReply');
  if (channel !== 'EMAIL') return t('review.waited', { wait: minutesSeconds(a.waitSeconds) });
  const { days, hours } = daysHours(a.waitSeconds);
  const parts = [
    ...(days > 0 ? [t('review.emailWait.days', { count: days })] : []),
    ...(hours > 0 || days === 0 ? [t('review.emailWait.hours', { count: hours })] : []),
  ];
  return t('review.waited', { wait: parts.join(' ') });
}

/** An event's action in the page's words; an action the page does not know yet as the server names it. */
export function actionText(action: string, t: TFunction): string {
  return (ACTIONS as readonly string[]).includes(action) ? t(`review.action.${action as (typeof ACTIONS)[number]}`) : action;
}

/** The question texts of codes, from the response's own answers where it has them. */
export function questionTexts(codes: readonly string[], review: Review | null | undefined): string[] {
  const byCode = new Map(review?.response?.answers.map((a) => [a.questionCode, a.questionText]) ?? []);
  return codes.map((c) => byCode.get(c) ?? c);
}

/**
 * The response behind a review card, opened on demand: its attempts, status, answers, the three
 * comments and the assignment's history. Lists of label and value, so they stack on a phone.
 */
export function ResponseDetails({ assignment }: { assignment: ReviewedAssignmentFragment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const response = assignment.review?.response;
  return (
    <details className="review-card__details">
      <summary>{t('review.details')}</summary>
      {response ? (
        <>
          <h4>{t('review.attempts')}</h4>
          <ol className="review-card__attempts">
            {response.attempts.map((a, i) => (
              <li key={`${a.at}-${i}`}>
                {t('review.attempt', { n: i + 1, at: formatDateTime(a.at, locale) })}: {attemptOutcome(a, assignment.channel, t)}
              </li>
            ))}
          </ol>
          <dl className="review-list">
            <div>
              <dt>{t('review.status')}</dt>
              <dd>{t(`domain.inquiryStatus.${response.status}`)}</dd>
            </div>
          </dl>
          <h4>{t('review.answers')}</h4>
          <dl className="review-list">
            {response.answers.map((a) => (
              <div key={a.questionCode}>
                <dt>{a.questionText}</dt>
                <dd>{a.optionLabel ?? (a.value !== null && a.value !== undefined ? String(a.value) : (a.optionCode ?? '–'))}</dd>
              </div>
            ))}
          </dl>
          <h4>{t('review.comments')}</h4>
          <dl className="review-list">
            {COMMENTS.map((c) => (
              <div key={c}>
                <dt>{t(`review.comment.${c}`)}</dt>
                <dd className="review-card__comment">{response.comments[c].trim() || t('review.noComment')}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p>{t('review.noResponse')}</p>
      )}
      <h4>{t('review.history')}</h4>
      <ol className="review-card__history">
        {assignment.events.map((e, i) => (
          <HistoryEntry key={`${e.at}-${i}`} event={e} review={assignment.review} />
        ))}
      </ol>
    </details>
  );
}

function HistoryEntry({ event: e, review }: { event: Event; review: ReviewedAssignmentFragment['review'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li>
      <strong>{actionText(e.action, t)}</strong> {formatDateTime(e.at, locale)}
      {e.by && ` ${t('review.by', { by: e.by })}`}
      {e.note && `: ${e.note}`}
      {e.questions.length > 0 && ` (${questionTexts(e.questions, review).join('; ')})`}
    </li>
  );
}
