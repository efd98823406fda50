import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { refusedRule, serverFieldProblems, useFieldProblemText } from '@web/app/fieldProblems';
import { NoDataYet } from '@web/app/NoDataYet';
import type { AnswerInput, CorrectionSourceQuery, ResponseInput } from '@web/graphql/generated/graphql';
import { CorrectResponseDocument, CorrectionSourceDocument } from './queries.graphql';
import { commentsOf } from '../assignments/formDraft';
import type { QueryCase } from './QueriesPage';

type Question = CorrectionSourceQuery['formQuestions'][number];
const COMMENTS = ['reception', 'agent', 'overall'] as const;
type CommentKey = (typeof COMMENTS)[number];

interface Props {
  year: number;
  query: QueryCase & { assignmentId: string };
  /** A refused rule in the page's words. */
  ruleText: (rule: string | null) => string;
  onCancel: () => void;
  onDone: () => void;
}

/**
 * Upholds a query through a correction of its response: the channel's questions prefilled with
 * the response's ticks, its three comments, and the reason (the manager reads it as the reply).
 * The attempts are not offered: `attempts: []` keeps the stored ones.
 */
export function CorrectionForm({ year, query: q, ruleText, onCancel, onDone }: Props) {
  const { t } = useTranslation();
  const problemText = useFieldProblemText();
  const ids = useId();
  // The report's responses are paged: step through the channel's pages until the response is found.
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [source, reexecute] = useQuery({
    query: CorrectionSourceDocument,
    variables: { year, companySlug: q.company.slug, channel: q.channel, ...(after ? { after } : {}) },
  });
  const page = source.data?.participation?.report?.responses;
  const questions = source.data?.formQuestions;
  const response = page?.edges.find((e) => e.node.id === q.inquiryId)?.node;
  const nextPage = !response && page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  // Adjusted while rendering (not in an effect): the next page is asked at once.
  if (nextPage && nextPage !== after) setAfter(nextPage);

  const initial = useMemo(() => {
    if (!response) return undefined;
    const answers: Record<string, string> = {};
    for (const a of response.answers) answers[a.questionCode] = a.optionCode ?? (a.value === null ? '' : String(a.value));
    // Without urql's `__typename`, which the correction's input refuses.
    return { answers, comments: commentsOf(response.comments) as Record<CommentKey, string> };
  }, [response]);
  const [answers, setAnswers] = useState<Record<string, string> | undefined>();
  const [comments, setComments] = useState<Record<CommentKey, string> | undefined>();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [state, correct] = useMutation(CorrectResponseDocument);

  if (!questions || !initial) {
    if (page && !response && !nextPage) return <p className="notice">{t('queryCases.correction.notFound')}</p>;
    return (
      <NoDataYet
        error={source.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
        loading={t('queryCases.correction.loading')}
        level={2}
      />
    );
  }
  const shownAnswers = answers ?? initial.answers;
  const shownComments = comments ?? initial.comments;
  const fieldId = (name: string) => `${ids}-${name}`;
  const invalid = (name: string) => (problems[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(name)}-error` } : {});
  const problem = (name: string) =>
    problems[name] && (
      <p id={`${fieldId(name)}-error`} className="field__error">
        {problems[name]}
      </p>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    if (!reason.trim()) return setProblems({ reason: t('queryCases.problems.REQUIRED') });
    setProblems({});
    const input: ResponseInput = {
      attempts: [],
      answers: questions.flatMap((question): AnswerInput[] => {
        const chosen = shownAnswers[question.code];
        if (!chosen) return [];
        return question.kind === 'SCALE'
          ? [{ questionCode: question.code, optionCode: null, value: Number(chosen) }]
          : [{ questionCode: question.code, optionCode: chosen, value: null }];
      }),
      comments: shownComments,
    };
    const result = await correct({ assignmentId: q.assignmentId, input, reason: reason.trim(), queryId: q.id });
    if (result.data?.correctResponse) return onDone();
    const fields = serverFieldProblems(result.error);
    if (fields.length > 0) {
      // `answers.AGT_NEEDS`, `comments.agent`, `reason`: beside the field of that name.
      setProblems(Object.fromEntries(fields.map((f) => [f.field, problemText(f, [`queryCases.problems.${f.reason}`])])));
      return;
    }
    setRefusal(ruleText(refusedRule(result.error)));
  };

  const scaleValues = (question: Question) =>
    question.min !== null && question.max !== null
      ? Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min! + i)
      : [];

  return (
    <form className="correction-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={fieldId('heading')}>
      <h3 id={fieldId('heading')}>{t('queryCases.correction.heading', { id: q.inquiryId })}</h3>
      <p className="explanation">{t('queryCases.correction.attemptsKept')}</p>
      {questions.map((question) => {
        const name = `answers.${question.code}`;
        return (
          <div className="field field--wide" key={question.code}>
            <label htmlFor={fieldId(name)}>{question.text}</label>
            <select
              id={fieldId(name)}
              value={shownAnswers[question.code] ?? ''}
              {...invalid(name)}
              onChange={(e) => setAnswers({ ...shownAnswers, [question.code]: e.target.value })}
            >
              <option value="">{t('queryCases.correction.noAnswer')}</option>
              {question.kind === 'SCALE'
                ? scaleValues(question).map((v) => (
                    <option key={v} value={String(v)}>
                      {v}
                    </option>
                  ))
                : question.options.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.label}
                    </option>
                  ))}
            </select>
            {problem(name)}
          </div>
        );
      })}
      <fieldset className="correction-form__comments">
        <legend>{t('queryCases.correction.comments')}</legend>
        {COMMENTS.map((key) => {
          const name = `comments.${key}`;
          return (
            <div className="field field--wide" key={key}>
              <label htmlFor={fieldId(name)}>{t(`queryCases.correction.${key}`)}</label>
              <textarea
                id={fieldId(name)}
                rows={3}
                value={shownComments[key]}
                {...invalid(name)}
                onChange={(e) => setComments({ ...shownComments, [key]: e.target.value })}
              />
              {problem(name)}
            </div>
          );
        })}
      </fieldset>
      <div className="field field--wide">
        <label htmlFor={fieldId('reason')}>{t('queryCases.correction.reason')}</label>
        <textarea
          id={fieldId('reason')}
          rows={3}
          value={reason}
          required
          maxLength={2000}
          {...invalid('reason')}
          onChange={(e) => {
            setReason(e.target.value);
            setProblems(({ reason: _dropped, ...rest }) => rest);
          }}
        />
        {problem('reason')}
      </div>
      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={state.fetching}>
          {t('queryCases.correction.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('queryCases.cancel')}
        </button>
      </div>
    </form>
  );
}
