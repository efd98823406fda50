import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EDITION_STATUSES,
  MAX_EDITION_YEAR,
  MIN_EDITION_YEAR,
  checkEditionSettings,
  checkQuestionnaire,
  weeksInYear,
  type EditionSettingsValues,
  type EditionStatus,
  type Problem,
  type SettingProblem,
} from '@ksp/shared';
import { rows, sqlOn, type Sql } from '../../db/sql.js';
import { BadInput, NotFound } from '../../errors.js';
import { precomputePublished } from '../report/precompute.js';
import { readEdition, refreshStatistics, storeEdition } from './edition-bundle.js';
import { Edition, EditionEvent } from './edition.entity.js';
import { User } from '../user/user.entity.js';

/** The name a questionnaire uploaded from a browser goes by in its problems. */
export const UPLOADED_QUESTIONNAIRE = 'questionnaire.json';

/** Who changed an edition: a signed-in user, or nobody (the command line, named in the note). */
export interface Actor {
  userId: number | null;
  note?: string;
}

/** The reasons a status change is refused, in `extensions.rule`. */
export type StatusRule = 'FORWARD_ONLY' | 'ONE_STEP' | 'SAME_STATUS';

/** Locks the edition's row for the rest of the transaction, so two changes of one edition run one after the other. */
async function lockedEdition(em: EntityManager, year: number): Promise<Edition> {
  const edition = await em.findOne(Edition, { year }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!edition) throw new NotFound(`There is no edition ${year}.`);
  return edition;
}

/** Why a step from `from` to `to` is not allowed, or null: forward only, one step at a time. */
export function statusStepRefusal(from: EditionStatus, to: EditionStatus): { rule: StatusRule; message: string } | null {
  const [a, b] = [EDITION_STATUSES.indexOf(from), EDITION_STATUSES.indexOf(to)];
  if (a === b) return { rule: 'SAME_STATUS', message: `Utgaven har allerede status ${to}.` };
  if (b < a) return { rule: 'FORWARD_ONLY', message: `Statusen går bare framover: ${from} → ${to} er ikke lov.` };
  if (b > a + 1) {
    const skipped = EDITION_STATUSES.slice(a + 1, b).join(', ');
    return { rule: 'ONE_STEP', message: `Statusen går ett steg om gangen: ${from} → ${to} hopper over ${skipped}.` };
  }
  return null;
}

/**
 * Moves an edition one step forward (PLANNING → FIELDWORK → REVIEW → PUBLISHED) and records who
 * and when, in one transaction. Publishing also sets `published_at` and, once committed, stores
 * every report section of the edition (as `ksp precompute`), so its results read quickly from the
 * first view. `ksp publish` and the `setEditionStatus` mutation both come through here.
 */
export async function changeEditionStatus(em: EntityManager, year: number, to: EditionStatus, actor: Actor): Promise<void> {
  await em.fork().transactional(async (tx) => {
    const edition = await lockedEdition(tx, year);
    const refusal = statusStepRefusal(edition.status, to);
    if (refusal) throw new BadInput(refusal.message, { rule: refusal.rule, from: edition.status, to });
    if (to === 'PUBLISHED') await requireReviewed(sqlOn(tx), edition.id, year);
    tx.create(EditionEvent, {
      edition,
      at: new Date(),
      fromStatus: edition.status,
      toStatus: to,
      actor: actor.userId === null ? null : tx.getReference(User, actor.userId),
      note: actor.note ?? '',
    });
    edition.status = to;
    if (to === 'PUBLISHED') edition.publishedAt = new Date();
  });
  if (to === 'PUBLISHED') await precomputePublished(sqlOn(em), year);
}

/**
 * Only approved responses count, so an edition is not published past responses still waiting for
 * review: they would silently drop out of the results. A response returned to its observer is
 * staff's own decision that it does not count as it stands; it does not hold publication back (only
 * its observer could resubmit it), and the refusal names how many there are.
 */
async function requireReviewed(sql: Sql, editionId: number, year: number): Promise<void> {
  const [open] = await rows<{ submitted: number; returned: number }>(
    sql,
    `select count(*) filter (where a.status = 'SUBMITTED')::int as submitted, count(*) filter (where a.status = 'RETURNED')::int as returned
     from assignment a join participation p on p.id = a.participation_id where p.edition_id = $1`,
    [editionId],
  );
  if (open && open.submitted > 0) {
    throw new BadInput(
      `KSP ${year} kan ikke publiseres ennå: ${open.submitted} besvarelser venter på kontroll (og ${open.returned} er sendt tilbake til observatøren; de teller ikke om de ikke sendes inn på nytt og godkjennes).`,
      { rule: 'UNREVIEWED_RESPONSES', submitted: open.submitted, returned: open.returned },
    );
  }
}

export interface EditionEventRow {
  at: Date;
  fromStatus: EditionStatus;
  toStatus: EditionStatus;
  by: string | null;
  note: string;
}

/** The status history of an edition, oldest first. */
export async function editionEvents(em: EntityManager, year: number): Promise<EditionEventRow[]> {
  return rows<EditionEventRow>(
    sqlOn(em),
    `select ev.at, ev.from_status as "fromStatus", ev.to_status as "toStatus", u.email as by, ev.note
       from edition_event ev join edition e on e.id = ev.edition_id left join app_user u on u.id = ev.actor_user_id
      where e.year = $1 order by ev.at, ev.id`,
    [year],
  );
}

