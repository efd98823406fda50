import { describe, expect, it } from 'vitest';
import { carryOver, extractSection, KEPT_SECTIONS, replaceSection } from './sections.js';

const FILE = '# Benchmark results\n\nintro\n\n## Figures\n\n| a |\n\n## Web budgets\n\nold\n\n## Where the time goes\n\nprofile\n';

describe('RESULTS.md sections', () => {
  it('replaces only the named section, keeping what comes before and after', () => {
    const out = replaceSection(FILE, 'Web budgets', '## Web budgets\n\nnew\n');
    expect(out).toBe('# Benchmark results\n\nintro\n\n## Figures\n\n| a |\n\n## Web budgets\n\nnew\n\n## Where the time goes\n\nprofile\n');
  });

  it('appends the section when the file has none', () => {
    expect(replaceSection('# Benchmark results\n\nintro\n', 'Web budgets', '## Web budgets\n\nnew')).toBe(
      '# Benchmark results\n\nintro\n\n## Web budgets\n\nnew\n',
    );
    expect(replaceSection('', 'Web budgets', '## Web budgets\n\nnew')).toBe('## Web budgets\n\nnew\n');
  });

  it('replaces a last section up to the end of the file', () => {
    const file = '# R\n\n## Web budgets\n\nold\nmore\n';
    expect(replaceSection(file, 'Web budgets', '## Web budgets\n\nnew\n')).toBe('# R\n\n## Web budgets\n\nnew\n');
  });

  it('extracts a section, so a full `pnpm bench` run can carry it over', () => {
    expect(extractSection(FILE, 'Web budgets')).toBe('## Web budgets\n\nold\n');
    expect(extractSection(FILE, 'Nothing')).toBeUndefined();
  });

  it('carries the kept sections of the old file over into a new one, and nothing else', () => {
    const old = '# Benchmark results\n\nold intro\n\n## Web budgets\n\nweb\n\n## Measured by hand\n\nhand\n';
    const fresh = '# Benchmark results\n\nnew intro\n\n## Figures\n\n| b |\n';
    expect(carryOver(fresh, old, KEPT_SECTIONS)).toBe(
      '# Benchmark results\n\nnew intro\n\n## Figures\n\n| b |\n\n## Web budgets\n\nweb\n\n## Measured by hand\n\nhand\n',
    );
    expect(carryOver(fresh, '', KEPT_SECTIONS)).toBe(fresh);
    // The planner's section too (a run with --no-planner keeps the last figures).
    const withPlanner = '# Benchmark results\n\n## Fieldwork planner\n\nplan\n\n## Measured by hand\n\nhand\n';
    expect(carryOver(fresh, withPlanner, KEPT_SECTIONS)).toBe(
      '# Benchmark results\n\nnew intro\n\n## Figures\n\n| b |\n\n## Fieldwork planner\n\nplan\n\n## Measured by hand\n\nhand\n',
    );
  });
});
