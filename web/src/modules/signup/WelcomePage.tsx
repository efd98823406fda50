import { useEffect, useId, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorMessage } from '@web/app/ErrorMessage';
import { useClientReset } from '@web/app/session/ClientReset';
import { refusedRule, serverFieldProblems, useFieldProblemText } from '@web/app/fieldProblems';
import { SIGN_UP_LIMITS } from '@ksp/shared/signup/sign-up';
import { UseWelcomeLinkDocument, WelcomeLinkDocument } from './documents';

/**
 * A new manager's one-time sign-in link (`/velkommen/:token`, made when staff accept a sign-up):
 * choose a password, which uses the link up and signs in.
 */
export default function WelcomePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams<{ token: string }>();
  const navigate = useNavigate();
  const resetClient = useClientReset();
  const [link] = useQuery({ query: WelcomeLinkDocument, variables: { token }, requestPolicy: 'network-only' });
  const [state, setPasswordWithLink] = useMutation(UseWelcomeLinkDocument);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problemText = useFieldProblemText();
  const passwordId = useId();
  const repeatId = useId();
  const problemId = useId();

  useEffect(() => {
    document.title = t('signUp.welcome.documentTitle');
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const min = SIGN_UP_LIMITS.minPassword;
    if (password.length < min) return setProblem(t('signUp.welcome.problems.TOO_SHORT', { min }));
    if (password !== repeat) return setProblem(t('signUp.welcome.mismatch'));
    setProblem(null);
    const result = await setPasswordWithLink({ token, password });
    if (result.data?.useWelcomeLink) {
      resetClient();
      void navigate('/', { replace: true });
    } else {
      const fieldProblem = serverFieldProblems(result.error).find((p) => p.field === 'password');
      if (fieldProblem) setProblem(problemText(fieldProblem, [`signUp.welcome.problems.${fieldProblem.reason}`]));
      else if (refusedRule(result.error) === 'INVALID_LINK') setProblem(t('signUp.welcome.invalid'));
    }
  };

  let body;
  if (link.error) body = <ErrorMessage error={link.error} />;
  else if (!link.data) {
    body = (
      <p className="notice" role="status">
        {t('signUp.welcome.loading')}
      </p>
    );
  } else if (!link.data.welcomeLink) body = <p className="notice notice--error">{t('signUp.welcome.invalid')}</p>;
  else {
    body = (
      <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={problem ? problemId : undefined}>
        <p>{t('signUp.welcome.intro', { email: link.data.welcomeLink.email })}</p>
        <div className="field field--wide">
          <label htmlFor={passwordId}>{t('signUp.welcome.password')}</label>
          <input
            id={passwordId}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field field--wide">
          <label htmlFor={repeatId}>{t('signUp.welcome.repeat')}</label>
          <input id={repeatId} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </div>
        <div id={problemId}>
          {problem && (
            <p className="notice notice--error" role="alert">
              {problem}
            </p>
          )}
          {state.error && !problem && <ErrorMessage error={state.error} />}
        </div>
        <button type="submit" className="button button--primary" disabled={state.fetching}>
          {state.fetching ? t('signUp.welcome.submitting') : t('signUp.welcome.submit')}
        </button>
      </form>
    );
  }
  return (
    <section className="sign-in" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">{t('signUp.welcome.heading')}</h1>
      {body}
    </section>
  );
}
