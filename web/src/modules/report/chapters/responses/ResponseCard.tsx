import { useTranslation } from 'react-i18next';
import { formatPercent } from '@ksp/shared/format/number';
import { formatDateTime, formatDuration } from '@ksp/shared/format/date';
import type { ResponseDetailFragment } from '@web/graphql/generated/graphql';
import { useLocale } from '@web/app/i18n/useLocale';
import { highlightParts } from './params';
import { TableScroll } from '@web/app/TableScroll';

interface Props {
  response: ResponseDetailFragment;
  /** A question whose answer is shown first. */
  question?: string | undefined;
  hideScore?: boolean;
  /** Workshop mode: no observer data at all. */
  anonymous?: boolean;
  /** Heading level of the card's title. */
  headingLevel?: 2 | 3;
  /** Open the answers from the start. */
  answersOpen?: boolean;
}

function Comment({ text, highlighted }: { text: string; highlighted: string | undefined }) {
  const { t } = useTranslation();
  if (!text && !highlighted) return <p className="comment comment--empty">{t('responses.noComment')}</p>;
  if (!highlighted) return <p className="comment">{text}</p>;
  return (
    <p className="comment">
      {highlightParts(highlighted).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}

/** One response: channel, time, wait, (observer), score, the three comments and the ticks. */
export function ResponseCard({
  response: r,
  question,
  hideScore = false,
  anonymous = false,
  headingLevel = 3,
  answersOpen = false,
}: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const focus = question ? r.answers.find((a) => a.questionCode === question) : undefined;
  const answerText = (a: ResponseDetailFragment['answers'][number]) => (a.value !== null ? String(a.value) : (a.optionLabel ?? '–'));
  return (
    <article className="response-card" aria-labelledby={`response-${r.id}`}>
      <header className="response-card__head">
        <Heading id={`response-${r.id}`} className="response-card__title">
          {t('responses.inquiry', { id: r.id })}
        </Heading>
        {!hideScore && <span className="response-card__score">{formatPercent(r.score, 2, locale)}</span>}
        {hideScore && <span className="response-card__score response-card__score--hidden">{t('workshop.scoreHidden')}</span>}
      </header>
      <dl className="response-meta">
        <div>
          <dt>{t('report.channel')}</dt>
          <dd>{t(`domain.channel.${r.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('responses.status')}</dt>
          <dd>{t(`domain.inquiryStatus.${r.status}`)}</dd>
        </div>
        <div>
          <dt>{t('responses.contactedAt')}</dt>
          <dd>{formatDateTime(r.contactedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('responses.wait')}</dt>
          <dd>{formatDuration(r.waitSeconds, locale)}</dd>
        </div>
        <div>
          <dt>{t('responses.attempts')}</dt>
          <dd>{r.attempts}</dd>
        </div>
        {!anonymous && (
          <div>
            <dt>{t('responses.observer')}</dt>
            <dd>{t('responses.observerText', { gender: t(`domain.gender.${r.observer.gender}`), ageBand: r.observer.ageBand })}</dd>
          </div>
        )}
      </dl>
      {focus && (
        <p className="response-focus">
          <strong>{focus.questionText}</strong> {answerText(focus)}
          {!hideScore && focus.points !== null && focus.maxPoints !== null && ` (${focus.points}/${focus.maxPoints})`}
        </p>
      )}
      <div className="comments">
        <section>
          <h4>{t('responses.commentReception')}</h4>
          <Comment text={r.comments.reception} highlighted={r.highlights?.reception} />
        </section>
        <section>
          <h4>{t('responses.commentAgent')}</h4>
          <Comment text={r.comments.agent} highlighted={r.highlights?.agent} />
        </section>
        <section>
          <h4>{t('responses.commentOverall')}</h4>
          <Comment text={r.comments.overall} highlighted={r.highlights?.overall} />
        </section>
      </div>
      {r.answers.length > 0 && (
        <details className="answers" open={answersOpen}>
          <summary>{t('responses.answers')}</summary>
          <TableScroll label={t('responses.answers')}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('responses.question')}</th>
                  <th scope="col">{t('responses.answer')}</th>
                  {!hideScore && (
                    <th scope="col" className="num">
                      {t('responses.points')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {r.answers.map((a) => (
                  <tr key={a.questionCode} className={a.questionCode === question ? 'is-open' : undefined}>
                    <th scope="row">{a.questionText}</th>
                    <td>{answerText(a)}</td>
                    {!hideScore && (
                      <td className="num">{a.points !== null && a.maxPoints !== null ? `${a.points}/${a.maxPoints}` : '–'}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      )}
    </article>
  );
}
