import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { CHANNELS, MAX_COMPETITORS, TIERS, type Channel, type Tier } from '@ksp/shared/domain';
import type { FieldProblem } from '@ksp/shared/field-problem';
import { contactPointField, type ContactPoints } from '@ksp/shared/signup/contact-points';
import { signUpProblems, type SignUpDraft, type SignUpField } from '@ksp/shared/signup/sign-up';
import { ErrorMessage } from '@web/app/ErrorMessage';
import { errorKind } from '@web/app/errors';
import { refusedRule, serverFieldProblems, useFieldProblemText } from '@web/app/fieldProblems';
import { SignUpDocument, SignUpFormDocument } from './documents';

const EMPTY: SignUpDraft = {
  companyName: '',
  organisationNumber: '',
  className: '',
  tier: 'ENKEL',
  channels: [],
  competitors: [],
  reportPurchased: false,
  contactName: '',
  contactEmail: '',
  openingHours: '',
};

/**
 * The public sign-up for an edition in planning (`/pamelding/:year`). The shared rules
 * (signUpProblems) show each problem beside its field once the field has been left or a send
 * was tried; what the server still refuses comes back per field and shows the same way. Both
 * are reasons (shared/src/signup/sign-up.ts SIGN_UP_REASONS) worded here in the chosen language.
 */
export default function SignUpPage() {
  const { t } = useTranslation();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const [form] = useQuery({ query: SignUpFormDocument, variables: { year }, pause: !Number.isInteger(year) });
  const edition = form.data?.signUpForm;

  useEffect(() => {
    document.title = t('signUp.documentTitle', { edition: edition?.name ?? year });
  }, [t, edition, year]);

  let body: ReactNode;
  if (!Number.isInteger(year) || (form.error && errorKind(form.error) === 'notFound')) {
    body = <p className="notice">{t('signUp.unknownEdition', { year: yearParam })}</p>;
  } else if (form.error) {
    body = <ErrorMessage error={form.error} />;
  } else if (!edition) {
    body = (
      <p className="notice" role="status">
        {t('signUp.loading')}
      </p>
    );
  } else if (!edition.open) {
    body = <p className="notice">{t('signUp.closed', { edition: edition.name })}</p>;
  } else {
    body = <SignUpForm year={year} editionName={edition.name} classNames={edition.classNames} companyNames={edition.companyNames} />;
  }
  return (
    <section className="sign-up" aria-labelledby="sign-up-heading">
      <h1 id="sign-up-heading">{t('signUp.heading', { edition: edition?.name ?? year })}</h1>
      {body}
    </section>
  );
}

