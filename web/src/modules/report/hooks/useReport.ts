import { useOutletContext } from 'react-router';
import type { Channel } from '@ksp/shared/domain';
import type { OwnParticipation } from '@web/app/session/documents';
import type { ReportShellQuery } from '@web/graphql/generated/graphql';

/** What the viewer may do with this report, as the server sent it (`Report.abilities`): read it, never work the rules out again. */
export type ReportAbilities = NonNullable<NonNullable<ReportShellQuery['participation']>['report']>['abilities'];

/** What the report layout knows and every chapter needs. */
export interface ReportContext {
  year: number;
  company: { slug: string; name: string };
  className: string;
  /** The channel the report is narrowed to (`?kanal=`), if any. */
  channel: Channel | undefined;
  /** The channels the company was examined on. */
  channels: Channel[];
  /** The own report (staff, or the company's own manager): single responses, history and background are there (`abilities.ownReport`). */
  own: boolean;
  staff: boolean;
  /** What the viewer may do with this report, as the server decided it: the chapters, the competitors, the downloads. */
  abilities: ReportAbilities;
  /** The viewer's own participation in this edition (tier, report, competitors), when it is its company. */
  ownParticipation: OwnParticipation | undefined;
}

export function useReport(): ReportContext {
  return useOutletContext<ReportContext>();
}

/** Variables every chapter's report query takes. */
export function reportVariables(r: ReportContext) {
  return { year: r.year, companySlug: r.company.slug, ...(r.channel ? { channel: r.channel } : {}) };
}
