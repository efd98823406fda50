import type { ReactNode } from 'react';

/**
 * The box a wide table scrolls sideways in, so the page itself never does (at 360 px a table of
 * channels is wider than the screen). Focusable and named, so a keyboard user can scroll it with
 * the arrow keys and a screen reader says what it holds (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A named region with tabIndex 0 is the pattern axe and WAI recommend for a scroll box.
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
