import { afterEach, beforeEach, vi } from 'vitest';

/** jsdom has no layout and no canvas: give elements a size and let ECharts estimate text widths. */
export function useChartEnvironment(): void {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(300);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => vi.restoreAllMocks());
}
