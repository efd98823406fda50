import type { ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Provider as UrqlProvider, type Client } from 'urql';

/** The app's context: one GraphQL client and one i18n instance. The router is added around it. */
export function Providers({ client, i18n, children }: { client: Client; i18n: I18n; children: ReactNode }) {
  return (
    <UrqlProvider value={client}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </UrqlProvider>
  );
}
