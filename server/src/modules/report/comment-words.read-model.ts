import { COMMENT_AREAS, COMMENT_OF_AREA, type CommentArea } from '@ksp/shared/insight/comment-areas';
import { distinctiveWords, fightinWords, type WordCounts } from '@ksp/shared/insight/fightin-words';
import { commentSentiment } from '@ksp/shared/insight/sentiment';
import { rows, type Sql } from '../../db/sql.js';
import type { ChannelFilter } from './report.read-model.js';

// What the comments say (report insight): per participant and area, the words that set its
// comments apart from its class's, and a sentiment reading. Comments count as the area scores
// do: of the approved, answered inquiries (an unanswered inquiry's note is about the wait).

/** How many words each way a report shows per area. */
export const WORDS_PER_DIRECTION = 10;

export interface CommentWordResult {
  /** A surface form: the participant's (else the class's) most used spelling of the lexeme; what the responses search is given. */
  word: string;
  /** The PostgreSQL Norwegian lexeme (stem) the counts are of. */
  term: string;
  direction: 'MORE' | 'LESS';
  zScore: number;
  logOdds: number;
  ownCount: number;
  /** Uses in the comments of the other members of the class. */
  classCount: number;
}

export type CommentWords = Record<CommentArea, CommentWordResult[]>;

interface WordRow {
  participation_id: number;
  area: CommentArea;
  term: string;
  own: number;
  rest: number;
  edition: number;
  edition_words: number;
  word: string;
}

/** The comment of each area as (area, body) rows of an inquiry `i`. */
const AREA_COMMENTS = `(values ${COMMENT_AREAS.map((a) => `('${a}', i.comment_${COMMENT_OF_AREA[a]})`).join(', ')}) c(area, body)`;

/**
 * The distinctive words of many participations in one statement. PostgreSQL counts: its
 * Norwegian configuration stems and drops stop words (`to_tsvector('norwegian', …)`, as the
 * responses search does), and a lexeme's uses are its positions in the comment. The log-odds
 * (shared/src/insight/fightin-words.ts) are computed from the counts of the participant, the rest of its
 * class and the whole edition (the prior), over the same channel narrowing.
 */
export async function commentWords(sql: Sql, ids: number[], channel: ChannelFilter): Promise<Map<number, CommentWords>> {
  const result = await rows<WordRow>(
    sql,
    `with target as (
       select id, edition_id, class_id from participation where id = any($1)),
     comment as (
       select i.participation_id, p.class_id, i.edition_id, c.area, c.body
       from counted_inquiry i
       join participation p on p.id = i.participation_id
       cross join lateral ${AREA_COMMENTS}
       where i.edition_id in (select edition_id from target) and i.status = 'ANSWERED' and ($2::text is null or i.channel = $2)),
     by_member as (
       select cm.participation_id, cm.class_id, cm.edition_id, cm.area, t.lexeme, sum(coalesce(array_length(t.positions, 1), 1))::int as n
       from comment cm cross join lateral unnest(to_tsvector('norwegian', cm.body)) t
       group by 1, 2, 3, 4, 5),
     by_edition as (select edition_id, area, lexeme, sum(n)::int as n from by_member group by 1, 2, 3),
     edition_words as (select edition_id, area, sum(n)::int as n from by_member group by 1, 2),
     by_class as (
       select class_id, area, lexeme, sum(n)::int as n from by_member
       where class_id in (select class_id from target) group by 1, 2, 3),
     -- Spellings: each word of the class's comments with the lexeme the same dictionary gives it.
     spelling as (
       select cm.participation_id, cm.class_id, cm.area, l.lexeme, w.word, count(*)::int as uses
       from comment cm
       cross join lateral regexp_split_to_table(lower(cm.body), '[^[:alpha:]-]+') w(word)
       cross join lateral unnest(ts_lexize('norwegian_stem', w.word)) l(lexeme)
       where cm.class_id in (select class_id from target) and w.word <> ''
       group by 1, 2, 3, 4, 5),
     own_spelling as (
       select distinct on (participation_id, area, lexeme) participation_id, area, lexeme, word
       from spelling where participation_id in (select id from target)
       order by participation_id, area, lexeme, uses desc, word),
     class_spelling as (
       select distinct on (class_id, area, lexeme) class_id, area, lexeme, word
       from (select class_id, area, lexeme, word, sum(uses) as uses from spelling group by 1, 2, 3, 4) s
       order by class_id, area, lexeme, uses desc, word)
     select t.id as participation_id, c.area, c.lexeme as term,
            coalesce(m.n, 0) as own, c.n - coalesce(m.n, 0) as rest, e.n as edition, ew.n as edition_words,
            coalesce(os.word, cs.word, c.lexeme) as word
     from target t
     join by_class c on c.class_id = t.class_id
     join by_edition e on e.edition_id = t.edition_id and e.area = c.area and e.lexeme = c.lexeme
     join edition_words ew on ew.edition_id = t.edition_id and ew.area = c.area
     left join by_member m on m.participation_id = t.id and m.area = c.area and m.lexeme = c.lexeme
     left join own_spelling os on os.participation_id = t.id and os.area = c.area and os.lexeme = c.lexeme
     left join class_spelling cs on cs.class_id = t.class_id and cs.area = c.area and cs.lexeme = c.lexeme`,
    [ids, channel],
  );

  const grouped = new Map<string, WordRow[]>();
  for (const r of result) {
    const key = `${r.participation_id}|${r.area}`;
    grouped.set(key, [...(grouped.get(key) ?? []), r]);
  }
  const out = new Map<number, CommentWords>();
  for (const id of ids) {
    const words = {} as CommentWords;
    for (const area of COMMENT_AREAS) {
      const group = grouped.get(`${id}|${area}`) ?? [];
      const spelling = new Map(group.map((r) => [r.term, r.word]));
      const counts: WordCounts[] = group.map((r) => ({ term: r.term, own: r.own, rest: r.rest, edition: r.edition }));
      const { more, less } = distinctiveWords(fightinWords(counts, group[0]?.edition_words ?? 0), WORDS_PER_DIRECTION);
      const row = (direction: 'MORE' | 'LESS') => (c: (typeof more)[number]) => ({
        word: spelling.get(c.term) ?? c.term,
        term: c.term,
        direction,
        zScore: c.zScore,
        logOdds: c.logOdds,
        ownCount: c.own,
        classCount: c.rest,
      });
      words[area] = [...more.map(row('MORE')), ...less.map(row('LESS'))];
    }
    out.set(id, words);
  }
  return out;
}

