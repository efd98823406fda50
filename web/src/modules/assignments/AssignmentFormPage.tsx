import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import type { Area, Channel, QuestionDef } from '@ksp/shared/domain';
import type { FieldProblem } from '@ksp/shared/field-problem';
import { inquiryStatusOf, MAX_COMMENT_LENGTH, responseProblems, type ResponseInput } from '@ksp/shared/fieldwork/response-rules';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from '../../app/i18n/useLocale';
import { NoDataYet } from '../../app/NoDataYet';
import { serverFieldProblems, useFieldProblemText } from '../../app/fieldProblems';
import type { AssignmentFormQuery } from '../../graphql/generated/graphql';
import { AssignmentFormDocument, SubmitResponseDocument } from './graphql';
import { assignmentsPath } from './paths';
import {
  clearLocalCopy,
  COMMENT_KEYS,
  draftFromContent,
  emptyAttempt,
  emptyDraft,
  osloParts,
  readLocalCopy,
  toResponseInput,
  type AttemptDraft,
  type FormDraft,
} from './formDraft';
import { useDraftAutosave, type SaveState } from './useDraftAutosave';
import { AttemptFields, Problems, QuestionField } from './FormFields';
import { ContactPoint } from './ContactPoint';

type Assignment = AssignmentFormQuery['myAssignments'][number];
type Question = Assignment['questions'][number];

const AREA_ORDER: Area[] = ['RESPONSE_TIME', 'RECEPTION', 'AGENT', 'OVERALL', 'CX'];
/** Problems of something not yet filled in: shown once the observer asks to submit, not while a fresh form is typed. */
const MISSING_REASONS = new Set(['REQUIRED', 'MISSING_ANSWER', 'BAD_DATE', 'MISSING_REPLY_TIME']);
/** Channels whose wait is typed as minutes and seconds; e-mail gives the reply's date and time. */
const isEmail = (channel: Channel) => channel === 'EMAIL';

/** `/oppdrag/:assignmentId`: the form of one of the observer's own assignments. */
export default function AssignmentFormPage() {
  const { t } = useTranslation();
  const { assignmentId = '' } = useParams<{ assignmentId: string }>();
  const [result, reexecute] = useQuery({ query: AssignmentFormDocument });
  const assignment = result.data?.myAssignments.find((a) => a.id === assignmentId);

  let body: ReactNode;
  if (!result.data) {
    body = (
      <NoDataYet error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} loading={t('responseForm.loading')} />
    );
  } else if (!assignment) {
    body = <p className="notice notice--error">{t('responseForm.notFound')}</p>;
  } else {
    body = <ResponseForm key={assignment.id} assignment={assignment} />;
  }
  return (
    <div className="container response-form">
      <p>
        <Link to={assignmentsPath}>{t('responseForm.back')}</Link>
      </p>
      {body}
    </div>
  );
}

/** Whichever of the local copy and the server's draft is newer; a submitted response is read as it is. */
function initialDraft(a: Assignment, readOnly: boolean): FormDraft {
  const server = a.form ? draftFromContent(a.form, a.channel) : null;
  if (readOnly) return server ?? emptyDraft();
  const local = readLocalCopy(a.id);
  if (local && (!server || !a.form?.savedAt || new Date(local.changedAt).getTime() > new Date(a.form.savedAt).getTime()))
    return local.draft;
  return server ?? emptyDraft();
}

function questionDef(q: Question): QuestionDef {
  // No points: the form must not learn which questions carry them (requireAll asks for every one).
  return {
    code: q.code,
    area: q.area,
    text: q.text,
    kind: q.kind === 'SCALE' ? 'SCALE' : 'CHOICE',
    options: q.options.map((o) => ({ code: o.code, label: o.label, ...(o.notApplicable ? { notApplicable: true } : {}) })),
    ...(q.min !== null ? { min: q.min } : {}),
    ...(q.max !== null ? { max: q.max } : {}),
  };
}

