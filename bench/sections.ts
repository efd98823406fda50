/**
 * bench/RESULTS.md is shared: `pnpm bench` writes the whole file, `pnpm bench:web` owns one
 * section ("## Web budgets"), `pnpm bench:planner` one ("## Fieldwork planner", which a full run
 * rewrites too unless `--no-planner`), and one section ("## Measured by hand") is edited by people:
 * figures measured outside `pnpm bench` (the PDF run, the import's parts, costs that code
 * comments refer to). Each writer replaces only what is its own.
 */

/** The section `pnpm bench:web` writes. */
export const WEB_BUDGETS = 'Web budgets';

/** The section `pnpm bench:planner` (bench/planner.ts) writes. */
export const FIELDWORK_PLANNER = 'Fieldwork planner';

/** The section edited by hand, which no benchmark run rewrites. */
export const MEASURED_BY_HAND = 'Measured by hand';

/** The sections a full `pnpm bench` run carries over from the old file. */
export const KEPT_SECTIONS = [WEB_BUDGETS, FIELDWORK_PLANNER, MEASURED_BY_HAND] as const;

/** `text` with each section of `titles` that `old` has carried over from `old` (replaced in place, or appended). */
export function carryOver(text: string, old: string, titles: readonly string[]): string {
  let out = text;
  for (const title of titles) {
    const section = extractSection(old, title);
    if (section) out = replaceSection(out, title, section);
  }
  return out;
}

/** The section starting at the line `## {title}` up to the next `## ` heading (or the end), or undefined. */
export function extractSection(text: string, title: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === `## ${title}`);
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  return `${lines.slice(start, end).join('\n').trimEnd()}\n`;
}

/** `text` with the section `title` replaced by `section` (which starts with its heading), or appended when absent. */
export function replaceSection(text: string, title: string, section: string): string {
  const body = `${section.trimEnd()}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === `## ${title}`);
  if (start < 0) return `${text.trimEnd()}${text.trim() ? '\n\n' : ''}${body}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before ? '\n' : ''}${body}${after ? `\n${after}` : ''}`;
}