export interface AreaSentiment {
  area: CommentArea;
  /** Mean sentiment of the participant's comments with a reading (−5 to 5); null without any. */
  mean: number | null;
  /** Comments with a reading (holding at least one word of the lexicon). */
  comments: number;
  /** The mean of the class members' means (members without a reading left out), as the class figures are. */
  classMean: number | null;
}

interface CommentRow {
  participation_id: number;
  class_id: number;
  reception: string;
  agent: string;
  overall: string;
}

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * The sentiment of the comments per area, own and the class's. The comments are read in one
 * statement; the reading is the pure lexicon scoring of shared/src/insight/sentiment.ts (a word
 * list in TypeScript, not in the database), so it cannot be a GROUP BY.
 */
export async function areaSentiments(sql: Sql, ids: number[], channel: ChannelFilter): Promise<Map<number, AreaSentiment[]>> {
  const result = await rows<CommentRow>(
    sql,
    // The asked participations come once more without comments, so each is known with its class even without any.
    `with target as (select id, class_id from participation where id = any($1))
     select i.participation_id, p.class_id, i.comment_reception as reception, i.comment_agent as agent, i.comment_overall as overall
     from counted_inquiry i join participation p on p.id = i.participation_id
     where p.class_id in (select class_id from target) and i.status = 'ANSWERED' and ($2::text is null or i.channel = $2)
     union all
     select id, class_id, '', '', '' from target`,
    [ids, channel],
  );
  // Per member and area: the readings of its comments.
  const readings = new Map<number, { classId: number; byArea: Record<CommentArea, number[]> }>();
  for (const r of result) {
    let member = readings.get(r.participation_id);
    if (!member) {
      member = { classId: r.class_id, byArea: { RECEPTION: [], AGENT: [], OVERALL: [] } };
      readings.set(r.participation_id, member);
    }
    for (const area of COMMENT_AREAS) {
      const s = commentSentiment(r[COMMENT_OF_AREA[area]]).score;
      if (s !== null) member.byArea[area].push(s);
    }
  }
  const out = new Map<number, AreaSentiment[]>();
  for (const id of ids) {
    const own = readings.get(id);
    const members = [...readings.values()].filter((m) => m.classId === own?.classId);
    out.set(
      id,
      COMMENT_AREAS.map((area) => ({
        area,
        mean: own ? mean(own.byArea[area]) : null,
        comments: own ? own.byArea[area].length : 0,
        classMean: mean(members.map((m) => mean(m.byArea[area])).filter((m): m is number => m !== null)),
      })),
    );
  }
  return out;
}
