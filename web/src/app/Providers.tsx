import { useCallback, useState, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Provider as UrqlProvider, type Client } from 'urql';
import { ClientResetContext } from './session/ClientReset';

/**
 * The app's context: a GraphQL client and one i18n instance. The router is added around it.
 * Signing in or out swaps the client for a fresh one from `createClient` (an empty cache).
 */
export function Providers({ createClient, i18n, children }: { createClient: () => Client; i18n: I18n; children: ReactNode }) {
  const [client, setClient] = useState(createClient);
  const reset = useCallback(() => setClient(createClient()), [createClient]);
  return (
    <ClientResetContext.Provider value={reset}>
      <UrqlProvider value={client}>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
      </UrqlProvider>
    </ClientResetContext.Provider>
  );
}
