import { configure, render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { MemoryRouter, useLocation } from 'react-router';
import type { Locale } from '@ksp/shared/format/number';
import { App } from '../app/App';
import { Providers } from '../app/Providers';
import { createI18n } from '../app/i18n';
import { stubGraphQL, type Handler, type RecordedCall } from './graphql';
import { stubSnapshots } from './snapshots';

// Chapters are lazy chunks: the first render of one compiles it, which takes a while on a busy machine.
configure({ asyncUtilTimeout: 15_000 });

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** The whole app at `path`, with a stubbed GraphQL server and a fresh i18n instance. */
export interface RenderedApp extends RenderResult {
  /** Every GraphQL request sent, in order. */
  calls: RecordedCall[];
  i18n: I18n;
  /** The router's current path and query. */
  location: () => string | null;
  /** Every snapshot path fetched (pointers and snapshots), in order. */
  snapshotRequests: string[];
}

export function renderApp({
  path = '/',
  handlers,
  locale,
  snapshots = {},
}: {
  path?: string;
  handlers: Record<string, Handler>;
  locale?: Locale;
  /**
   * The published snapshots the stubbed server has: each year's `resultList` rows. None unless a
   * test says so, so the result list is read from GraphQL (the way it goes when a snapshot fails).
   */
  snapshots?: Record<number, unknown[]>;
}): RenderedApp {
  // Nobody is signed in unless a test says otherwise.
  const { createClient, calls } = stubGraphQL({ Me: () => ({ data: { me: null } }), ...handlers });
  const { source, requests } = stubSnapshots(snapshots);
  const i18n = createI18n(locale);
  const view = render(
    <Providers createClient={createClient} i18n={i18n} snapshots={source}>
      <MemoryRouter initialEntries={[path]}>
        <App />
        <LocationProbe />
      </MemoryRouter>
    </Providers>,
  );
  return { ...view, calls, i18n, location: () => view.getByTestId('location').textContent, snapshotRequests: requests };
}
