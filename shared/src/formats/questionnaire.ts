// questionnaire.json: parse, validate (every problem, with a JSON path) and serialize.
import {
  AREAS,
  CATEGORIES,
  CHANNELS,
  CX_CODES,
  CX_SCALES,
  type Area,
  type Category,
  type Channel,
  type CxCode,
  type EditionDef,
  type FieldworkDef,
  type OptionDef,
  type QuestionDef,
  type QuestionKind,
  type QuestionnaireFile,
  type WaitLimit,
  MAX_SHORT_LABEL_LENGTH,
} from '../domain.js';
import { oneOf, ProblemList, quote, type NamedText, type ParseResult } from './problems.js';
import { RESPONSES_FIXED_HEADER } from './headers.js';
import { isChannel, OPTION_CODE_PATTERN, QUESTION_CODE_PATTERN } from './values.js';
import {
  checkChannelKeys,
  checkFieldworkWeeks,
  checkInquiryCount,
  checkMinCellSize,
  checkMinQualityScore,
  checkThirdChannel,
  checkWaitLimit,
  type SettingProblem,
} from './edition-settings.js';

export const MIN_EDITION_YEAR = 2000;
export const MAX_EDITION_YEAR = 2100;

/** What the responses checker needs to know of a question, even from a questionnaire with problems. */
export interface QuestionRules {
  code: string;
  kind: QuestionKind;
  /** Channels the question applies to; null when the questionnaire's list is broken (then not checked). */
  channels: Channel[] | null;
  /** CHOICE: the option codes; null when unknown. */
  optionCodes: string[] | null;
  /** SCALE: the integer range; null when unknown. */
  min: number | null;
  max: number | null;
}

/** The outcome of checking questionnaire.json: problems, plus whatever could be read. */
export interface QuestionnaireCheck {
  problems: ProblemList;
  /** The questionnaire, only when there is no problem. */
  value: QuestionnaireFile | null;
  /** The edition year when valid (the responses checker bounds birth years with it). */
  year: number | null;
  /** The edition's inquiriesPerParticipant when valid (no participant may have more inquiries). */
  inquiriesPerParticipant: number | null;
  /** The questions as far as they could be read; null when the file has no readable question list. */
  rules: QuestionRules[] | null;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function show(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return 'a list';
  if (isObj(v)) return 'an object';
  return String(v);
}

/** `missing: expected X` or `expected X, got Y`. */
function expected(what: string, v: unknown): string {
  return v === undefined ? `missing; expected ${what}` : `expected ${what}, got ${show(v)}`;
}

function checkKeys(obj: Obj, allowed: readonly string[], path: string, problems: ProblemList, where = ''): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      problems.at(path ? `${path}.${key}` : key, `unknown key ${quote(key)} (expected ${oneOf(allowed)})${where}`);
    }
  }
}

function nonEmptyString(obj: Obj, key: string, path: string, problems: ProblemList, where = ''): string | undefined {
  const v = obj[key];
  if (typeof v === 'string' && v.trim() !== '') return v;
  problems.at(`${path}.${key}`, expected('a non-empty text', v) + where);
  return undefined;
}

function jsonSyntaxProblem(text: string, error: unknown, problems: ProblemList): void {
  const message = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(message);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const row = pos ? lineOf(Number(pos[1])) : /end of JSON/i.test(message) ? lineOf(text.trimEnd().length) : undefined;
  problems.add(row, undefined, `not valid JSON: ${message}`);
}

const EDITION_KEYS = ['year', 'name', 'inquiriesPerParticipant', 'channelKeys', 'waitLimits', 'minCellSize'] as const;
const QUESTION_KEYS = ['code', 'area', 'kind', 'min', 'max', 'text', 'shortLabel', 'channels', 'categories', 'options'] as const;
const OPTION_KEYS = ['code', 'label', 'points', 'notApplicable'] as const;
const WAIT_LIMIT_KEYS = ['waitSeconds', 'attempts'] as const;

