import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { LoginDocument } from './documents';
import { useClientReset } from './ClientReset';
import { ErrorMessage } from '../ErrorMessage';
import { useMe } from './useMe';
import { isServerPath, RETURN_PARAM } from '@ksp/shared/sign-in';

/**
 * Where to go after signing in: a path of this origin only, never another site. Checked by
 * resolving it as the browser will (`/\evil.example` and `/<tab>/evil.example` are other
 * hosts), since a download is then loaded with a full page load, not by the router.
 */
export function safeReturnPath(value: string | null, origin = window.location.origin): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return '/';
  try {
    const url = new URL(value, origin);
    return url.origin === origin ? url.pathname + url.search + url.hash : '/';
  } catch {
    return '/';
  }
}

/** Leaving the app for a page the server answers (a download). An object, so that tests can watch it: jsdom does not navigate. */
export const pageLoad = {
  assign(path: string): void {
    window.location.assign(path);
  },
};

/** The minutes in the server's TOO_MANY_REQUESTS message ("Try again in 12 minutes."). */
export function retryMinutes(message: string): number | undefined {
  const m = /(\d+)\s+minute/.exec(message);
  return m ? Number(m[1]) : undefined;
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const resetClient = useClientReset();
  const { me } = useMe();
  const [{ fetching }, login] = useMutation(LoginDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | CombinedError | undefined>();
  const emailId = useId();
  const passwordId = useId();
  const problemId = useId();

  useEffect(() => {
    document.title = t('signIn.documentTitle');
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setProblem(t('signIn.missing'));
      return;
    }
    setProblem(undefined);
    const result = await login({ email: email.trim(), password });
    if (result.data?.login) {
      resetClient();
      const target = safeReturnPath(params.get(RETURN_PARAM));
      // A download (/eksport/…) is the server's, not a view of the router: the browser fetches it.
      if (isServerPath(target)) pageLoad.assign(target);
      else void navigate(target, { replace: true });
      return;
    }
    const error = result.error;
    const codes = error?.graphQLErrors.map((e) => e.extensions?.['code']) ?? [];
    if (codes.includes('UNAUTHENTICATED')) setProblem(t('signIn.wrong'));
    else if (codes.includes('TOO_MANY_REQUESTS')) {
      const minutes = retryMinutes(error?.graphQLErrors[0]?.message ?? '');
      setProblem(minutes === undefined ? t('signIn.tooManyPlain') : t('signIn.tooMany', { count: minutes }));
    } else setProblem(error);
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{t('signIn.heading')}</h1>
      <p>{t('signIn.intro')}</p>
      {me && (
        <p className="notice notice--info" role="status">
          {t('signIn.already', { email: me.email })}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={problem ? problemId : undefined}>
        <div className="field field--wide">
          <label htmlFor={emailId}>{t('signIn.email')}</label>
          <input
            id={emailId}
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </div>
        <div className="field field--wide">
          <label htmlFor={passwordId}>{t('signIn.password')}</label>
          <input
            id={passwordId}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        <div id={problemId}>
          {typeof problem === 'string' && (
            <p className="notice notice--error" role="alert">
              {problem}
            </p>
          )}
          {problem && typeof problem !== 'string' && <ErrorMessage error={problem} />}
        </div>
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
