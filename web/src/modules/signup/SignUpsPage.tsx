import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { formatDateTime } from '@ksp/shared/format/date';
import { ErrorMessage } from '@web/app/ErrorMessage';
import { refusedRule, serverFieldProblems, useFieldProblemText } from '@web/app/fieldProblems';
import { NoDataYet } from '@web/app/NoDataYet';
import { useLocale } from '@web/app/i18n/useLocale';
import { reportPath } from '@web/app/paths';
import type { AcceptSignUpMutation, SignUpsQuery } from '@web/graphql/generated/graphql';
import { AcceptSignUpDocument, DeclineSignUpDocument, SignUpsDocument } from './documents';

type SignUpRow = SignUpsQuery['signUps'][number];
type Accepted = AcceptSignUpMutation['acceptSignUp'];

/** How long the link works (the server's WELCOME_LINK_DAYS), for the warning; the server sends the expiry too. */
const daysUntil = (iso: string | null) => (iso ? Math.round((Date.parse(iso) - Date.now()) / 86_400_000) : 0);

/**
 * Staff: an edition's sign-ups (`/drift/:year/pameldinger`). Pending ones first, each with all it
 * says, to accept (the new manager's one-time sign-in link is shown here once, to copy) or decline
 * with a reason; the decided ones below with who, when and why.
 */
