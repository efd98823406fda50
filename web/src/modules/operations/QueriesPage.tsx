import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { formatDateTime } from '@ksp/shared/format/date';
import { refusedRule, serverFieldProblems, useFieldProblemText } from '@web/app/fieldProblems';
import { useLocale } from '@web/app/i18n/useLocale';
import { NoDataYet } from '@web/app/NoDataYet';
import { responsePath } from '@web/app/paths';
import type { ResponseQueriesQuery } from '@web/graphql/generated/graphql';
import { RejectQueryDocument, ResponseQueriesDocument } from './queries.graphql';
import { CorrectionForm } from './CorrectionForm';
import { operationsPath } from './paths';

export type QueryCase = ResponseQueriesQuery['responseQueries'][number];

/** Staff: the managers' queries of an edition's responses, open first; reject with a reply, or uphold through a correction. */
export default function QueriesPage() {
  const { t } = useTranslation();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const [result, reexecute] = useQuery({ query: ResponseQueriesDocument, variables: { year }, pause: !Number.isInteger(year) });
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const cases = result.data?.responseQueries;

  useEffect(() => {
    document.title = t('queryCases.documentTitle', { year });
  }, [t, year]);

  return (
    <section aria-labelledby="queries-heading" className="operations query-cases">
      <p>
        <Link to={operationsPath(year)}>{t('operations.toOperations')}</Link>
      </p>
      <h1 id="queries-heading">{t('queryCases.heading', { year })}</h1>
      <p className="explanation">{t('queryCases.intro')}</p>
      {done && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
      {!cases ? (
        <NoDataYet error={result.error} retry={refresh} loading={t('queryCases.loading')} />
      ) : cases.length === 0 ? (
        <p className="notice">{t('queryCases.none')}</p>
      ) : (
        <ol className="query-cases__list">
          {cases.map((c) => (
            <li key={c.id}>
              <QueryCaseCard
                year={year}
                query={c}
                onDecided={(message) => {
                  setDone(message);
                  refresh();
                }}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function QueryCaseCard({ year, query: q, onDecided }: { year: number; query: QueryCase; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const problemText = useFieldProblemText();
  const [mode, setMode] = useState<'idle' | 'reject' | 'uphold'>('idle');
  const [reply, setReply] = useState('');
  const [replyProblem, setReplyProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [rejectState, reject] = useMutation(RejectQueryDocument);
  const headingId = useId();
  const replyId = useId();

  const doReject = async () => {
    setRefusal(null);
    if (!reply.trim()) return setReplyProblem(t('queryCases.problems.REQUIRED'));
    const result = await reject({ queryId: q.id, reply: reply.trim() });
    if (result.data?.rejectQuery) return onDecided(t('queryCases.rejected'));
    const field = serverFieldProblems(result.error).find((p) => p.field === 'reply');
    if (field) return setReplyProblem(problemText(field, [`queryCases.problems.${field.reason}`]));
    setRefusal(ruleText(refusedRule(result.error)));
  };
  const ruleText = (rule: string | null) =>
    rule && i18n.exists(`queryCases.rule.${rule}`) ? t(`queryCases.rule.${rule}` as 'queryCases.rule.NO_CHANGE') : t('queryCases.failed');

  return (
    <article className="query-case" aria-labelledby={headingId}>
      <h2 id={headingId} className="query-case__title">
        {q.company.name} · <Link to={responsePath(year, q.company.slug, q.inquiryId)}>{t('responses.inquiry', { id: q.inquiryId })}</Link>
      </h2>
      <dl className="response-meta">
        <div>
          <dt>{t('queryCases.status')}</dt>
          <dd>
            <span className={`badge badge--query-${q.status.toLowerCase()}`}>{t(`queries.status.${q.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('queryCases.channel')}</dt>
          <dd>{t(`domain.channel.${q.channel}`)}</dd>
        </div>
        <div>
          <dt>{t('queryCases.askedBy')}</dt>
          <dd>{q.askedBy ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('queryCases.askedAt')}</dt>
          <dd>{formatDateTime(q.askedAt, locale)}</dd>
        </div>
      </dl>
      <p className="query-case__message">
        <strong>{t('queryCases.message')}:</strong> {q.message}
      </p>
      {q.reply && (
        <p className="query-case__reply">
          <strong>{t('queryCases.reply')}:</strong> {q.reply}
        </p>
      )}
      {q.decidedAt && (
        <p className="explanation">{t('queryCases.decidedBy', { by: q.decidedBy ?? '–', date: formatDateTime(q.decidedAt, locale) })}</p>
      )}
      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}
      {q.status === 'OPEN' && mode === 'idle' && !q.assignmentId && <p className="explanation">{t('queryCases.noAssignment')}</p>}
      {q.status === 'OPEN' && mode === 'idle' && (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => setMode('uphold')} disabled={!q.assignmentId}>
            {t('queryCases.uphold')}
          </button>
          <button type="button" className="button" onClick={() => setMode('reject')}>
            {t('queryCases.reject')}
          </button>
        </div>
      )}
      {q.status === 'OPEN' && mode === 'reject' && (
        <div className="query-case__reject">
          <div className="field field--wide">
            <label htmlFor={replyId}>{t('queryCases.rejectReply')}</label>
            <textarea
              id={replyId}
              rows={3}
              value={reply}
              required
              maxLength={2000}
              aria-invalid={replyProblem ? true : undefined}
              aria-describedby={replyProblem ? `${replyId}-error` : undefined}
              onChange={(e) => {
                setReply(e.target.value);
                setReplyProblem(null);
              }}
            />
            {replyProblem && (
              <p id={`${replyId}-error`} className="field__error">
                {replyProblem}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="button" className="button button--primary" disabled={rejectState.fetching} onClick={() => void doReject()}>
              {t('queryCases.confirmReject')}
            </button>
            <button type="button" className="button" onClick={() => setMode('idle')}>
              {t('queryCases.cancel')}
            </button>
          </div>
        </div>
      )}
      {q.status === 'OPEN' && mode === 'uphold' && q.assignmentId && (
        <CorrectionForm
          year={year}
          query={{ ...q, assignmentId: q.assignmentId }}
          ruleText={ruleText}
          onCancel={() => setMode('idle')}
          onDone={() => onDecided(t('queryCases.upheld'))}
        />
      )}
    </article>
  );
}
