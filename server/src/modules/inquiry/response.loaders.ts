import DataLoader from 'dataloader';
import type { Sql } from '../../db/sql.js';
import { answersOf, type AnswerData } from './response.service.js';

/** A request's loaders of single responses (part of `ctx.loaders`, context.ts). */
export function createResponseLoaders(sql: Sql) {
  return {
    /** The answers of every response of the request (by inquiry row id) in one statement; none: empty. */
    answers: new DataLoader<number, AnswerData[]>(async (ids) => {
      const byInquiry = await answersOf(sql, ids);
      return ids.map((id) => byInquiry.get(id) ?? []);
    }),
  };
}