export default function SignUpsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { year: yearParam } = useParams<{ year: string }>();
  const year = Number(yearParam);
  const [result, reexecute] = useQuery({ query: SignUpsDocument, variables: { year }, pause: !Number.isInteger(year) });
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  const signUps = result.data?.signUps;
  const edition = `KSP ${year}`;

  useEffect(() => {
    document.title = t('signUp.staff.documentTitle', { edition });
  }, [t, edition]);

  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  if (!signUps) return <NoDataYet error={result.error} retry={refresh} loading={t('signUp.staff.loading')} />;
  const pending = signUps.filter((s) => s.status === 'PENDING');
  const decided = signUps.filter((s) => s.status !== 'PENDING');
  return (
    <section className="sign-ups" aria-labelledby="sign-ups-heading">
      <h1 id="sign-ups-heading">{t('signUp.staff.heading', { edition })}</h1>
      {accepted && <AcceptedNotice accepted={accepted} onClose={() => setAccepted(null)} />}
      <h2>{t('signUp.staff.pending')}</h2>
      {pending.length === 0 && <p>{t('signUp.staff.noPending')}</p>}
      <ul className="sign-ups__list">
        {pending.map((s) => (
          <li key={s.id}>
            <PendingSignUp
              signUp={s}
              onAccepted={(a) => {
                setAccepted(a);
                refresh();
              }}
              onDeclined={refresh}
            />
          </li>
        ))}
      </ul>
      <h2>{t('signUp.staff.decided')}</h2>
      {decided.length === 0 && <p>{t('signUp.staff.noDecided')}</p>}
      <ul className="sign-ups__list">
        {decided.map((s) => (
          <li key={s.id} className="sign-up-card">
            <h3>{s.companySlug ? <Link to={reportPath(year, s.companySlug)}>{s.companyName}</Link> : s.companyName}</h3>
            <p>
              {t('signUp.staff.decidedBy', {
                status: t(`signUp.staff.status.${s.status}`),
                at: formatDateTime(s.decidedAt, locale),
                by: s.decidedBy ?? t('signUp.staff.none'),
              })}
            </p>
            {s.declineReason && <p>{t('signUp.staff.reason', { reason: s.declineReason })}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Details({ signUp }: { signUp: SignUpRow }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t('signUp.staff.none');
  const rows: [string, string][] = [
    [t('signUp.organisationNumber'), signUp.organisationNumber],
    [t('signUp.className'), signUp.className],
    [t('signUp.tier'), t(`domain.tier.${signUp.tier}`)],
    [t('signUp.channels'), signUp.channels.map((c) => t(`domain.channel.${c}`)).join(', ')],
    [t('signUp.openingHours'), signUp.openingHours ?? none],
    [
      t('signUp.staff.contactPoints'),
      signUp.contactPoints.map((p) => `${t(`domain.channel.${p.channel}`)}: ${p.value}`).join('; ') || none,
    ],
    [t('signUp.competitors', { max: 5 }), signUp.competitors.join(', ') || none],
    [t('signUp.reportPurchased'), signUp.reportPurchased ? t('signUp.staff.reportYes') : t('signUp.staff.reportNo')],
    [t('signUp.contact'), `${signUp.contactName}, ${signUp.contactEmail}`],
  ];
  return (
    <>
      <p className="sign-up-card__meta">{t('signUp.staff.received', { at: formatDateTime(signUp.createdAt, locale) })}</p>
      <dl className="sign-up-card__details">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function PendingSignUp({
  signUp,
  onAccepted,
  onDeclined,
}: {
  signUp: SignUpRow;
  onAccepted: (a: Accepted) => void;
  onDeclined: () => void;
}) {
  const { t } = useTranslation();
  const [acceptState, accept] = useMutation(AcceptSignUpDocument);
  const [declineState, decline] = useMutation(DeclineSignUpDocument);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<CombinedError | undefined>();
  const problemText = useFieldProblemText();
  const reasonId = useId();
  const headingId = useId();

  const doAccept = async () => {
    setFailure(undefined);
    const result = await accept({ id: signUp.id });
    if (result.data?.acceptSignUp) onAccepted(result.data.acceptSignUp);
    else setFailure(result.error);
  };
  const doDecline = async () => {
    if (!reason.trim()) {
      setReasonProblem(t('signUp.staff.problems.REQUIRED'));
      return;
    }
    setFailure(undefined);
    const result = await decline({ id: signUp.id, reason });
    if (result.data?.declineSignUp) onDeclined();
    else {
      const problem = serverFieldProblems(result.error).find((p) => p.field === 'reason');
      if (problem) setReasonProblem(problemText(problem, [`signUp.staff.problems.${problem.reason}`]));
      else setFailure(result.error);
    }
  };

  return (
    <article className="sign-up-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{signUp.companyName}</h3>
      <Details signUp={signUp} />
      {failure && <Refusal error={failure} />}
      {declining ? (
        <div className="sign-up-card__decline">
          <div className="field field--wide">
            <label htmlFor={reasonId}>{t('signUp.staff.declineReason')}</label>
            <textarea
              id={reasonId}
              value={reason}
              rows={3}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonProblem(null);
              }}
              aria-invalid={reasonProblem ? true : undefined}
              aria-describedby={reasonProblem ? `${reasonId}-error` : undefined}
            />
            {reasonProblem && (
              <p id={`${reasonId}-error`} className="field__error">
                {reasonProblem}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="button" className="button button--primary" disabled={declineState.fetching} onClick={() => void doDecline()}>
              {t('signUp.staff.confirmDecline')}
            </button>
            <button type="button" className="button" onClick={() => setDeclining(false)}>
              {t('signUp.staff.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button--primary" disabled={acceptState.fetching} onClick={() => void doAccept()}>
            {t('signUp.staff.accept')}
          </button>
          <button type="button" className="button" onClick={() => setDeclining(true)}>
            {t('signUp.staff.decline')}
          </button>
        </div>
      )}
    </article>
  );
}

/** The outcome of an accept: the one-time link, shown only now, with a copy button; or that the account already existed. */
function AcceptedNotice({ accepted, onClose }: { accepted: Accepted; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const welcome = accepted.managerWelcome;
  const link = welcome?.link ? `${window.location.origin}${welcome.link}` : null;
  return (
    <div className="notice notice--info sign-ups__accepted" role="status">
      <p>{t('signUp.staff.accepted', { company: accepted.company.name })}</p>
      {welcome && link && (
        <>
          <h2>{t('signUp.staff.linkHeading', { email: welcome.email })}</h2>
          <p>
            <strong>{t('signUp.staff.linkWarning', { days: daysUntil(welcome.expiresAt) })}</strong>
          </p>
          <p className="sign-ups__link">
            <code>{link}</code>
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                void navigator.clipboard?.writeText(link).then(() => setCopied(true));
              }}
            >
              {copied ? t('signUp.staff.copied') : t('signUp.staff.copy')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('signUp.staff.close')}
            </button>
          </div>
        </>
      )}
      {welcome?.existingUser && <p>{t('signUp.staff.existingUser', { email: welcome.email })}</p>}
    </div>
  );
}

/** A decision refused by a rule (decided meanwhile, the edition past planning) in the page's words, else the app's error message. */
function Refusal({ error }: { error: CombinedError }) {
  const { t, i18n } = useTranslation();
  const rule = refusedRule(error);
  if (!rule || !i18n.exists(`signUp.staff.refused.${rule}`)) return <ErrorMessage error={error} />;
  return (
    <p className="notice notice--error" role="alert">
      {t(`signUp.staff.refused.${rule}` as 'signUp.staff.refused.NOT_PLANNING')}
    </p>
  );
}
