import type { CombinedError } from 'urql';

/** The `extensions.fields` of a BAD_USER_INPUT ([{ field, message }]): the server's problems, one per field. */
export function serverFieldErrors(error: CombinedError | undefined): Record<string, string> {
  const e = error?.graphQLErrors.find((g) => g.extensions?.['code'] === 'BAD_USER_INPUT');
  const fields = e?.extensions?.['fields'];
  if (!Array.isArray(fields)) return {};
  const out: Record<string, string> = {};
  for (const f of fields as unknown[]) {
    if (f && typeof f === 'object' && typeof (f as { field?: unknown }).field === 'string') {
      const { field, message } = f as { field: string; message?: unknown };
      out[field] ??= typeof message === 'string' ? message : '';
    }
  }
  return out;
}
