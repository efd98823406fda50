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
  /** Of `seconds`, each section over every channel filter. */
  sectionSeconds: Record<SectionName, number>;
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
    const sectionSeconds = {} as Record<SectionName, number>;
    for (const name of Object.keys(SECTIONS) as SectionName[]) {
      const sectionStarted = performance.now();
      for (const channel of [null, ...CHANNELS]) await readSection(name)(sql, ids, channel);
      sectionSeconds[name] = (performance.now() - sectionStarted) / 1000;
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
      sectionSeconds,
    });
  }
  return done;
}

/** Editions whose sections are being computed again, and whether a later change asks for one more run. */
const recomputing = new Map<number, { again: boolean; done: Promise<void> }>();

/**
 * Computes a published edition's sections again after a change (a correction), without the
 * change waiting for it: at 192 participants every section, channel and key-driver analysis
 * takes tens of seconds, and a staff member correcting one response should not wait for the
 * whole edition. Until it is done, readers are still right: the change bumped the edition's
 * result version in its own transaction, so the stored sections are no longer current and a
 * reader computes (and stores) its own. Changes that come while a run is going ask for one more
 * run after it, so the last change is always stored, and runs of one edition never overlap.
 */
export function recomputeSoon(sql: Sql, year: number): void {
  const running = recomputing.get(year);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false, done: Promise.resolve() };
  state.done = (async () => {
    do {
      state.again = false;
      try {
        await precomputePublished(sql, year);
      } catch (e) {
        // Storing sections only saves later readers work; they compute their own meanwhile.
        console.warn(`The sections of ${year} were not computed again (${(e as Error).message}); readers compute them.`);
      }
    } while (state.again);
    recomputing.delete(year);
  })();
  recomputing.set(year, state);
}

/** Resolves when no edition's sections are being computed again (at shutdown, and in tests). */
export async function recomputed(): Promise<void> {
  while (recomputing.size > 0) await Promise.all([...recomputing.values()].map((r) => r.done));
}
