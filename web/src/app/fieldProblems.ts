import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { FieldProblem } from '@ksp/shared/field-problem';
import { formatNumber } from '@ksp/shared/format/number';
import { useLocale } from './i18n/useLocale';

/**
 * The `extensions.fields` of a BAD_USER_INPUT: every field at fault of a form, in the one shape of
 * every form's field problems `{ field, reason, message, min?, max?, value? }` (server/src/errors.ts
 * BadFieldsDetail). Entries without a field are left out; one without a reason keeps its message.
 */
export function serverFieldProblems(error: CombinedError | undefined): FieldProblem[] {
  const fields = error?.graphQLErrors.find((g) => g.extensions?.['code'] === 'BAD_USER_INPUT')?.extensions?.['fields'];
  if (!Array.isArray(fields)) return [];
  return (fields as unknown[]).flatMap((f) => {
    if (!f || typeof f !== 'object') return [];
    const { field, reason, message, min, max, value } = f as Record<string, unknown>;
    if (typeof field !== 'string') return [];
    return [
      {
        field,
        reason: typeof reason === 'string' ? reason : '',
        message: typeof message === 'string' ? message : '',
        ...(typeof min === 'number' ? { min } : {}),
        ...(typeof max === 'number' ? { max } : {}),
        ...(typeof value === 'string' ? { value } : {}),
      },
    ];
  });
}

/** The `extensions.rule` of a BAD_USER_INPUT (a rule refused, not a field: `NOT_PLANNING`, `INVALID_LINK`, …), or null. */
export function refusedRule(error: CombinedError | undefined): string | null {
  const rule = error?.graphQLErrors.find((g) => g.extensions?.['code'] === 'BAD_USER_INPUT')?.extensions?.['rule'];
  return typeof rule === 'string' ? rule : null;
}

/**
 * A field problem in the page's own words and the chosen language: the first of `keys` the
 * translations have, with `{{min}}`, `{{max}}` (numbers as the language writes them) and
 * `{{value}}`; a reason the page has no words for shows the server's message instead.
 */
export function useFieldProblemText(): (problem: FieldProblem, keys: readonly string[]) => string {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return useCallback(
    (problem: FieldProblem, keys: readonly string[]) => {
      const key = keys.find((k) => i18n.exists(k));
      if (!key) return problem.message;
      // The keys are built from codes at run time, past the typed keys' reach.
      const translate = t as unknown as (key: string, values: Record<string, string | undefined>) => string;
      return translate(key, {
        min: problem.min === undefined ? undefined : formatNumber(problem.min, 0, locale),
        max: problem.max === undefined ? undefined : formatNumber(problem.max, 0, locale),
        value: problem.value,
      });
    },
    [t, i18n, locale],
  );
}
