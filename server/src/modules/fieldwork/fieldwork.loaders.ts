import DataLoader from 'dataloader';
import type { QuestionDef } from '@ksp/shared';
import type { Sql } from '../../db/sql.js';
import { questionsOf } from '../questionnaire/questionnaire.read-model.js';
import { storedResponses, type StoredResponse } from './response.store.js';
import { correctionsOf, queriesOfInquiries, type CorrectionRow, type QueryRow } from './correction.service.js';

/** A request's loaders of fieldwork responses (part of `ctx.loaders`, context.ts). */
export function createFieldworkLoaders(sql: Sql) {
  const questionnaires = new Map<number, Promise<QuestionDef[]>>();
  return {
    /** Stored responses by inquiry id: a list of assignments or a review queue reads them in one statement. */
    storedResponse: new DataLoader<number, StoredResponse | null>(async (ids) => {
      const found = await storedResponses(sql, [...ids]);
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** A manager's queries of responses (by inquiry row id), for the report's responses. */
    responseQueries: new DataLoader<number, QueryRow[]>(async (ids) => {
      const found = await queriesOfInquiries(sql, [...ids]);
      return ids.map((id) => found.get(id) ?? []);
    }),
    /** The corrections after publication of participations' responses, for their reports. */
    corrections: new DataLoader<number, CorrectionRow[]>(async (ids) => {
      const found = await correctionsOf(sql, [...ids]);
      return ids.map((id) => found.get(id) ?? []);
    }),
    /** An edition's questionnaire, read once per request. */
    questionnaire(editionId: number): Promise<QuestionDef[]> {
      let found = questionnaires.get(editionId);
      if (!found) questionnaires.set(editionId, (found = questionsOf(sql, editionId)));
      return found;
    },
  };
}
