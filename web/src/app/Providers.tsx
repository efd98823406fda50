import { useCallback, useState, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Provider as UrqlProvider, type Client } from 'urql';
import { ClientResetContext } from './session/ClientReset';
import { createSnapshotSource, SnapshotContext, type SnapshotSource } from './snapshots';

/**
 * The app's context: a GraphQL client, the published snapshots and one i18n instance. The router
 * is added around it. Signing in or out swaps the client for a fresh one from `createClient` (an
 * empty cache); the snapshots stay, being the same for everyone.
 */
export function Providers({
  createClient,
  i18n,
  snapshots: givenSnapshots,
  children,
}: {
  createClient: () => Client;
  i18n: I18n;
  /** Only for tests: a stand-in for the snapshots over `fetch`. */
  snapshots?: SnapshotSource;
  children: ReactNode;
}) {
  const [client, setClient] = useState(createClient);
  const [snapshots] = useState(() => givenSnapshots ?? createSnapshotSource());
  const reset = useCallback(() => setClient(createClient()), [createClient]);
  return (
    <ClientResetContext.Provider value={reset}>
      <UrqlProvider value={client}>
        <SnapshotContext.Provider value={snapshots}>
          <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        </SnapshotContext.Provider>
      </UrqlProvider>
    </ClientResetContext.Provider>
  );
}