function checkEdition(
  raw: unknown,
  problems: ProblemList,
): { value: EditionDef | null; year: number | null; inquiriesPerParticipant: number | null } {
  if (!isObj(raw)) {
    problems.at('edition', expected('an object with year, name, inquiriesPerParticipant and channelKeys', raw));
    return { value: null, year: null, inquiriesPerParticipant: null };
  }
  const before = problems.count;
  checkKeys(raw, EDITION_KEYS, 'edition', problems);

  const y = raw.year;
  const year = isInt(y) && y >= MIN_EDITION_YEAR && y <= MAX_EDITION_YEAR ? y : null;
  if (year === null) problems.at('edition.year', expected(`a whole number from ${MIN_EDITION_YEAR} to ${MAX_EDITION_YEAR}`, y));

  const name = nonEmptyString(raw, 'name', 'edition', problems);

  // The settings' rules are edition-settings.ts's, shared with the staff's form.
  const report = (p: SettingProblem) => problems.at(p.field, p.message);
  const inquiriesPerParticipant = checkInquiryCount(raw.inquiriesPerParticipant, 'edition.inquiriesPerParticipant', report);

  const mcs = raw.minCellSize;
  if (mcs !== undefined) checkMinCellSize(mcs, 'edition.minCellSize', report);

  const channelKeys = checkChannelKeys(raw.channelKeys, 'edition.channelKeys', report) ?? {};

  let waitLimits: Partial<Record<Channel, WaitLimit>> | undefined;
  const wl = raw.waitLimits;
  if (wl !== undefined) {
    if (!isObj(wl)) problems.at('edition.waitLimits', expected('an object of channel → {waitSeconds, attempts}', wl));
    else {
      waitLimits = {};
      for (const [key, v] of Object.entries(wl)) {
        const path = `edition.waitLimits.${key}`;
        if (!isChannel(key)) {
          problems.at(path, `unknown channel ${quote(key)} (expected ${oneOf(CHANNELS)})`);
          continue;
        }
        if (isObj(v)) checkKeys(v, WAIT_LIMIT_KEYS, path, problems);
        const limit = checkWaitLimit(v, path, report);
        if (limit) waitLimits[key] = limit;
      }
    }
  }

  if (problems.count > before || name === undefined || year === null || inquiriesPerParticipant === null)
    return { value: null, year, inquiriesPerParticipant };
  const value: EditionDef = { year, name, inquiriesPerParticipant, channelKeys };
  if (waitLimits !== undefined) value.waitLimits = waitLimits;
  if (mcs !== undefined) value.minCellSize = mcs as number;
  return { value, year, inquiriesPerParticipant };
}

const FIELDWORK_KEYS = ['weeks', 'minQualityScore', 'thirdChannel'] as const;

/** The optional `fieldwork` object (contract.md); weeks are checked against the edition's year when it is known. */
function checkFieldwork(raw: unknown, year: number | null, problems: ProblemList): FieldworkDef | null {
  if (!isObj(raw)) {
    problems.at('fieldwork', expected('an object {weeks, minQualityScore, thirdChannel}', raw));
    return null;
  }
  const before = problems.count;
  checkKeys(raw, FIELDWORK_KEYS, 'fieldwork', problems);
  const report = (p: SettingProblem) => problems.at(p.field, p.message);
  const value: FieldworkDef = {};
  if (raw.weeks !== undefined) {
    const weeks = checkFieldworkWeeks(raw.weeks, year, 'fieldwork.weeks', report);
    if (weeks) value.weeks = weeks;
  }
  if (raw.minQualityScore !== undefined) {
    const score = checkMinQualityScore(raw.minQualityScore, 'fieldwork.minQualityScore', report);
    if (score !== null) value.minQualityScore = score;
  }
  if (raw.thirdChannel !== undefined) {
    const third = checkThirdChannel(raw.thirdChannel, 'fieldwork.thirdChannel', report);
    if (third) value.thirdChannel = third;
  }
  return problems.count > before ? null : value;
}

function checkStringList<T extends string>(
  v: unknown,
  allowed: readonly T[],
  path: string,
  what: string,
  problems: ProblemList,
  where: string,
): T[] | null {
  if (!Array.isArray(v)) {
    problems.at(path, expected(`a list of ${what}s (${oneOf(allowed)})`, v) + where);
    return null;
  }
  const out: T[] = [];
  let ok = true;
  v.forEach((item, i) => {
    if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) {
      problems.at(`${path}[${i}]`, `unknown ${what} ${show(item)} (expected ${oneOf(allowed)})${where}`);
      ok = false;
    } else if (out.includes(item as T)) {
      problems.at(`${path}[${i}]`, `${what} ${item} is listed twice${where}`);
      ok = false;
    } else out.push(item as T);
  });
  return ok ? out : null;
}