function SignUpForm({
  year,
  editionName,
  classNames,
  companyNames,
}: {
  year: number;
  editionName: string;
  classNames: string[];
  companyNames: string[];
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SignUpDraft>(EMPTY);
  const [touched, setTouched] = useState<Set<SignUpField>>(new Set());
  const [tried, setTried] = useState(false);
  const [server, setServer] = useState<Partial<Record<string, FieldProblem>>>({});
  const [failure, setFailure] = useState<CombinedError | undefined>();
  const [sent, setSent] = useState<{ company: string; email: string } | null>(null);
  const [{ fetching }, send] = useMutation(SignUpDocument);
  const [toAdd, setToAdd] = useState('');
  // As typed per channel; only the ticked channels' are sent (unticking one keeps what was typed).
  const [points, setPoints] = useState<ContactPoints>({});
  const id = useId();
  const summaryRef = useRef<HTMLParagraphElement>(null);

  const contactPoints = useMemo(
    () =>
      draft.channels.flatMap((channel) => (points[channel as Channel]?.trim() ? [{ channel, value: points[channel as Channel]! }] : [])),
    [draft.channels, points],
  );
  const problems = useMemo(
    () => signUpProblems({ ...draft, contactPoints }, { classNames, knownCompanies: companyNames }),
    [draft, contactPoints, classNames, companyNames],
  );
  const problemText = useFieldProblemText();
  const shown = (field: SignUpField): string | undefined => {
    const problem = server[field] ?? (tried || touched.has(field) ? problems.find((p) => p.field === field) : undefined);
    return problem && problemText(problem, [`signUp.problems.${problem.field}.${problem.reason}`, `signUp.problems.${problem.reason}`]);
  };
  const set = <K extends keyof SignUpDraft>(field: K, value: SignUpDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // The server's word on a field stands until the field changes.
    setServer(({ [field]: _gone, ...rest }) => rest);
  };
  const setPoint = (channel: Channel, value: string) => {
    setPoints((p) => ({ ...p, [channel]: value }));
    setServer(({ [contactPointField(channel)]: _gone, ...rest }) => rest);
  };
  const leave = (field: SignUpField) => setTouched((s) => new Set(s).add(field));
  const competitors = draft.competitors ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setFailure(undefined);
    if (problems.length > 0) {
      summaryRef.current?.focus();
      return;
    }
    const result = await send({
      year,
      input: {
        companyName: draft.companyName,
        organisationNumber: draft.organisationNumber,
        className: draft.className,
        tier: draft.tier as Tier,
        channels: draft.channels as Channel[],
        competitors: draft.tier === 'KONKURRENT' ? [...competitors] : null,
        reportPurchased: draft.reportPurchased,
        contactName: draft.contactName,
        contactEmail: draft.contactEmail,
        openingHours: draft.openingHours?.trim() ? draft.openingHours : null,
        contactPoints: contactPoints.map((p) => ({ channel: p.channel as Channel, value: p.value })),
      },
    });
    if (result.data?.signUp) {
      setSent({ company: result.data.signUp.companyName, email: result.data.signUp.contactEmail });
      return;
    }
    const fields = serverFieldProblems(result.error);
    // The first problem of each field, as the browser's check shows one.
    if (fields.length > 0) setServer(Object.fromEntries([...fields].reverse().map((p) => [p.field, p])));
    else setFailure(result.error);
  };

  if (sent) {
    return (
      <div className="notice notice--success" role="status">
        <h2>{t('signUp.thanksHeading')}</h2>
        <p>{t('signUp.thanks', { company: sent.company, edition: editionName, email: sent.email })}</p>
      </div>
    );
  }

  const fieldIds = (field: SignUpField) => ({ input: `${id}-${field}`, error: `${id}-${field}-error`, hint: `${id}-${field}-hint` });
  const problemOf = (field: SignUpField) => {
    const message = shown(field);
    return message ? (
      <p id={fieldIds(field).error} className="field__error">
        {message}
      </p>
    ) : null;
  };
  const described = (field: SignUpField, hint = false) =>
    [hint ? fieldIds(field).hint : null, shown(field) ? fieldIds(field).error : null].filter(Boolean).join(' ') || undefined;
  const textField = (
    field: 'companyName' | 'organisationNumber' | 'contactName' | 'contactEmail' | 'openingHours',
    hint?: string,
    attrs = {},
  ) => (
    <div className="field field--wide">
      <label htmlFor={fieldIds(field).input}>{t(`signUp.${field}`)}</label>
      {hint && (
        <p id={fieldIds(field).hint} className="field__hint">
          {hint}
        </p>
      )}
      <input
        id={fieldIds(field).input}
        value={draft[field] ?? ''}
        onChange={(e) => set(field, e.target.value)}
        onBlur={() => leave(field)}
        aria-invalid={shown(field) ? true : undefined}
        aria-describedby={described(field, !!hint)}
        {...attrs}
      />
      {problemOf(field)}
    </div>
  );
  const visibleProblems = SIGN_UP_ORDER.filter((f) => shown(f)).length;

  return (
    <form className="sign-up__form" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('signUp.intro')}</p>
      <fieldset>
        <legend>{t('signUp.company')}</legend>
        {textField('companyName', undefined, { autoComplete: 'organization' })}
        {textField('organisationNumber', t('signUp.organisationNumberHint'), { inputMode: 'numeric' })}
        <div className="field field--wide">
          <label htmlFor={fieldIds('className').input}>{t('signUp.className')}</label>
          {classNames.length > 0 ? (
            <select
              id={fieldIds('className').input}
              value={draft.className}
              onChange={(e) => set('className', e.target.value)}
              onBlur={() => leave('className')}
              aria-invalid={shown('className') ? true : undefined}
              aria-describedby={described('className')}
            >
              <option value="">{t('signUp.chooseClass')}</option>
              {classNames.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          ) : (
            <>
              <p id={fieldIds('className').hint} className="field__hint">
                {t('signUp.classNameHint')}
              </p>
              <input
                id={fieldIds('className').input}
                value={draft.className}
                onChange={(e) => set('className', e.target.value)}
                onBlur={() => leave('className')}
                aria-invalid={shown('className') ? true : undefined}
                aria-describedby={described('className', true)}
              />
            </>
          )}
          {problemOf('className')}
        </div>
      </fieldset>

      <fieldset aria-describedby={described('tier')}>
        <legend>{t('signUp.tier')}</legend>
        {TIERS.map((tier) => (
          <label key={tier} className="choice">
            <input type="radio" name={`${id}-tier`} value={tier} checked={draft.tier === tier} onChange={() => set('tier', tier)} />
            <span>
              <strong>{t(`domain.tier.${tier}`)}</strong> – {t(`signUp.tierHint.${tier}`)}
            </span>
          </label>
        ))}
        {problemOf('tier')}
      </fieldset>

      {draft.tier === 'KONKURRENT' && (
        <fieldset aria-describedby={[fieldIds('competitors').hint, described('competitors')].filter(Boolean).join(' ')}>
          <legend>{t('signUp.competitors', { max: MAX_COMPETITORS })}</legend>
          <p id={fieldIds('competitors').hint} className="field__hint">
            {t('signUp.competitorsHint')}
          </p>
          {competitors.length === 0 ? (
            <p>{t('signUp.noCompetitors')}</p>
          ) : (
            <ul className="sign-up__picked">
              {competitors.map((name) => (
                <li key={name}>
                  <span>{name}</span>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('signUp.removeCompetitor', { name })}
                    onClick={() =>
                      set(
                        'competitors',
                        competitors.filter((c) => c !== name),
                      )
                    }
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="field--row">
            <div className="field field--grow">
              <label htmlFor={`${id}-competitor`}>{t('signUp.competitorToAdd')}</label>
              <select
                id={`${id}-competitor`}
                value={toAdd}
                onChange={(e) => setToAdd(e.target.value)}
                disabled={competitors.length >= MAX_COMPETITORS}
              >
                <option value="">{t('signUp.chooseCompetitor')}</option>
                {companyNames
                  .filter((n) => !competitors.includes(n))
                  .map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
              </select>
            </div>
            <button
              type="button"
              className="button"
              disabled={!toAdd || competitors.length >= MAX_COMPETITORS}
              onClick={() => {
                set('competitors', [...competitors, toAdd]);
                leave('competitors');
                setToAdd('');
              }}
            >
              {t('signUp.addCompetitor')}
            </button>
          </div>
          {problemOf('competitors')}
        </fieldset>
      )}

      <fieldset aria-describedby={[fieldIds('channels').hint, described('channels')].filter(Boolean).join(' ')}>
        <legend>{t('signUp.channels')}</legend>
        <p id={fieldIds('channels').hint} className="field__hint">
          {t('signUp.channelsHint')}
        </p>
        {CHANNELS.map((channel) => (
          <label key={channel} className="choice">
            <input
              type="checkbox"
              checked={draft.channels.includes(channel)}
              onChange={(e) => {
                set(
                  'channels',
                  e.target.checked
                    ? CHANNELS.filter((c) => c === channel || draft.channels.includes(c))
                    : draft.channels.filter((c) => c !== channel),
                );
                leave('channels');
              }}
            />
            <span>{t(`domain.channel.${channel}`)}</span>
          </label>
        ))}
        {problemOf('channels')}
        {draft.channels.length > 0 && (
          <p id={`${id}-contactPoints-hint`} className="field__hint">
            {t('signUp.contactPointsHint')}
          </p>
        )}
        {CHANNELS.filter((c) => draft.channels.includes(c)).map((channel) => {
          const field = contactPointField(channel);
          return (
            <div key={channel} className="field field--wide">
              <label htmlFor={fieldIds(field).input}>{t(`signUp.contactPoint.${channel}`)}</label>
              <input
                id={fieldIds(field).input}
                value={points[channel] ?? ''}
                onChange={(e) => setPoint(channel, e.target.value)}
                onBlur={() => leave(field)}
                aria-invalid={shown(field) ? true : undefined}
                aria-describedby={[`${id}-contactPoints-hint`, described(field)].filter(Boolean).join(' ')}
                {...CONTACT_POINT_INPUT[channel]}
              />
              {problemOf(field)}
            </div>
          );
        })}
        {textField('openingHours', t('signUp.openingHoursHint'))}
      </fieldset>

      <fieldset>
        <legend>{t('signUp.contact')}</legend>
        {textField('contactName', undefined, { autoComplete: 'name' })}
        {textField('contactEmail', t('signUp.contactEmailHint'), { type: 'email', autoComplete: 'email' })}
      </fieldset>

      <label className="choice">
        <input type="checkbox" checked={draft.reportPurchased} onChange={(e) => set('reportPurchased', e.target.checked)} />
        <span>{t('signUp.reportPurchased')}</span>
      </label>

      <p ref={summaryRef} tabIndex={-1} className={tried && visibleProblems > 0 ? 'notice notice--error' : 'visually-hidden'} role="alert">
        {tried && visibleProblems > 0 ? t('signUp.fixFirst', { count: visibleProblems }) : ''}
      </p>
      {failure && <FailureMessage error={failure} editionName={editionName} />}
      <button type="submit" className="button button--primary" disabled={fetching}>
        {fetching ? t('signUp.submitting') : t('signUp.submit')}
      </button>
    </form>
  );
}

/** What a phone's keyboard and autofill should offer for each channel's contact point. */
const CONTACT_POINT_INPUT: Record<Channel, { type: string; inputMode: 'tel' | 'email' | 'url'; autoComplete: string }> = {
  PHONE: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  EMAIL: { type: 'text', inputMode: 'email', autoComplete: 'off' },
  CHAT: { type: 'url', inputMode: 'url', autoComplete: 'url' },
  MESSENGER: { type: 'url', inputMode: 'url', autoComplete: 'url' },
};

const SIGN_UP_ORDER: SignUpField[] = [
  'companyName',
  'organisationNumber',
  'className',
  'tier',
  'competitors',
  'channels',
  ...CHANNELS.map(contactPointField),
  'openingHours',
  'contactName',
  'contactEmail',
  'reportPurchased',
];

/**
 * A refusal that is no field's: an edition closed meanwhile in the page's words; else the
 * server's own words where it writes them for people (too many sign-ups), else the app's error message.
 */
function FailureMessage({ error, editionName }: { error: CombinedError; editionName: string }) {
  const { t } = useTranslation();
  const spoken = error.graphQLErrors.find((e) => ['BAD_USER_INPUT', 'TOO_MANY_REQUESTS'].includes(String(e.extensions?.['code'])));
  if (!spoken) return <ErrorMessage error={error} />;
  return (
    <p className="notice notice--error" role="alert">
      {refusedRule(error) === 'NOT_PLANNING' ? t('signUp.closed', { edition: editionName }) : spoken.message}
    </p>
  );
}
