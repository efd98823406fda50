import { useTranslation } from 'react-i18next';
import type { Channel } from '@ksp/shared/domain';
import type { FieldProblem } from '@ksp/shared/field-problem';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from '../../app/i18n/useLocale';
import type { AssignmentFormQuery } from '../../graphql/generated/graphql';
import type { AttemptDraft } from './formDraft';

// The fields of the observer's form: one attempt, one question, and the problems beside a field.

type Question = AssignmentFormQuery['myAssignments'][number]['questions'][number];
/** Channels whose wait is typed as minutes and seconds; e-mail gives the reply's date and time. */
const isEmail = (channel: Channel) => channel === 'EMAIL';

export function Problems({
  field,
  problems,
  text,
  id,
}: {
  field: string;
  problems: FieldProblem[];
  text: (p: FieldProblem) => string;
  id?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className="field__error response-form__problems" id={id} data-field={field}>
      {problems.map((p, i) => (
        <li key={i}>{text(p)}</li>
      ))}
    </ul>
  );
}

export function AttemptFields({
  index,
  attempt,
  channel,
  onChange,
  onRemove,
  problems,
  text,
}: {
  index: number;
  attempt: AttemptDraft;
  channel: Channel;
  onChange: (change: Partial<AttemptDraft>) => void;
  onRemove: (() => void) | undefined;
  problems: (field: string) => FieldProblem[];
  text: (p: FieldProblem) => string;
}) {
  const { t } = useTranslation();
  const id = `attempt-${index}`;
  const atProblems = problems(`attempts[${index}].at`);
  const waitProblems = problems(`attempts[${index}].waitSeconds`);
  const email = isEmail(channel);
  return (
    <fieldset className="response-form__attempt">
      <legend>{t('responseForm.attempt', { n: index + 1 })}</legend>
      <div className="response-form__row">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('responseForm.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={attempt.date}
            aria-invalid={atProblems.length > 0 || undefined}
            aria-describedby={atProblems.length ? `${id}-at-problem` : undefined}
            onChange={(e) => onChange({ date: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{t('responseForm.time')}</label>
          <input
            id={`${id}-time`}
            type="time"
            value={attempt.time}
            aria-invalid={atProblems.length > 0 || undefined}
            aria-describedby={atProblems.length ? `${id}-at-problem` : undefined}
            onChange={(e) => onChange({ time: e.target.value })}
          />
        </div>
      </div>
      <Problems id={`${id}-at-problem`} field={`attempts[${index}].at`} problems={atProblems} text={text} />
      <div className="field field--checkbox">
        <input id={`${id}-replied`} type="checkbox" checked={attempt.replied} onChange={(e) => onChange({ replied: e.target.checked })} />
        <label htmlFor={`${id}-replied`}>{t('responseForm.replied')}</label>
      </div>
      {attempt.replied &&
        (email ? (
          <>
            <div className="response-form__row">
              <div className="field">
                <label htmlFor={`${id}-reply-date`}>{t('responseForm.replyDate')}</label>
                <input
                  id={`${id}-reply-date`}
                  type="date"
                  value={attempt.replyDate}
                  onChange={(e) => onChange({ replyDate: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-reply-time`}>{t('responseForm.replyTime')}</label>
                <input
                  id={`${id}-reply-time`}
                  type="time"
                  value={attempt.replyTime}
                  onChange={(e) => onChange({ replyTime: e.target.value })}
                />
              </div>
            </div>
            <div className="field field--checkbox">
              <input
                id={`${id}-auto`}
                type="checkbox"
                checked={attempt.automaticReplyOnly}
                onChange={(e) => onChange({ automaticReplyOnly: e.target.checked })}
              />
              <label htmlFor={`${id}-auto`}>{t('responseForm.automaticReplyOnly')}</label>
            </div>
          </>
        ) : (
          <div className="response-form__row">
            <div className="field">
              <label htmlFor={`${id}-min`}>{t('responseForm.waitMinutes')}</label>
              <input
                id={`${id}-min`}
                type="number"
                inputMode="numeric"
                min={0}
                value={attempt.waitMinutes}
                onChange={(e) => onChange({ waitMinutes: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-sec`}>{t('responseForm.waitSeconds')}</label>
              <input
                id={`${id}-sec`}
                type="number"
                inputMode="numeric"
                min={0}
                max={59}
                value={attempt.waitSeconds}
                onChange={(e) => onChange({ waitSeconds: e.target.value })}
              />
            </div>
          </div>
        ))}
      <Problems field={`attempts[${index}].waitSeconds`} problems={waitProblems} text={text} />
      {onRemove && (
        <button type="button" className="button button--small" onClick={onRemove}>
          {t('responseForm.removeAttempt', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}

export function QuestionField({
  question: q,
  answer,
  returned,
  onChange,
  problems,
  text,
}: {
  question: Question;
  answer: { optionCode?: string; value?: number } | undefined;
  returned: boolean;
  onChange: (answer: { optionCode?: string; value?: number }) => void;
  problems: FieldProblem[];
  text: (p: FieldProblem) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = `q-${q.code}`;
  const scale =
    q.kind === 'SCALE' && q.min !== null && q.max !== null ? Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min! + i) : null;
  return (
    <fieldset
      className={`response-form__question${returned ? ' response-form__question--returned' : ''}`}
      aria-invalid={problems.length > 0 || undefined}
      aria-describedby={problems.length ? `${name}-problem` : undefined}
    >
      <legend>
        {returned && <span className="response-form__fix">{t('responseForm.fixThis')}</span>} {q.text}
      </legend>
      {scale ? (
        <div className="response-form__scale">
          {scale.map((n) => (
            <label key={n} className="response-form__scale-option">
              <input type="radio" name={name} checked={answer?.value === n} onChange={() => onChange({ value: n })} />
              <span>{formatNumber(n, 0, locale)}</span>
            </label>
          ))}
        </div>
      ) : (
        <div className="response-form__options">
          {q.options.map((o) => (
            <label key={o.code} className="response-form__option">
              <input type="radio" name={name} checked={answer?.optionCode === o.code} onChange={() => onChange({ optionCode: o.code })} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      )}
      <Problems id={`${name}-problem`} field={`answers.${q.code}`} problems={problems} text={text} />
    </fieldset>
  );
}