/** The settings of an edition as they are stored. */
export async function editionSettings(em: EntityManager, year: number): Promise<EditionSettingsValues> {
  const e = await em.fork().findOne(Edition, { year });
  if (!e) throw new NotFound(`There is no edition ${year}.`);
  return {
    weeks: e.fieldworkWeeks,
    inquiriesPerParticipant: e.inquiriesPerParticipant,
    channelKeys: e.channelKeys,
    waitLimits: e.waitLimits,
    minQualityScore: e.minQualityScore,
    minCellSize: e.minCellSize,
    thirdChannel: e.thirdChannel,
  };
}

/** A refusal that names every field at fault (`extensions.fields`), so a form shows each beside its field. */
export function settingsRefusal(problems: SettingProblem[]): BadInput {
  const fields = [...new Set(problems.map((p) => p.field))];
  return new BadInput(`Innstillingene ble ikke lagret; rett ${fields.length === 1 ? 'feltet' : 'feltene'} ${fields.join(', ')}.`, {
    fields: problems,
  });
}

/**
 * Changes an edition's settings while it is being planned; after that the plan and the fieldwork
 * depend on them. Every value is checked by the shared rules the questionnaire file is checked by.
 */
export async function updateEditionSettings(em: EntityManager, year: number, input: Record<string, unknown>): Promise<void> {
  await em.fork().transactional(async (tx) => {
    const edition = await lockedEdition(tx, year);
    if (edition.status !== 'PLANNING') {
      throw new BadInput(`Innstillingene kan bare endres mens utgaven planlegges (PLANNING); ${year} har status ${edition.status}.`, {
        rule: 'NOT_PLANNING',
      });
    }
    const { value, problems } = checkEditionSettings(input, year);
    if (!value) throw settingsRefusal(problems);
    edition.fieldworkWeeks = value.weeks;
    edition.inquiriesPerParticipant = value.inquiriesPerParticipant;
    edition.channelKeys = value.channelKeys;
    edition.waitLimits = value.waitLimits;
    edition.minQualityScore = value.minQualityScore;
    edition.minCellSize = value.minCellSize;
    edition.thirdChannel = value.thirdChannel;
  });
}

/** A new edition from a questionnaire file's text, checked exactly as `ksp import` checks it; every problem in `extensions.problems`. */
export async function createEditionFromQuestionnaire(em: EntityManager, text: string): Promise<number> {
  const check = checkQuestionnaire({ name: UPLOADED_QUESTIONNAIRE, text });
  if (!check.value) throw questionnaireRefusal(check.problems.problems);
  const questionnaire = check.value;
  await em.fork().transactional((tx) => storeEdition(tx, { questionnaire, participants: [], responses: [] }, { status: 'PLANNING' }));
  await refreshStatistics(sqlOn(em));
  return questionnaire.edition.year;
}

function questionnaireRefusal(problems: Problem[]): BadInput {
  return new BadInput(`Spørreskjemaet har ${problems.length} feil; ingen utgave ble opprettet.`, { problems });
}

/** `KSP 2024` → `KSP 2025`: the old year replaced in the old name, or `KSP <year>`. */
export function nameForYear(oldName: string, oldYear: number, year: number): string {
  return oldName.includes(String(oldYear)) ? oldName.replaceAll(String(oldYear), String(year)) : `KSP ${year}`;
}

/**
 * A new edition with an earlier one's questionnaire (questions, options, categories, short
 * labels) and settings, for another year: its fieldwork weeks are the same ISO week numbers of
 * the new year. No participants: they sign up.
 */
export async function copyEdition(em: EntityManager, fromYear: number, year: number, name: string | null): Promise<number> {
  if (!Number.isInteger(year) || year < MIN_EDITION_YEAR || year > MAX_EDITION_YEAR) {
    throw new BadInput(`Året må være et helt tall fra ${MIN_EDITION_YEAR} til ${MAX_EDITION_YEAR}.`, { fields: yearProblem(year) });
  }
  const source = await readEdition(sqlOn(em), fromYear);
  if (!source) throw new NotFound(`There is no edition ${fromYear} to copy.`);
  const { edition, questions, fieldwork } = source.questionnaire;
  const questionnaire = {
    edition: { ...edition, year, name: name?.trim() || nameForYear(edition.name, fromYear, year) },
    questions,
    fieldwork: { ...fieldwork, ...(fieldwork?.weeks ? { weeks: weeksInYear(fieldwork.weeks, year) } : {}) },
  };
  await em.fork().transactional((tx) => storeEdition(tx, { questionnaire, participants: [], responses: [] }, { status: 'PLANNING' }));
  await refreshStatistics(sqlOn(em));
  return year;
}

function yearProblem(year: number): SettingProblem[] {
  return [
    {
      field: 'year',
      reason: 'OUT_OF_RANGE',
      message: `expected a whole number from ${MIN_EDITION_YEAR} to ${MAX_EDITION_YEAR}, got ${year}`,
      min: MIN_EDITION_YEAR,
      max: MAX_EDITION_YEAR,
    },
  ];
}

/** The settings input of the API (lists of channel entries) as the shared check reads them (channel → value). */
export function settingsFromInput(input: {
  weeks: number[];
  inquiriesPerParticipant: number;
  channelKeys: { channel: string; key: number }[];
  waitLimits: { channel: string; waitSeconds: number; attempts: number }[];
  minQualityScore: number;
  minCellSize: number;
  thirdChannel: string;
}): Record<string, unknown> {
  return {
    ...input,
    channelKeys: Object.fromEntries(input.channelKeys.map((k) => [k.channel, k.key])),
    waitLimits: Object.fromEntries(input.waitLimits.map((w) => [w.channel, { waitSeconds: w.waitSeconds, attempts: w.attempts }])),
  };
}
