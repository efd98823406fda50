import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useMutation, type CombinedError } from 'urql';
import { refusedRule, serverFieldProblems, useFieldProblemText } from '../../app/fieldProblems';
import type { FieldProblem } from '@ksp/shared/field-problem';
import type { ReviewedAssignmentFragment } from '../../graphql/generated/graphql';
import { ReturnResponseDocument } from './graphql';

const RULES = ['NOT_SUBMITTED', 'NOT_IN_REVIEW', 'REQUIRED'] as const;

/** A refused rule (not a field) in the page's words; one it has no words for as the server says it. */
export function ruleText(error: CombinedError, t: TFunction): string {
  const rule = refusedRule(error);
  if (rule && (RULES as readonly string[]).includes(rule)) return t(`review.rule.${rule as (typeof RULES)[number]}`);
  return error.networkError ? t('review.failed') : (error.graphQLErrors[0]?.message ?? t('review.failed'));
}

/**
 * Returns one response to its observer: a note (required: the observer must learn what to fix)
 * and, if the reviewer wants, the response's questions to fix. The server's refusal of a field
 * shows beside it; a refused rule above the buttons.
 */
export function ReturnForm({
  assignment,
  onCancel,
  onReturned,
}: {
  assignment: ReviewedAssignmentFragment;
  onCancel: () => void;
  onReturned: () => void;
}) {
  const { t } = useTranslation();
  const problemText = useFieldProblemText();
  const noteId = useId();
  const questionsId = useId();
  const [note, setNote] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [refusal, setRefusal] = useState('');
  const [result, returnResponse] = useMutation(ReturnResponseDocument);
  const questions = [...new Map(assignment.review?.response?.answers.map((a) => [a.questionCode, a.questionText]) ?? []).entries()];
  const noteProblem = problems.find((p) => p.field === 'note');
  const questionProblems = problems.filter((p) => p.field === 'questionCodes');
  const text = (p: FieldProblem) => problemText(p, [`review.problem.${p.reason}`]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal('');
    // The same rule the server keeps, said before it is asked.
    if (!note.trim()) {
      setProblems([{ field: 'note', reason: 'REQUIRED', message: '' }]);
      return;
    }
    const r = await returnResponse({ assignmentId: assignment.id, note: note.trim(), questionCodes: codes });
    if (!r.error) {
      onReturned();
      return;
    }
    const fields = serverFieldProblems(r.error);
    setProblems(fields);
    if (fields.length === 0) setRefusal(ruleText(r.error, t));
  };

  return (
    <form className="review-card__return" onSubmit={(e) => void onSubmit(e)} aria-label={t('review.return.heading')} noValidate>
      <div className="field">
        <label htmlFor={noteId}>{t('review.return.note')}</label>
        <textarea
          id={noteId}
          rows={3}
          value={note}
          aria-required="true"
          aria-invalid={noteProblem ? true : undefined}
          aria-describedby={noteProblem ? `${noteId}-error` : undefined}
          onChange={(e) => {
            setNote(e.target.value);
            setProblems((ps) => ps.filter((p) => p.field !== 'note'));
          }}
        />
        {noteProblem && (
          <p id={`${noteId}-error`} className="field__error" role="alert">
            {text(noteProblem)}
          </p>
        )}
      </div>
      {questions.length > 0 && (
        <fieldset className="review-card__questions" aria-describedby={questionProblems.length ? `${questionsId}-error` : undefined}>
          <legend>{t('review.return.questions')}</legend>
          {questions.map(([code, questionText]) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                checked={codes.includes(code)}
                onChange={(e) => setCodes((cs) => (e.target.checked ? [...cs, code] : cs.filter((c) => c !== code)))}
              />
              <span>{questionText}</span>
            </label>
          ))}
          {questionProblems.length > 0 && (
            <p id={`${questionsId}-error`} className="field__error" role="alert">
              {questionProblems.map(text).join(' ')}
            </p>
          )}
        </fieldset>
      )}
      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}
      <p className="operations__buttons">
        <button type="submit" className="button button--primary" disabled={result.fetching}>
          {t('review.return.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('review.return.cancel')}
        </button>
      </p>
    </form>
  );
}
