import type { CombinedError } from 'urql';

/**
 * Why a figure is missing: the server withholds a competitor's figure over too few inquiries
 * (`TOO_FEW_INQUIRIES`) and any field the viewer may not see (`FORBIDDEN`), each as null with
 * an error at that field's path. The chapter shows what it got and marks the rest.
 */
export type WithheldReason = 'tooFew' | 'forbidden';

/** Error paths (joined with '.') mapped to why the field there is missing. */
export type WithheldCells = ReadonlyMap<string, WithheldReason>;

const REASONS: Record<string, WithheldReason> = { TOO_FEW_INQUIRIES: 'tooFew', FORBIDDEN: 'forbidden' };

export function withheldCells(error: CombinedError | undefined): WithheldCells {
  const cells = new Map<string, WithheldReason>();
  for (const e of error?.graphQLErrors ?? []) {
    const reason = REASONS[String(e.extensions?.['code'] ?? '')];
    if (reason && e.path) cells.set(e.path.join('.'), reason);
  }
  return cells;
}

/** The reason a field at `path` (or anything above it) was withheld, if it was. */
export function withheldAt(cells: WithheldCells, path: readonly (string | number)[]): WithheldReason | undefined {
  for (let i = path.length; i > 0; i -= 1) {
    const reason = cells.get(path.slice(0, i).join('.'));
    if (reason) return reason;
  }
  return undefined;
}

/** Whether an error is only about withheld cells: the rest of the data can be shown. */
export function onlyWithheld(error: CombinedError | undefined): boolean {
  if (!error) return true;
  if (error.networkError) return false;
  return error.graphQLErrors.every(
    (e) => e.path !== undefined && e.path.length > 2 && REASONS[String(e.extensions?.['code'] ?? '')] !== undefined,
  );
}

/** Why the field at a path under a chapter's report was withheld, if it was: a chapter's `at`, handed to its parts. */
export type WithheldLookup = (...path: (string | number)[]) => WithheldReason | undefined;
