// participants.csv: parse, validate and serialize.
import { MAX_COMPETITORS, TIERS, type Channel, type ParticipantRow, type Tier } from '../domain.js';
import { cell, checkColumnOrder, checkDuplicateColumns, columnIndex, readCsv, writeCsv } from './csv.js';
import { PARTICIPANTS_HEADER } from './headers.js';
import { oneOf, ProblemList, quote, type NamedText, type ParseResult } from './problems.js';
import { isSlug, joinList, parseBooleanCell, parseChannelList, parseSlugList, slugError } from './values.js';

export interface ParticipantsCheck {
  problems: ProblemList;
  /** The rows, only when there is no problem. */
  value: ParticipantRow[] | null;
  /**
   * The companies as far as they could be read: slug → its channels (null when the row's
   * channel list is broken). Null when the file itself is unreadable.
   */
  companies: Map<string, Channel[] | null> | null;
}

/** Reports missing, unknown, duplicated and misordered columns of an exact header. */
function checkExactHeader(header: readonly string[], expected: readonly string[], problems: ProblemList): void {
  checkDuplicateColumns(header, problems);
  for (const name of expected) {
    if (!header.includes(name)) problems.add(1, name, `missing column ${quote(name)}`);
  }
  for (const name of new Set(header)) {
    if (name !== '' && !expected.includes(name))
      problems.add(1, name, `unknown column ${quote(name)} (expected the columns ${expected.join(',')})`);
  }
  checkColumnOrder(header, expected, problems);
}

export function checkParticipants(file: NamedText): ParticipantsCheck {
  const problems = new ProblemList(file.name);
  const table = readCsv(file, problems, PARTICIPANTS_HEADER);
  if (!table) return { problems, value: null, companies: null };
  checkExactHeader(table.header, PARTICIPANTS_HEADER, problems);
  const cols = columnIndex(table.header);
  const has = (name: string) => cols.has(name);

  // First pass: the companies of the file (competitors refer to them).
  const firstRow = new Map<string, number>();
  for (const r of table.rows) {
    const slug = cell(r, cols, 'company_slug').trim();
    if (isSlug(slug) && !firstRow.has(slug)) firstRow.set(slug, r.row);
  }

  const companies = new Map<string, Channel[] | null>();
  const rows: ParticipantRow[] = [];
  for (const r of table.rows) {
    const before = problems.count;
    const get = (name: string) => cell(r, cols, name).trim();
    const add = (column: string, message: string) => problems.add(r.row, column, message);

    const slug = get('company_slug');
    let slugOk = false;
    if (has('company_slug')) {
      if (slug === '') add('company_slug', 'must not be empty');
      else if (!isSlug(slug)) add('company_slug', slugError(slug));
      else if (firstRow.get(slug) !== r.row)
        add('company_slug', `duplicate company_slug ${quote(slug)} (also in row ${firstRow.get(slug)})`);
      else slugOk = true;
    }

    const companyName = get('company_name');
    if (has('company_name') && companyName === '') add('company_name', 'must not be empty');
    const className = get('class');
    if (has('class') && className === '') add('class', 'must not be empty');

    const tierText = get('tier');
    const tier = (TIERS as readonly string[]).includes(tierText) ? (tierText as Tier) : null;
    if (has('tier') && tier === null) {
      add(
        'tier',
        tierText === '' ? `must not be empty (expected ${oneOf(TIERS)})` : `unknown tier ${quote(tierText)} (expected ${oneOf(TIERS)})`,
      );
    }

    const channels = parseChannelList(get('channels'));
    if (has('channels')) channels.errors.forEach((m) => add('channels', m));
    if (slugOk) companies.set(slug, has('channels') && channels.errors.length === 0 ? channels.value : null);

    const competitorsText = get('competitors');
    let competitors: string[] = [];
    if (has('competitors') && competitorsText !== '') {
      if (tier === 'ENKEL') {
        add('competitors', `competitors are only allowed for tier KONKURRENT (this row is ENKEL)`);
      } else {
        const list = parseSlugList(competitorsText, { max: MAX_COMPETITORS, what: 'competitor' });
        list.errors.forEach((m) => add('competitors', m));
        for (const c of list.value) {
          if (c === slug) add('competitors', `a company cannot be its own competitor (${quote(c)})`);
          else if (!firstRow.has(c)) add('competitors', `unknown competitor ${quote(c)} (not a company_slug in ${file.name})`);
        }
        competitors = list.value;
      }
    }

    const purchasedText = get('report_purchased');
    const reportPurchased = parseBooleanCell(purchasedText);
    if (has('report_purchased') && reportPurchased === null) add('report_purchased', `expected true or false, got ${quote(purchasedText)}`);

    if (problems.count === before && tier !== null && reportPurchased !== null) {
      rows.push({ companySlug: slug, companyName, className, tier, channels: channels.value, competitors, reportPurchased });
    }
  }
  problems.sortByRow();
  return { problems, value: problems.count === 0 ? rows : null, companies };
}

export function parseParticipants(file: NamedText): ParseResult<ParticipantRow[]> {
  const { problems, value } = checkParticipants(file);
  return value ? { ok: true, value } : { ok: false, problems: problems.problems };
}

export function serializeParticipants(rows: readonly ParticipantRow[]): string {
  return writeCsv(
    PARTICIPANTS_HEADER,
    rows.map((p) => [
      p.companySlug,
      p.companyName,
      p.className,
      p.tier,
      joinList(p.channels),
      joinList(p.competitors),
      p.reportPurchased ? 'true' : 'false',
    ]),
  );
}
