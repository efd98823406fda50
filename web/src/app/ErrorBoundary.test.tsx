import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './i18n';
import { ErrorBoundary } from './ErrorBoundary';

afterEach(cleanup);

function Broken(): never {
  throw new Error('chunk failed to load');
}

describe('<ErrorBoundary>', () => {
  it('says in words that a view failed, offers a reload, and lets the next view render', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const i18n = createI18n('nb');
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary resetKey="/a">
          <Broken />
        </ErrorBoundary>
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Denne visningen kunne ikke vises.');
    expect(screen.getByRole('button', { name: 'Last siden på nytt' })).toBeTruthy();
    rerender(
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary resetKey="/b">
          <p>Neste visning</p>
        </ErrorBoundary>
      </I18nextProvider>,
    );
    expect(screen.getByText('Neste visning')).toBeTruthy();
    vi.restoreAllMocks();
  });
});
