// The dashboard's sign-in page (contract.md "Dashboard URLs": `/logg-inn`) and how it is told
// where to go afterwards: the web app's "sign in" links and the server's redirect of a browser
// that opened a download without a session build the same URL.

export const SIGN_IN_PATH = '/logg-inn';
/** The query parameter that carries the path to return to after signing in. */
export const RETURN_PARAM = 'til';

/** `/logg-inn?til=%2Frapport%2F2024%2Falfa`; the plain page when there is nowhere particular to return to. */
export function signInPath(returnTo?: string): string {
  return returnTo && returnTo !== '/' ? `${SIGN_IN_PATH}?${new URLSearchParams({ [RETURN_PARAM]: returnTo }).toString()}` : SIGN_IN_PATH;
}

/**
 * Paths the server answers itself (the downloads of contract.md "Exports"), not views of the
 * dashboard: a browser has to load them from the server, the dashboard's router cannot show them.
 */
export function isServerPath(path: string): boolean {
  return path === '/eksport' || path.startsWith('/eksport/') || path.startsWith('/eksport?');
}
