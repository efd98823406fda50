import { afterEach, beforeEach, vi } from 'vitest';
import { waitFor } from '@testing-library/react';

/** jsdom has no layout and no canvas: give elements a size and let ECharts estimate text widths. */
export function useChartEnvironment(): void {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => vi.restoreAllMocks());
}

/**
 * The texts a figure's chart drew (SVG). The chart draws after its lazily loaded ECharts parts,
 * which on a busy machine is after the figure itself appears: wait for it.
 */
export function chartTexts(figure: HTMLElement): Promise<string[]> {
  return waitFor(() => {
    const texts = [...figure.querySelectorAll('svg text')].map((e) => e.textContent ?? '');
    if (texts.length === 0) throw new Error('the chart has not drawn yet');
    return texts;
  });
}