interface QuestionOutcome {
  value: QuestionDef | null;
  rules: QuestionRules | null;
}

function checkQuestion(raw: unknown, path: string, problems: ProblemList, codesSeen: Map<string, string>): QuestionOutcome {
  if (!isObj(raw)) {
    problems.at(path, expected('a question object', raw));
    return { value: null, rules: null };
  }
  const before = problems.count;

  // Code first: the other messages name the question by it.
  const c = raw.code;
  let code: string | null = null;
  if (typeof c === 'string' && QUESTION_CODE_PATTERN.test(c)) code = c;
  else problems.at(`${path}.code`, expected('a code of letters, digits and underscores (safe as a responses.csv column)', c));
  const where = code ? ` (question ${code})` : '';
  if (code !== null) {
    const first = codesSeen.get(code);
    if (first !== undefined) problems.at(`${path}.code`, `duplicate question code ${quote(code)} (also ${first})`);
    else codesSeen.set(code, path);
    const fixed = RESPONSES_FIXED_HEADER.find((h) => h.toLowerCase() === code!.toLowerCase());
    if (fixed !== undefined)
      problems.at(`${path}.code`, `question code ${quote(code)} collides with the fixed responses.csv column ${quote(fixed)}`);
  }

  checkKeys(raw, QUESTION_KEYS, path, problems, where);

  const a = raw.area;
  const area = typeof a === 'string' && (AREAS as readonly string[]).includes(a) ? (a as Area) : null;
  if (area === null) problems.at(`${path}.area`, expected(oneOf(AREAS), a) + where);

  const text = nonEmptyString(raw, 'text', path, problems, where);

  // Optional: a few words for charts, where the full text would be cut off or read alike.
  let shortLabel: string | undefined;
  const sl = raw.shortLabel;
  if (sl !== undefined) {
    if (typeof sl !== 'string' || sl.trim() === '')
      problems.at(`${path}.shortLabel`, expected('a non-empty text (or leave it out)', sl) + where);
    else if ([...sl.trim()].length > MAX_SHORT_LABEL_LENGTH) {
      problems.at(
        `${path}.shortLabel`,
        `too long: ${[...sl.trim()].length} characters, at most ${MAX_SHORT_LABEL_LENGTH} (a few words for charts; the full wording is "text")${where}`,
      );
    } else shortLabel = sl.trim();
  }

  let kind: QuestionKind;
  if (raw.kind === undefined) kind = raw.options !== undefined ? 'CHOICE' : 'SCALE';
  else if (raw.kind === 'CHOICE' || raw.kind === 'SCALE') kind = raw.kind;
  else {
    problems.at(`${path}.kind`, expected('CHOICE or SCALE (or leave it out)', raw.kind) + where);
    kind = raw.options !== undefined ? 'CHOICE' : 'SCALE';
  }

  // CX questions: fixed codes, SCALE with the fixed ranges.
  const isCxCode = code !== null && (CX_CODES as readonly string[]).includes(code);
  if (area === 'CX') {
    if (code !== null && !isCxCode)
      problems.at(`${path}.code`, `a CX question must have one of the codes ${CX_CODES.join(', ')}, got ${quote(code)}`);
    if (kind !== 'SCALE') problems.at(path, `a CX question must be a SCALE question (with min and max, without options)${where}`);
  } else if (isCxCode && area !== null) {
    problems.at(`${path}.area`, `the code ${code} is reserved for the CX question; its area must be CX, got ${area}`);
  }

  let channels: Channel[] | null = null;
  if (raw.channels === undefined) {
    if (kind === 'CHOICE') problems.at(`${path}.channels`, `missing; a CHOICE question must list the channels it applies to${where}`);
    else channels = [...CHANNELS];
  } else {
    channels = checkStringList(raw.channels, CHANNELS, `${path}.channels`, 'channel', problems, where);
    if (channels !== null && channels.length === 0) {
      problems.at(
        `${path}.channels`,
        `must list at least one channel${kind === 'SCALE' ? ' (leave it out to mean all channels)' : ''}${where}`,
      );
      channels = null;
    }
  }

  let categories: Category[] | null = null;
  if (raw.categories !== undefined)
    categories = checkStringList(raw.categories, CATEGORIES, `${path}.categories`, 'category', problems, where);

  let options: OptionDef[] | null = null;
  let optionCodes: string[] | null = null;
  let min: number | null = null;
  let max: number | null = null;

  if (kind === 'CHOICE') {
    if (raw.min !== undefined) problems.at(`${path}.min`, `only SCALE questions have min${where}`);
    if (raw.max !== undefined) problems.at(`${path}.max`, `only SCALE questions have max${where}`);
    ({ options, optionCodes } = checkOptions(raw.options, `${path}.options`, problems, where));
  } else {
    if (raw.options !== undefined) problems.at(`${path}.options`, `a SCALE question has no options (use kind CHOICE for options)${where}`);
    const lo = raw.min;
    const hi = raw.max;
    if (isInt(lo)) min = lo;
    else problems.at(`${path}.min`, expected('a whole number', lo) + where);
    if (isInt(hi)) max = hi;
    else problems.at(`${path}.max`, expected('a whole number', hi) + where);
    if (min !== null && max !== null && min >= max) {
      problems.at(path, `min (${min}) must be less than max (${max})${where}`);
      min = max = null;
    }
    if (area === 'CX' && isCxCode) {
      const scale = CX_SCALES[code as CxCode];
      if (lo !== scale.min || hi !== scale.max) {
        problems.at(path, `the CX question ${code} must have min ${scale.min} and max ${scale.max}, got ${show(lo)} and ${show(hi)}`);
      }
    }
  }

  const rules: QuestionRules | null = code === null ? null : { code, kind, channels, optionCodes, min, max };
  if (problems.count > before || code === null || area === null || text === undefined) return { value: null, rules };

  // Canonical key order: code, area, kind, min, max, text, shortLabel, channels, categories, options.
  const q: QuestionDef = { code, area } as QuestionDef;
  if (raw.kind !== undefined) q.kind = kind;
  if (kind === 'SCALE') {
    q.min = min as number;
    q.max = max as number;
  }
  q.text = text;
  if (shortLabel !== undefined) q.shortLabel = shortLabel;
  if (raw.channels !== undefined && channels !== null) q.channels = channels;
  if (categories !== null) q.categories = categories;
  if (options !== null) q.options = options;
  return { value: q, rules };
}

