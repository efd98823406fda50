/**
 * The observers' age bands in reports (domain.md: the report shows gender and age, never the
 * name). Age is counted in the edition year. The upper bound is inclusive.
 */
export const AGE_BANDS = [
  { label: '18–29', upTo: 29 },
  { label: '30–39', upTo: 39 },
  { label: '40–49', upTo: 49 },
  { label: '50–59', upTo: 59 },
  { label: '60+', upTo: Number.POSITIVE_INFINITY },
] as const;

export type AgeBand = (typeof AGE_BANDS)[number]['label'];

export function ageBand(age: number): AgeBand {
  return AGE_BANDS.find((b) => age <= b.upTo)!.label;
}
