import { COMMENT_AREAS, COMMENT_OF_AREA, type CommentArea } from '@ksp/shared/insight/comment-areas';
import { distinctiveWords, fightinWords } from '@ksp/shared/insight/fightin-words';
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

/**
 * One row of the counting statement. MEMBER: a class member's uses of a lexeme (with its own most
 * used spelling if it is asked for); CLASS: the class's most used spelling of a lexeme; EDITION:
 * the edition's uses (the prior); TARGET: an asked participation's class and edition.
 */
interface CountRow {
  kind: 'MEMBER' | 'CLASS' | 'EDITION' | 'TARGET';
  participation_id: number | null;
  class_id: number | null;
  edition_id: number | null;
  area: CommentArea | null;
  lexeme: string | null;
  n: number | null;
  word: string | null;
}

/** The comment of each area as (area, body) rows of an inquiry `i`. */
const AREA_COMMENTS = `(values ${COMMENT_AREAS.map((a) => `('${a}', i.comment_${COMMENT_OF_AREA[a]})`).join(', ')}) c(area, body)`;

/**
 * PostgreSQL counts, in one statement: its Norwegian configuration stems and drops stop words
 * (`to_tsvector('norwegian', …)`, as the responses search does), and a lexeme's uses are its
 * positions in the comment. The statement only counts and groups; the counts are put side by
 * side by key in TypeScript (`commentWords`). Joining them in SQL on (participation, area,
 * lexeme) left the planner guessing the size of each grouped step: it chose nested loops over
 * them and one edition's words took minutes (bench/RESULTS.md).
 */
const COUNTS = `with target as (
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
   -- A number ("2 minutter") is no word a manager can act on.
   where t.lexeme ~ '[[:alpha:]]'
   group by 1, 2, 3, 4, 5),
 -- Spellings: each word of the class's comments with the lexeme the same dictionary gives it.
 spelling as (
   select cm.participation_id, cm.class_id, cm.area, l.lexeme, w.word, count(*)::int as uses
   from comment cm
   cross join lateral regexp_split_to_table(lower(cm.body), '[^[:alpha:]-]+') w(word)
   cross join lateral unnest(ts_lexize('norwegian_stem', w.word)) l(lexeme)
   where cm.class_id in (select class_id from target) and w.word <> ''
   group by 1, 2, 3, 4, 5)
 select 'MEMBER' as kind, m.participation_id, m.class_id, null::int as edition_id, m.area, m.lexeme, m.n, own.word
 from by_member m
 left join (
   select distinct on (participation_id, area, lexeme) participation_id, area, lexeme, word
   from spelling where participation_id in (select id from target)
   order by participation_id, area, lexeme, uses desc, word) own using (participation_id, area, lexeme)
 where m.class_id in (select class_id from target)
 union all
 select distinct on (class_id, area, lexeme) 'CLASS', null, class_id, null, area, lexeme, null, word
 from (select class_id, area, lexeme, word, sum(uses) as uses from spelling group by 1, 2, 3, 4) s
 union all
 select 'EDITION', null, null, edition_id, area, lexeme, sum(n)::int, null from by_member group by edition_id, area, lexeme
 union all
 select 'TARGET', id, class_id, edition_id, null, null, null, null from target`;

/**
 * The distinctive words of many participations. The log-odds (shared/src/insight/fightin-words.ts)
 * are computed from the counts of the participant, the rest of its class and the whole edition
 * (the prior), over the same channel narrowing.
 */
export async function commentWords(sql: Sql, ids: number[], channel: ChannelFilter): Promise<Map<number, CommentWords>> {
  const counts = await rows<CountRow>(sql, COUNTS, [ids, channel]);
  const key = (...parts: unknown[]) => parts.join('|');
  const own = new Map<string, { n: number; word: string | null }>();
  const byClass = new Map<string, Map<string, number>>(); // class|area → lexeme → uses
  const classWord = new Map<string, string>();
  const byEdition = new Map<string, number>();
  const editionWords = new Map<string, number>();
  const targets = new Map<number, { classId: number; editionId: number }>();
  for (const r of counts) {
    if (r.kind === 'TARGET') targets.set(r.participation_id!, { classId: r.class_id!, editionId: r.edition_id! });
    else if (r.kind === 'CLASS') classWord.set(key(r.class_id, r.area, r.lexeme), r.word!);
    else if (r.kind === 'EDITION') {
      byEdition.set(key(r.edition_id, r.area, r.lexeme), r.n!);
      editionWords.set(key(r.edition_id, r.area), (editionWords.get(key(r.edition_id, r.area)) ?? 0) + r.n!);
    } else {
      own.set(key(r.participation_id, r.area, r.lexeme), { n: r.n!, word: r.word });
      const lexemes = byClass.get(key(r.class_id, r.area)) ?? new Map<string, number>();
      lexemes.set(r.lexeme!, (lexemes.get(r.lexeme!) ?? 0) + r.n!);
      byClass.set(key(r.class_id, r.area), lexemes);
    }
  }

  const out = new Map<number, CommentWords>();
  for (const id of ids) {
    const target = targets.get(id);
    const words = {} as CommentWords;
    for (const area of COMMENT_AREAS) {
      const lexemes = target ? [...(byClass.get(key(target.classId, area)) ?? [])] : [];
      const counted = lexemes.map(([term, classUses]) => {
        const mine = own.get(key(id, area, term));
        return {
          term,
          own: mine?.n ?? 0,
          rest: classUses - (mine?.n ?? 0),
          edition: byEdition.get(key(target!.editionId, area, term)) ?? 0,
          word: mine?.word ?? classWord.get(key(target!.classId, area, term)) ?? term,
        };
      });
      const spelling = new Map(counted.map((c) => [c.term, c.word]));
      const total = target ? (editionWords.get(key(target.editionId, area)) ?? 0) : 0;
      const { more, less } = distinctiveWords(fightinWords(counted, total), WORDS_PER_DIRECTION);
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