function checkOptions(
  raw: unknown,
  path: string,
  problems: ProblemList,
  where: string,
): { options: OptionDef[] | null; optionCodes: string[] | null } {
  if (!Array.isArray(raw)) {
    problems.at(path, expected('a list of at least 2 options', raw) + where);
    return { options: null, optionCodes: null };
  }
  const before = problems.count;
  if (raw.length < 2) problems.at(path, `a CHOICE question needs at least 2 options, got ${raw.length}${where}`);
  const options: OptionDef[] = [];
  const optionCodes: string[] = [];
  raw.forEach((o, j) => {
    const p = `${path}[${j}]`;
    if (!isObj(o)) {
      problems.at(p, expected('an option object {code, label, points?, notApplicable?}', o) + where);
      return;
    }
    const c = o.code;
    let code: string | null = null;
    if (typeof c === 'string' && OPTION_CODE_PATTERN.test(c)) {
      code = c;
      if (optionCodes.includes(c)) problems.at(`${p}.code`, `duplicate option code ${quote(c)}${where}`);
      else optionCodes.push(c);
    } else problems.at(`${p}.code`, expected('an option code of letters, digits, "_" or "-"', c) + where);
    const ow = code === null ? where : where ? `${where.slice(0, -1)}, option ${code})` : ` (option ${code})`;
    checkKeys(o, OPTION_KEYS, p, problems, ow);
    const label = nonEmptyString(o, 'label', p, problems, ow);
    const pts = o.points;
    const pointsOk = pts === undefined || (isInt(pts) && pts >= 0);
    if (!pointsOk) problems.at(`${p}.points`, expected('a whole number ≥ 0 (or no points)', pts) + ow);
    const na = o.notApplicable;
    if (na !== undefined && typeof na !== 'boolean') problems.at(`${p}.notApplicable`, expected('true or false', na) + ow);
    if (na === true && pts !== undefined) problems.at(`${p}.points`, `a "not applicable" option carries no points${ow}`);
    if (code !== null && label !== undefined) {
      const opt: OptionDef = { code, label };
      if (pts !== undefined) opt.points = pts as number;
      if (typeof na === 'boolean') opt.notApplicable = na;
      options.push(opt);
    }
  });

  // Scoring rules: judged on the options as written (also when some have other problems).
  const objs = raw.filter(isObj);
  const scored = objs.some((o) => o.points !== undefined);
  if (scored) {
    const valid = objs.filter((o) => isInt(o.points) && (o.points as number) >= 0).map((o) => o.points as number);
    if (!valid.includes(0)) problems.at(path, `a scored question needs a 0-point option (the worst answer)${where}`);
    if (valid.length > 0 && Math.max(...valid) === 0)
      problems.at(path, `a scored question needs an option with more than 0 points${where}`);
    raw.forEach((o, j) => {
      if (isObj(o) && o.points === undefined && o.notApplicable !== true) {
        const oc = typeof o.code === 'string' ? ` ${quote(o.code)}` : '';
        problems.at(
          `${path}[${j}]`,
          `option${oc} has no points but the question is scored (give it points, or mark it "notApplicable": true)${where}`,
        );
      }
    });
  }
  return { options: problems.count > before ? null : options, optionCodes };
}

