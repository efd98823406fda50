import { useOutletContext } from 'react-router';
import type { Channel } from '@ksp/shared/domain';
import type { OwnParticipation } from '../../../app/session/documents';

/** What the report layout knows and every chapter needs. */
export interface ReportContext {
  year: number;
  company: { slug: string; name: string };
  className: string;
  /** The channel the report is narrowed to (`?kanal=`), if any. */
  channel: Channel | undefined;
  /** The channels the company was examined on. */
  channels: Channel[];
  /** The viewer's own company (or staff): single responses, history and background are there. */
  own: boolean;
  staff: boolean;
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
