import type { Channel, ScoredArea } from '@ksp/shared';
import type { Viewer } from '../../access/viewer.js';
import { grantReport } from '../../access/grant.js';
import type { ParticipationRow } from '../participation/participation.service.js';
import { ReportType } from './report.types.js';

export interface ReportNarrowing {
  channel: Channel | null;
  area: ScoredArea | null;
}

/**
 * The one place a report object is made, whatever the path (a participation, `history`,
 * `lastYearTotal`, a competitor, an export): the policy decides its grant on that participation
 * (access/grant.ts `grantReport`), which is stamped on it. Everything under the report reads that
 * grant (access/grant.ts). Null when the viewer may not see the edition at all. A report with a
 * PUBLIC grant offers its un-narrowed total and nothing more. It needs only the viewer (a GraphQL
 * context, or an export's request), so every path asks the same question the same way.
 */
export function openReport(ctx: { viewer: Viewer }, participation: ParticipationRow, narrowing: ReportNarrowing): ReportType | null {
  return grantReport(
    ctx.viewer,
    participation,
    Object.assign(new ReportType(), { participation, channel: narrowing.channel, area: narrowing.area }),
  );
}