/** A refusal's `extensions.rules` (the fieldwork rules it broke) and `extensions.rule` (a state that refused it). */
function refusal(error: CombinedError | undefined): { rules: string[]; rule: string | null } {
  const ext = error?.graphQLErrors.find((g) => g.extensions?.['code'] === 'BAD_USER_INPUT')?.extensions;
  const rules = Array.isArray(ext?.['rules']) ? (ext['rules'] as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  return { rules, rule: typeof ext?.['rule'] === 'string' ? ext['rule'] : null };
}

function ResponseForm({ assignment: a }: { assignment: Assignment }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const problemWords = useFieldProblemText();
  const [submittedHere, setSubmittedHere] = useState(false);
  const readOnly = submittedHere || a.status === 'SUBMITTED' || a.status === 'APPROVED';
  const [draft, setDraft] = useState<FormDraft>(() => initialDraft(a, readOnly));
  const [showMissing, setShowMissing] = useState(false);
  const [submitResult, submit] = useMutation(SubmitResponseDocument);
  const [sendError, setSendError] = useState<CombinedError | undefined>();
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const idempotencyKey = useRef<string | null>(null);
  const sending = useRef(false);
  const autosave = useDraftAutosave(a.id, a.channel, draft, !readOnly);

  const channelName = t(`domain.channel.${a.channel}`);
  useEffect(() => {
    document.title = t('responseForm.documentTitle', { company: a.company.name, channel: channelName });
  }, [t, a.company.name, channelName]);

  const waitLimits = useMemo(
    () => ({ [a.channel]: { waitSeconds: a.waitLimitSeconds, attempts: a.maxAttempts } }),
    [a.channel, a.waitLimitSeconds, a.maxAttempts],
  );
  const questions = useMemo(() => a.questions.map(questionDef), [a.questions]);
  const input = toResponseInput(draft, a.channel);
  const status = inquiryStatusOf(input.attempts, a.channel, waitLimits);
  // An unanswered inquiry has no answers or comments: what was typed stays in the draft, unsent.
  const submission: ResponseInput =
    status === 'UNANSWERED' ? { ...input, answers: [], comments: { reception: '', agent: '', overall: '' } } : input;
  const clientProblems: FieldProblem[] = [
    ...responseProblems(submission, { channel: a.channel, questions, openingHours: null, waitLimits, requireAll: true }),
    ...draft.attempts.flatMap((at, i) =>
      isEmail(a.channel) && at.replied && !at.automaticReplyOnly && input.attempts[i]?.waitSeconds === null
        ? [{ field: `attempts[${i}].waitSeconds`, reason: 'MISSING_REPLY_TIME', message: '' }]
        : [],
    ),
  ];
  const shownProblems = [...clientProblems.filter((p) => showMissing || !MISSING_REASONS.has(p.reason)), ...serverProblems];

  const problemText = (p: FieldProblem) => {
    const rule = i18n.exists(`responseForm.rule.${p.reason}`)
      ? (t as unknown as (k: string) => string)(`responseForm.rule.${p.reason}`)
      : '';
    // Bokmål: the rules' own sentence names the times and limits; other languages: the page's words.
    const detail =
      i18n.language.startsWith('nb') && p.message
        ? p.message
        : p.field === 'attempts' && p.reason === 'REQUIRED'
          ? t('responseForm.attemptsRequired')
          : problemWords(p, [`responseForm.problem.${p.reason}`]);
    return rule ? `${rule}: ${detail}` : detail;
  };
  const problemsOf = (field: string) => shownProblems.filter((p) => p.field === field);

  const update = (change: (d: FormDraft) => FormDraft) => setDraft((d) => change(d));
  const setAttempt = (i: number, change: Partial<AttemptDraft>) =>
    update((d) => ({ ...d, attempts: d.attempts.map((x, j) => (j === i ? { ...x, ...change } : x)) }));

  const onSubmit = async () => {
    if (sending.current || readOnly) return;
    setShowMissing(true);
    if (clientProblems.length > 0) return;
    sending.current = true;
    autosave.stop();
    // One key per submission, kept until the server has answered: a retry after a lost answer is the same submission.
    idempotencyKey.current ??= crypto.randomUUID();
    const r = await submit({ assignmentId: a.id, input: submission, idempotencyKey: idempotencyKey.current });
    sending.current = false;
    if (r.error) {
      setSendError(r.error);
      if (!r.error.networkError) {
        idempotencyKey.current = null;
        setServerProblems(serverFieldProblems(r.error));
      }
      return;
    }
    idempotencyKey.current = null;
    setSendError(undefined);
    setServerProblems([]);
    clearLocalCopy(a.id);
    setSubmittedHere(true);
  };

  const refused = refusal(sendError);
  const returned = a.status === 'RETURNED';
  const answerable = status === 'ANSWERED';
  const anyTimed = input.attempts.some((x) => x.at !== '');

  return (
    <>
      <h1>{t('responseForm.heading', { company: a.company.name })}</h1>
      <p className="response-form__sub">
        {t('responseForm.subheading', { channel: channelName, week: a.week ?? '–', year: a.year })} ·{' '}
        <span className={`status-badge status-badge--${(submittedHere ? 'SUBMITTED' : a.status).toLowerCase()}`}>
          {t(`assignments.status.${submittedHere ? 'SUBMITTED' : a.status}`)}
        </span>
      </p>
      <dl className="assignment-card__facts">
        <dt>{t('assignments.contact')}</dt>
        <dd>
          <ContactPoint channel={a.channel} contact={a.contact} />
        </dd>
        <dt>{t('assignments.contactWindows')}</dt>
        <dd>{a.contactWindows.join(', ')}</dd>
        {a.rolePlays.map((r) => (
          <div key={r.title}>
            <dt>{t('assignments.rolePlays')}</dt>
            <dd>
              <strong>{r.title}</strong>: {r.description}
            </dd>
          </div>
        ))}
      </dl>
      {returned && !submittedHere && (
        <div className="notice notice--error" role="note">
          <p>{t('responseForm.returnedNote', { note: a.returnNote ?? '' })}</p>
          {a.returnQuestions.length > 0 && (
            <p>
              {t('assignments.fixQuestions')}: {a.returnQuestions.join(', ')}
            </p>
          )}
        </div>
      )}
      {submittedHere && (
        <div className="notice notice--success" role="status">
          <p>{t('responseForm.submitted', { status: t('assignments.status.SUBMITTED') })}</p>
        </div>
      )}
      {readOnly && !submittedHere && <p className="notice">{t('responseForm.readOnly')}</p>}

      <form
        className="response-form__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
        onBlur={() => void autosave.flush()}
      >
        <fieldset disabled={readOnly} className="response-form__all">
          <fieldset className="response-form__section">
            <legend>{t('responseForm.attempts')}</legend>
            <p className="field__hint">{t('responseForm.attemptsHint', { count: a.maxAttempts })}</p>
            <Problems field="attempts" problems={problemsOf('attempts')} text={problemText} />
            {draft.attempts.map((at, i) => (
              <AttemptFields
                key={i}
                index={i}
                attempt={at}
                channel={a.channel}
                onChange={(change) => setAttempt(i, change)}
                onRemove={
                  draft.attempts.length > 1 ? () => update((d) => ({ ...d, attempts: d.attempts.filter((_, j) => j !== i) })) : undefined
                }
                problems={problemsOf}
                text={problemText}
              />
            ))}
            {!readOnly && draft.attempts.length < a.maxAttempts && (
              <button
                type="button"
                className="button response-form__add"
                onClick={() => update((d) => ({ ...d, attempts: [...d.attempts, emptyAttempt()] }))}
              >
                {t('responseForm.addAttempt')}
              </button>
            )}
          </fieldset>

          <p className={`notice${answerable ? ' notice--info' : ''}`} role="status">
            {answerable ? t('responseForm.answered') : anyTimed ? t('responseForm.unanswered') : t('responseForm.noAttemptYet')}
          </p>

          {answerable && (
            <>
              {AREA_ORDER.map((area) => {
                const list = a.questions.filter((q) => q.area === area);
                if (list.length === 0) return null;
                return (
                  <section key={area} className="response-form__section" aria-labelledby={`area-${area}`}>
                    <h2 id={`area-${area}`}>{t(`domain.area.${area}`)}</h2>
                    {list.map((q) => (
                      <QuestionField
                        key={q.code}
                        question={q}
                        answer={draft.answers[q.code]}
                        returned={returned && !submittedHere && a.returnQuestions.includes(q.code)}
                        onChange={(answer) => update((d) => ({ ...d, answers: { ...d.answers, [q.code]: answer } }))}
                        problems={problemsOf(`answers.${q.code}`)}
                        text={problemText}
                      />
                    ))}
                  </section>
                );
              })}
              <section className="response-form__section" aria-labelledby="comments-heading">
                <h2 id="comments-heading">{t('responseForm.comments')}</h2>
                {COMMENT_KEYS.map((key) => {
                  const id = `comment-${key}`;
                  const value = draft.comments[key];
                  const problems = problemsOf(`comments.${key}`);
                  return (
                    <div key={key} className="field field--wide">
                      <label htmlFor={id}>{t(`responseForm.comment.${key}`)}</label>
                      <textarea
                        id={id}
                        rows={5}
                        value={value}
                        aria-invalid={problems.length > 0 || undefined}
                        aria-describedby={`${id}-count${problems.length ? ` ${id}-problem` : ''}`}
                        onChange={(e) => update((d) => ({ ...d, comments: { ...d.comments, [key]: e.target.value } }))}
                      />
                      <p id={`${id}-count`} className={`field__hint${value.length > MAX_COMMENT_LENGTH ? ' field__error' : ''}`}>
                        {t('responseForm.counter', {
                          count: value.length,
                          max: formatNumber(MAX_COMMENT_LENGTH, 0, locale),
                        })}
                      </p>
                      <Problems id={`${id}-problem`} field={`comments.${key}`} problems={problems} text={problemText} />
                    </div>
                  );
                })}
              </section>
            </>
          )}
        </fieldset>

        {!readOnly && (
          <div className="response-form__submit">
            <SaveStatus state={autosave.state} />
            {showMissing && clientProblems.length > 0 && (
              <p className="field__error" role="alert">
                {t('responseForm.fixFirst', { count: clientProblems.length })}
              </p>
            )}
            {sendError && (
              <div className="notice notice--error" role="alert">
                {sendError.networkError ? (
                  <p>{t('responseForm.submitFailedNetwork')}</p>
                ) : refused.rule && i18n.exists(`responseForm.refusedRule.${refused.rule}`) ? (
                  <p>{(t as unknown as (k: string) => string)(`responseForm.refusedRule.${refused.rule}`)}</p>
                ) : (
                  <>
                    <p>{t('responseForm.submitRefused')}</p>
                    {refused.rules.length > 0 && (
                      <ul>
                        {refused.rules.map((r) => (
                          <li key={r}>
                            {i18n.exists(`responseForm.rule.${r}`) ? (t as unknown as (k: string) => string)(`responseForm.rule.${r}`) : r}
                          </li>
                        ))}
                      </ul>
                    )}
                    {serverProblems.length === 0 && <p>{sendError.graphQLErrors[0]?.message}</p>}
                  </>
                )}
              </div>
            )}
            <button type="submit" className="button button--primary response-form__send" disabled={submitResult.fetching}>
              {submitResult.fetching ? t('responseForm.submitting') : t('responseForm.submit')}
            </button>
          </div>
        )}
      </form>
    </>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  let text = '';
  if (state.kind === 'saving') text = t('responseForm.saving');
  else if (state.kind === 'saved') text = t('responseForm.saved', { time: osloParts(state.at).time });
  else if (state.kind === 'offline') text = t('responseForm.offline');
  else if (state.kind === 'failed') text = t('responseForm.notSaved', { message: state.message });
  return (
    <p className={`response-form__saved${state.kind === 'offline' || state.kind === 'failed' ? ' field__error' : ''}`} role="status">
      {text}
    </p>
  );
}
