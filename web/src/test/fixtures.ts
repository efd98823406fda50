import { firstViews } from '@ksp/shared/report/first-views';
import type { MeQuery } from '../graphql/generated/graphql';
import type { Handler } from './graphql';
import type { ReportAbilities } from '../modules/report/hooks/useReport';

// Typed fixed data for component tests: the shapes come from the generated types.

export type MeData = NonNullable<MeQuery['me']>;

export const KONKURRENT_ME: MeData = {
  id: 2,
  role: 'MANAGER',
  email: 'leder@alfa.no',
  company: { slug: 'alfa', name: 'Alfa Bank' },
  participations: [
    {
      year: 2024,
      editionStatus: 'PUBLISHED',
      className: 'Bank',
      tier: 'KONKURRENT',
      reportPurchased: true,
      competitors: [{ slug: 'beta', name: 'Beta Sparebank' }],
    },
    { year: 2023, editionStatus: 'PUBLISHED', className: 'Bank', tier: 'KONKURRENT', reportPurchased: true, competitors: [] },
  ],
};

export const STAFF_ME: MeData = { id: 1, role: 'STAFF', email: 'stab@ksp.no', company: null, participations: [] };

export const meHandler =
  (me: MeData | null): Handler =>
  () => ({ data: { me } });

export const EDITIONS_HANDLER: Handler = () => ({
  data: {
    editions: [
      { year: 2024, name: 'KSP 2024', status: 'PUBLISHED', classNames: ['Bank', 'Mobil'] },
      { year: 2023, name: 'KSP 2023', status: 'PUBLISHED', classNames: ['Bank'] },
    ],
  },
});

/** The report shell: Alfa Bank in Bank, examined on phone and e-mail. */
/** The abilities the server sends with the own report of a konkurrent participant (or staff): every chapter. */
export const OWN_ABILITIES: ReportAbilities = {
  chapters: ['OVERVIEW', 'AREAS', 'CATEGORIES', 'CX', 'VARIATION', 'INSIGHT', 'RESPONSES', 'COMPETITORS', 'HISTORY', 'BACKGROUND'],
  ownReport: true,
  canSeeCompetitors: true,
  canDownloadPdf: true,
  canDownloadResponses: true,
};

/** The abilities the server sends with a chosen competitor's report: its aggregates and the PDF. */
export const COMPETITOR_ABILITIES: ReportAbilities = {
  chapters: ['OVERVIEW', 'AREAS', 'CATEGORIES', 'CX', 'VARIATION'],
  ownReport: false,
  canSeeCompetitors: false,
  canDownloadPdf: true,
  canDownloadResponses: false,
};

export const shellHandler =
  (slug = 'alfa', name = 'Alfa Bank', abilities: ReportAbilities = OWN_ABILITIES): Handler =>
  () => ({
    data: {
      participation: {
        company: { slug, name },
        className: 'Bank',
        report: { byChannel: [{ channel: 'PHONE' }, { channel: 'EMAIL' }], abilities },
      },
    },
  });

/** An error the server sends for a field, at that field's path. */
export const fieldError = (code: string, path: (string | number)[]) => ({ message: code, path, extensions: { code } });

/**
 * The variables the server computes a first view ahead with (shared/src/report/first-views.ts),
 * for alfa's 2024 report: a chapter's first request must be exactly this, or results day's
 * answers computed ahead are never found.
 */
export function firstViewOf(operationName: string, match: (variables: Record<string, unknown>) => boolean = () => true) {
  const view = firstViews({ year: 2024, companySlug: 'alfa', className: 'Bank' }).find(
    (v) => v.operationName === operationName && match(v.variables),
  );
  if (!view) throw new Error(`no first view ${operationName}`);
  return view.variables;
}
