import { createContext, useContext } from 'react';

/**
 * Starts a fresh GraphQL client (an empty cache). Signing in or out changes what every query
 * answers, so nothing cached under the previous session may be shown under the next.
 */
export const ClientResetContext = createContext<() => void>(() => {});

export function useClientReset(): () => void {
  return useContext(ClientResetContext);
}