/** Checks questionnaire.json and keeps what could be read, so the responses can still be checked. */
export function checkQuestionnaire(file: NamedText): QuestionnaireCheck {
  const problems = new ProblemList(file.name);
  const text = file.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    problems.add(undefined, undefined, 'the file is empty; expected a JSON object {"edition": {…}, "questions": […]}');
    return { problems, value: null, year: null, inquiriesPerParticipant: null, rules: null };
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    jsonSyntaxProblem(text, e, problems);
    return { problems, value: null, year: null, inquiriesPerParticipant: null, rules: null };
  }
  if (!isObj(root)) {
    problems.at('', expected('an object {"edition": {…}, "questions": […]}', root));
    return { problems, value: null, year: null, inquiriesPerParticipant: null, rules: null };
  }
  checkKeys(root, ['edition', 'questions', 'fieldwork'], '', problems);
  const edition = checkEdition(root.edition, problems);
  const fieldwork = root.fieldwork === undefined ? undefined : checkFieldwork(root.fieldwork, edition.year, problems);

  let rules: QuestionRules[] | null = null;
  const questions: QuestionDef[] = [];
  if (!Array.isArray(root.questions)) {
    problems.at('questions', expected('a list of questions', root.questions));
  } else {
    if (root.questions.length === 0) problems.at('questions', 'the questionnaire has no questions');
    rules = [];
    const codesSeen = new Map<string, string>();
    root.questions.forEach((q, i) => {
      const out = checkQuestion(q, `questions[${i}]`, problems, codesSeen);
      if (out.rules) rules!.push(out.rules);
      if (out.value) questions.push(out.value);
    });
  }
  const value: QuestionnaireFile | null = problems.count === 0 && edition.value ? { edition: edition.value, questions } : null;
  if (value && fieldwork) value.fieldwork = fieldwork;
  return { problems, value, year: edition.year, inquiriesPerParticipant: edition.inquiriesPerParticipant, rules };
}

export function parseQuestionnaire(file: NamedText): ParseResult<QuestionnaireFile> {
  const { problems, value } = checkQuestionnaire(file);
  return value ? { ok: true, value } : { ok: false, problems: problems.problems };
}

/** Pretty JSON (2 spaces, trailing newline) in the contract's key order; undefined keys are left out. */
export function serializeQuestionnaire(q: QuestionnaireFile): string {
  const e = q.edition;
  const edition: Obj = { year: e.year, name: e.name, inquiriesPerParticipant: e.inquiriesPerParticipant, channelKeys: e.channelKeys };
  if (e.waitLimits !== undefined) edition.waitLimits = e.waitLimits;
  if (e.minCellSize !== undefined) edition.minCellSize = e.minCellSize;
  const questions = q.questions.map((d) => {
    const o: Obj = {
      code: d.code,
      area: d.area,
      kind: d.kind,
      min: d.min,
      max: d.max,
      text: d.text,
      shortLabel: d.shortLabel,
      channels: d.channels,
      categories: d.categories,
    };
    if (d.options !== undefined) {
      o.options = d.options.map((op) => ({ code: op.code, label: op.label, points: op.points, notApplicable: op.notApplicable }));
    }
    return o;
  });
  const fieldwork = q.fieldwork && {
    weeks: q.fieldwork.weeks,
    minQualityScore: q.fieldwork.minQualityScore,
    thirdChannel: q.fieldwork.thirdChannel,
  };
  // JSON.stringify leaves out undefined values.
  return `${JSON.stringify({ edition, questions, fieldwork }, null, 2)}\n`;
}
