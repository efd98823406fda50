import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formatShortDate } from '@ksp/shared/format/date';
import { formatNumber } from '@ksp/shared/format/number';
import { refusedRule, serverFieldProblems, useFieldProblemText } from '@web/app/fieldProblems';
import { useLocale } from '@web/app/i18n/useLocale';
import type { ResponseQueryDetailFragment } from '@web/graphql/generated/graphql';
import { QueryResponseDocument } from './documents';

/** The longest message the server takes (correction.service.ts MAX_TEXT). */
export const MAX_QUERY_MESSAGE = 2000;

interface Props {
  year: number;
  company: string;
  inquiryId: string;
  queries: readonly ResponseQueryDetailFragment[];
  /** The company's own manager: only they ask; staff answer queries on their own page. */
  canAsk: boolean;
}

/**
 * A manager's queries of one own response and their outcome (staff's reply beside it), and,
 * for the manager, a small form to ask about it. The server decides whether the query may be
 * made (published edition, within the deadline, no open query): its refusal is said here.
 */
export function ResponseQueries({ year, company, inquiryId, queries, canAsk }: Props) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const problemText = useFieldProblemText();
  const [state, ask] = useMutation(QueryResponseDocument);
  const [asked, setAsked] = useState<ResponseQueryDetailFragment[]>([]);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const messageId = useId();
  const headingId = useId();
  const all = [...queries, ...asked.filter((a) => !queries.some((q) => q.id === a.id))];
  const pending = all.some((q) => q.status === 'OPEN');
  if (all.length === 0 && !canAsk) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    const text = message.trim();
    if (!text) return setProblem(t('queries.problems.REQUIRED'));
    if (text.length > MAX_QUERY_MESSAGE)
      return setProblem(t('queries.problems.TOO_LONG', { max: formatNumber(MAX_QUERY_MESSAGE, 0, locale) }));
    setProblem(null);
    const result = await ask({ year, companySlug: company, inquiryId, message: text });
    const query = result.data?.queryResponse;
    if (query) {
      setAsked((list) => [...list, query]);
      setMessage('');
      setOpen(false);
      setSent(true);
      return;
    }
    const field = serverFieldProblems(result.error).find((p) => p.field === 'message');
    if (field) return setProblem(problemText(field, [`queries.problems.${field.reason}`]));
    const rule = refusedRule(result.error);
    const ruleKey = `queries.rule.${rule}`;
    // A rule the page has words for, in the reader's language; anything else as a failure to retry.
    setRefusal(rule && i18n.exists(ruleKey) ? t(ruleKey as 'queries.rule.QUERY_OPEN') : t('queries.failed'));
  };

  return (
    <section className="response-queries" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('queries.heading')}</h4>
      {all.length > 0 && (
        <ul className="response-queries__list">
          {all.map((q) => (
            <li key={q.id} className="response-queries__item">
              <p className="response-queries__meta">
                <span className={`badge badge--query-${q.status.toLowerCase()}`}>{t(`queries.status.${q.status}`)}</span>{' '}
                {t('queries.asked', { date: formatShortDate(q.askedAt, locale) })}
                {q.decidedAt && <> · {t('queries.decided', { date: formatShortDate(q.decidedAt, locale) })}</>}
              </p>
              <p className="response-queries__message">{q.message}</p>
              {q.reply && (
                <p className="response-queries__reply">
                  <strong>{t('queries.reply')}:</strong> {q.reply}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {sent && (
        <p className="notice notice--success" role="status">
          {t('queries.sent')}
        </p>
      )}
      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}
      {canAsk && pending && !sent && <p className="explanation">{t('queries.openPending')}</p>}
      {canAsk && !pending && !open && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(true);
            setSent(false);
          }}
        >
          {t('queries.ask')}
        </button>
      )}
      {canAsk && open && (
        <form className="response-queries__form" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field field--wide">
            <label htmlFor={messageId}>{t('queries.message')}</label>
            <textarea
              id={messageId}
              rows={4}
              value={message}
              required
              maxLength={MAX_QUERY_MESSAGE}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${messageId}-error ${messageId}-hint` : `${messageId}-hint`}
              onChange={(e) => {
                setMessage(e.target.value);
                setProblem(null);
              }}
            />
            <p id={`${messageId}-hint`} className="field__hint">
              {t('queries.messageHint')}
            </p>
            {problem && (
              <p id={`${messageId}-error`} className="field__error">
                {problem}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={state.fetching}>
              {t('queries.send')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpen(false);
                setProblem(null);
                setRefusal(null);
              }}
            >
              {t('queries.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
