/**
 * bench/RESULTS.md is shared: `pnpm bench` writes the whole file, `pnpm bench:web` owns one
 * section ("## Web budgets"). Each writer replaces only what is its own.
 */

/** The section `pnpm bench:web` writes. */
export const WEB_BUDGETS = 'Web budgets';

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
