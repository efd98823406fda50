import { CHANNELS } from '@ksp/shared';
import { rows, type Sql } from '../../db/sql.js';
import { keyDrivers } from '../insight/key-drivers.read-model.js';
import { readSection, SECTIONS, type SectionName } from './report.loaders.js';

export interface Precomputed {
  year: number;
  participations: number;
  seconds: number;
  /** Of `seconds`, the key-driver analyses (every channel and outcome, with their bootstraps). */
  keyDriverSeconds: number;
}

/**
 * Computes and stores every report section of the published editions (or of one year), for
 * every participation, over all channels and each channel, so the first views after
 * publication are as quick as the later ones. The edition's key drivers (per channel and
 * outcome) are computed and stored here too. Sections already stored and current are left
 * as they are; one statement per section and channel filter computes a whole edition.
 */
export async function precomputePublished(sql: Sql, year?: number): Promise<Precomputed[]> {
  const editions = await rows<{ id: number; year: number }>(
    sql,
    `select id, year from edition where status = 'PUBLISHED' and ($1::int is null or year = $1) order by year`,
    [year ?? null],
  );
  const done: Precomputed[] = [];
  for (const edition of editions) {
    const started = performance.now();
    const ids = (await rows<{ id: number }>(sql, `select id from participation where edition_id = $1 order by id`, [edition.id])).map(
      (r) => r.id,
    );
    for (const name of Object.keys(SECTIONS) as SectionName[]) {
      for (const channel of [null, ...CHANNELS]) await readSection(name)(sql, ids, channel);
    }
    const driversStarted = performance.now();
    // One read a channel computes and stores both outcomes.
    for (const channel of CHANNELS) await keyDrivers(sql, edition.id, channel, 'CSAT');
    const now = performance.now();
    done.push({
      year: edition.year,
      participations: ids.length,
      seconds: (now - started) / 1000,
      keyDriverSeconds: (now - driversStarted) / 1000,
    });
  }
  return done;
}
