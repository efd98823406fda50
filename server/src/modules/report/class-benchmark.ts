import type DataLoader from 'dataloader';
import { benchmarkBy } from '@ksp/shared';
import { loadAll, type Context } from '../../context.js';
import type { ParticipationRow } from '../participation/participation.service.js';
import type { ReportScope } from './report.loaders.js';
import type { BenchmarkType, ReportType } from './report.types.js';

/** The class members' rows, in one batched lookup. */
async function classMembers(ctx: Context, p: ParticipationRow): Promise<ParticipationRow[]> {
  const { classMemberIds, participation } = ctx.loaders;
  return loadAll(participation, await classMemberIds.load(p.classId));
}

/**
 * One section's score of every member of the report's class, as a class benchmark (domain.md
 * "Class benchmark": not split by channel, ordered and averaged by the shared ranking rules).
 * The members' sections load in one batched statement, whatever the size of the class.
 */
export async function classSectionBenchmark<T>(
  ctx: Context,
  report: ReportType,
  loader: DataLoader<ReportScope, T, string>,
  score: (section: T) => number | null,
): Promise<BenchmarkType> {
  const members = await classMembers(ctx, report.participation);
  const sections = await loadAll(
    loader,
    members.map((m) => ({ participationId: m.id, channel: null })),
  );
  const { members: ordered, mean } = benchmarkBy(
    members.map((row, i) => ({ companySlug: row.slug, companyName: row.name, score: score(sections[i]!) })),
    (m) => m.score,
  );
  return { mean, members: ordered.map((m) => ({ company: { slug: m.companySlug, name: m.companyName }, score: m.score })) };
}
