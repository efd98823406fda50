/**
 * A problem found in an interchange file. `row` is the row a spreadsheet shows (header =
 * row 1, first data row = row 2; a quoted cell spanning several lines still counts as one
 * row). For JSON files `row` is absent (or the text line of a syntax error) and `column`
 * holds a path such as `questions[3].options[1].points` (0-based indices).
 */
export interface Problem {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export interface NamedText {
  name: string;
  text: string;
}

/** Collects the problems of one file. */
export class ProblemList {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}

  add(row: number | undefined, column: string | undefined, message: string): void {
    const p = { file: this.file } as Problem;
    if (row !== undefined) p.row = row;
    if (column !== undefined) p.column = column;
    p.message = message;
    this.problems.push(p);
  }

  /** JSON problems: a path instead of a row. */
  at(path: string, message: string): void {
    this.add(undefined, path || undefined, message);
  }

  /** Orders the problems by row (file-level ones first), keeping the order within a row. */
  sortByRow(): void {
    this.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }

  get count(): number {
    return this.problems.length;
  }
}

/**
 * One line per problem:
 * - CSV: `responses.csv:14: column Q_AGENT_NEEDS: unknown option code "X" (expected one of A, B, C, NA)`
 * - JSON: `questionnaire.json: questions[3].options[1].points: points must be a whole number ≥ 0, got -2 (…)`
 * - without row or column: `participants.csv: the file is empty`
 */
export function formatProblem(p: Problem): string {
  let line = p.file;
  if (p.row !== undefined) line += `:${p.row}`;
  line += ': ';
  if (p.column !== undefined) line += p.row !== undefined ? `column ${p.column}: ` : `${p.column}: `;
  // Keep one problem on one line even when the message quotes a multi-line value.
  return line + p.message.replace(/\r?\n|\r/g, '\\n');
}

/** One line a problem; with `max`, the first `max` lines and `… and N more` (for long lists of warnings). */
export function formatProblems(problems: readonly Problem[], max = Infinity): string {
  const lines = problems.slice(0, max).map(formatProblem);
  if (problems.length > max) lines.push(`… and ${problems.length - max} more`);
  return lines.join('\n');
}

/** `"X"`, with control characters made visible and long values shortened. */
export function quote(value: string, max = 60): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}

/** `one of A, B, C` – the wording used for every "expected" list. */
export function oneOf(values: readonly string[]): string {
  return `one of ${values.join(', ')}`;
}
