// The three interchange files of one edition together (ksp import / ksp export / demo data).
import type { EditionBundle } from '../domain.js';
import { FILE_NAMES } from './headers.js';
import { checkParticipants, serializeParticipants } from './participants.js';
import type { NamedText, ParseResult, Problem } from './problems.js';
import { checkQuestionnaire, serializeQuestionnaire } from './questionnaire.js';
import { checkResponses, serializeResponses } from './responses.js';

export interface BundleFiles {
  questionnaire: NamedText;
  participants: NamedText;
  responses: NamedText;
}

/** The bundle or its problems, and in both cases what is odd but not refused (print them; they stop nothing). */
export type BundleResult = ParseResult<EditionBundle> & { warnings: Problem[] };

export interface SerializedBundle {
  questionnaire: string;
  participants: string;
  responses: string;
}

/**
 * Parses and checks the three files together. Every problem of every file is reported at
 * once: a file with problems is still used, as far as it could be read, to check the others
 * (e.g. the responses against a questionnaire that has a bad point value elsewhere).
 * Problems come in file order (questionnaire, participants, responses), then row order.
 */
export function parseBundle(files: BundleFiles): BundleResult {
  const q = checkQuestionnaire(files.questionnaire);
  const p = checkParticipants(files.participants);
  const r = checkResponses(files.responses, {
    rules: q.rules,
    year: q.year,
    inquiriesPerParticipant: q.inquiriesPerParticipant,
    companies: p.companies,
    participantsFile: files.participants.name,
    questionnaireFile: files.questionnaire.name,
  });
  const problems = [...q.problems.problems, ...p.problems.problems, ...r.problems.problems];
  const warnings = r.warnings.problems;
  if (problems.length > 0 || !q.value || !p.value || !r.value) return { ok: false, problems, warnings };
  return { ok: true, value: { questionnaire: q.value, participants: p.value, responses: r.value }, warnings };
}

/**
 * The questionnaire and the participants of an edition that has no responses yet (`ksp import`
 * without `--responses`): checked as parseBundle checks them; the bundle has no responses.
 */
export function parseSetup(files: Omit<BundleFiles, 'responses'>): BundleResult {
  const q = checkQuestionnaire(files.questionnaire);
  const p = checkParticipants(files.participants);
  const problems = [...q.problems.problems, ...p.problems.problems];
  if (problems.length > 0 || !q.value || !p.value) return { ok: false, problems, warnings: [] };
  return { ok: true, value: { questionnaire: q.value, participants: p.value, responses: [] }, warnings: [] };
}

/** The file texts of a bundle; `parseBundle` of them gives back an equal bundle. */
export function serializeBundle(b: EditionBundle): SerializedBundle {
  return {
    questionnaire: serializeQuestionnaire(b.questionnaire),
    participants: serializeParticipants(b.participants),
    responses: serializeResponses(b.questionnaire.questions, b.responses),
  };
}

/** `serializeBundle` as named files (the default file names), ready for `parseBundle`. */
export function bundleFiles(b: EditionBundle): BundleFiles {
  const s = serializeBundle(b);
  return {
    questionnaire: { name: FILE_NAMES.questionnaire, text: s.questionnaire },
    participants: { name: FILE_NAMES.participants, text: s.participants },
    responses: { name: FILE_NAMES.responses, text: s.responses },
  };
}
