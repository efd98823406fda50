import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { Channel, InquiryStatus } from '@ksp/shared';
import type { Context } from '../../context.js';
import { BadInput, quote } from '../../errors.js';
import { ChannelEnum, InquiryStatusEnum } from '../../graphql/enums.js';
import { Needs } from '../../access/grant.js';
import { ReportType } from '../report/report.types.js';
import { ageBand, MAX_RESPONSES_PAGE, MAX_SEARCH_LENGTH, type ResponseOrder } from '@ksp/shared';
import { decodeCursor, encodeCursor, questionFilter, responsePage, type ResponseRowData } from './response.service.js';
import { ResponseAnswerType, ResponseConnectionType, ResponseOrderEnum, ResponseType } from './response.types.js';

const MAX_FIRST = MAX_RESPONSES_PAGE;

function checkScore(name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!(value >= 0 && value <= 100))
    throw new BadInput(`${name} is a score in percent, from 0 to 100; got ${value}.`, { reason: 'OUT_OF_RANGE', field: name });
  return value;
}

/** A day as YYYY-MM-DD that exists (no 30 February). */
function checkDay(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const day = value.trim();
  const time = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
  if (!time || Number.isNaN(time.getTime()) || time.toISOString().slice(0, 10) !== day || time.getUTCFullYear() < 1) {
    throw new BadInput(`${name} is a day written YYYY-MM-DD; got ${quote(value)}.`, { reason: 'INVALID_FORMAT', field: name });
  }
  return day;
}

function toResponse(row: ResponseRowData, editionYear: number): ResponseType {
  return Object.assign(new ResponseType(), {
    inquiryRowId: row.rowId,
    id: row.id,
    channel: row.channel,
    status: row.status,
    contactedAt: row.contactedAt,
    attempts: row.attempts,
    waitSeconds: row.waitSeconds,
    score: row.score,
    comments: row.comments,
    highlights: row.highlights,
    // Gender and age band only: never the observer's name or id.
    observer: { gender: row.observerGender, ageBand: ageBand(editionYear - row.observerBirthYear) },
  });
}

@Resolver(() => ReportType)
export class ResponseResolver {
  @FieldResolver(() => ResponseConnectionType, {
    description:
      'Chapter "Individual responses": every approved inquiry with the observer’s ticks and comments, in the order they took place, ' +
      'a page at a time (`first` 1–100, `after` an endCursor). Filters combine; `search` is full-text search of the comments in Norwegian ' +
      '(web-search syntax: words, "a phrase", -without) and fills `highlights`. Own report only: a competitor gives FORBIDDEN.',
  })
  @Needs('OWN')
  async responses(
    @Root() report: ReportType,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('channel', () => ChannelEnum, { nullable: true }) channel: Channel | null,
    @Arg('status', () => InquiryStatusEnum, { nullable: true }) status: InquiryStatus | null,
    @Arg('minScore', () => Float, {
      nullable: true,
      description: 'Inquiry score at least this (0–100); responses without a score drop out.',
    })
    minScore: number | null,
    @Arg('maxScore', () => Float, {
      nullable: true,
      description: 'Inquiry score at most this (0–100); responses without a score drop out.',
    })
    maxScore: number | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('question', () => String, {
      nullable: true,
      description: 'Only responses with an answer to this question (its code, as `Performance.code`).',
    })
    question: string | null,
    @Arg('option', () => String, {
      nullable: true,
      description: 'With `question`: only responses whose answer to it is this option (its code, as `OptionShare.code`).',
    })
    option: string | null,
    @Arg('from', () => String, { nullable: true, description: 'Contacted on or after this day, YYYY-MM-DD (Norwegian time).' })
    from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Contacted on or before this day, YYYY-MM-DD (Norwegian time).' })
    to: string | null,
    @Arg('attempts', () => Int, { nullable: true, description: 'Only responses that took exactly this many attempts (1 or more).' })
    attempts: number | null,
    @Arg('orderBy', () => ResponseOrderEnum, {
      nullable: true,
      description: 'The order; by default CONTACTED_AT_ASC. A cursor belongs to the order it came from.',
    })
    orderBy: ResponseOrder | null,
  ): Promise<ResponseConnectionType> {
    const size = first ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > MAX_FIRST) {
      throw new BadInput(`first must be between 1 and ${MAX_FIRST} (responses per page); got ${size}.`, {
        reason: 'OUT_OF_RANGE',
        field: 'first',
      });
    }
    const min = checkScore('minScore', minScore);
    const max = checkScore('maxScore', maxScore);
    if (min !== null && max !== null && min > max) {
      throw new BadInput(`minScore (${min}) must not be above maxScore (${max}).`, { reason: 'MIN_ABOVE_MAX', field: 'minScore' });
    }
    const words = search?.trim() || null;
    if (words && words.length > MAX_SEARCH_LENGTH) {
      throw new BadInput(`search is at most ${MAX_SEARCH_LENGTH} characters; got ${words.length}.`, {
        reason: 'TOO_LONG',
        field: 'search',
      });
    }
    const fromDay = checkDay('from', from);
    const toDay = checkDay('to', to);
    if (fromDay !== null && toDay !== null && fromDay > toDay) {
      throw new BadInput(`from (${fromDay}) must not be after to (${toDay}).`, { reason: 'FROM_AFTER_TO', field: 'from' });
    }
    if (attempts !== null && attempts !== undefined && attempts < 1) {
      throw new BadInput(`attempts is a number of attempts, 1 or more; got ${attempts}.`, { reason: 'OUT_OF_RANGE', field: 'attempts' });
    }
    const questionCode = question?.trim() || null;
    const optionCode = option?.trim() || null;
    if (optionCode !== null && questionCode === null) {
      throw new BadInput('option needs question: the option of which question?', { reason: 'MISSING_ARGUMENT', field: 'question' });
    }
    const order = orderBy ?? 'CONTACTED_AT_ASC';
    const cursor = after ? decodeCursor(after, order) : null;
    const answer = questionCode !== null ? await questionFilter(ctx.sql, report.participation.editionId, questionCode, optionCode) : null;

    const page = await responsePage(ctx.sql, {
      participationId: report.participation.id,
      reportChannel: report.channel,
      filters: {
        channel: channel ?? null,
        status: status ?? null,
        minScore: min,
        maxScore: max,
        search: words,
        questionId: answer?.questionId ?? null,
        optionId: answer?.optionId ?? null,
        from: fromDay,
        to: toDay,
        attempts: attempts ?? null,
      },
      first: size,
      after: cursor,
      order,
    });
    if (page.searchTerms === 0) {
      throw new BadInput(
        `search ${quote(words ?? '')} has no words to look for: very common words (such as "og", "ikke") and signs are left out. Try a more specific word.`,
        { reason: 'NO_SEARCH_WORDS', field: 'search' },
      );
    }

    const edges = page.rows.map((row) => ({ cursor: encodeCursor(row.cursor), node: toResponse(row, report.participation.year) }));
    return { edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

@Resolver(() => ResponseType)
export class ResponseAnswersResolver {
  @FieldResolver(() => [ResponseAnswerType], {
    description: 'Every answered question, in questionnaire order, with its points (the own report only reaches responses).',
  })
  async answers(@Root() response: ResponseType, @Ctx() ctx: Context): Promise<ResponseAnswerType[]> {
    const answers = await ctx.loaders.answers.load(response.inquiryRowId);
    return answers;
  }
}
