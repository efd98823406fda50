import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import {
  QUERY_STATUSES,
  REVIEW_FLAGS,
  type Channel,
  type InquiryStatus,
  type QuestionDef,
  type QueryStatus,
  type ResponseInput,
  type ReviewFlagCode,
} from '@ksp/shared';
import { AreaEnum, InquiryStatusEnum } from '../../graphql/enums.js';
import { Needs } from '../../access/grant.js';

// The observer's response as the form sends it (contract.md "Running an edition"), and the
// shapes the form, the review and the corrections read it back in. No type here carries points.

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const QueryStatusEnum = asEnum(QUERY_STATUSES);
registerEnumType(QueryStatusEnum, {
  name: 'QueryStatus',
  description: 'A manager’s query of a response: OPEN, UPHELD (through a correction) or REJECTED (with a reply).',
});
export const ReviewFlagEnum = asEnum(REVIEW_FLAGS);
registerEnumType(ReviewFlagEnum, { name: 'ReviewFlagCode', description: 'What makes a submitted response worth a second look in review.' });

@InputType('AttemptInput', { description: 'One contact attempt.' })
export class AttemptInputType {
  @Field(() => DateTimeResolver, { description: 'When the contact was made (ISO 8601 with offset).' }) at!: Date;
  @Field(() => Int, { nullable: true, description: 'Seconds until the reply; null: no reply.' }) waitSeconds?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'The only reply was an automatic confirmation (not an answer).' })
  automaticReplyOnly?: boolean | null;
}

@InputType('AnswerInput', { description: 'The tick on one question: an option code, or a value on a scale.' })
export class AnswerInputType {
  @Field(() => String) questionCode!: string;
  @Field(() => String, { nullable: true }) optionCode?: string | null;
  @Field(() => Int, { nullable: true }) value?: number | null;
}

@InputType('CommentsInput', { description: 'The three comments; required on an answered inquiry.' })
export class CommentsInputType {
  @Field(() => String) reception!: string;
  @Field(() => String) agent!: string;
  @Field(() => String) overall!: string;
}

@InputType('ResponseInput', { description: 'An observer’s response: attempts, answers, comments.' })
export class ResponseInputType {
  @Field(() => [AttemptInputType]) attempts!: AttemptInputType[];
  @Field(() => [AnswerInputType]) answers!: AnswerInputType[];
  @Field(() => CommentsInputType) comments!: CommentsInputType;
}

/** The shared rules read instants as ISO strings (as the browser's form has them). */
export function toResponseInput(input: ResponseInputType) {
  return {
    attempts: input.attempts.map((a) => ({
      at: a.at.toISOString(),
      waitSeconds: a.waitSeconds ?? null,
      automaticReplyOnly: a.automaticReplyOnly ?? false,
    })),
    answers: input.answers.map((a) => ({ questionCode: a.questionCode.trim(), optionCode: a.optionCode ?? null, value: a.value ?? null })),
    comments: { reception: input.comments.reception, agent: input.comments.agent, overall: input.comments.overall },
  };
}

@ObjectType('ResponseAttempt', { description: 'One contact attempt of a response.' })
export class ResponseAttemptType {
  @Field(() => String, { description: 'ISO 8601.' }) at!: string;
  @Field(() => Int, { nullable: true }) waitSeconds!: number | null;
  @Field(() => Boolean) automaticReplyOnly!: boolean;
}

@ObjectType('ResponseTick', { description: 'The tick on one question as the form sent it: an option code or a scale value.' })
export class ResponseTickType {
  @Field(() => String) questionCode!: string;
  @Field(() => String, { nullable: true }) optionCode!: string | null;
  @Field(() => Int, { nullable: true }) value!: number | null;
}

@ObjectType('FormComments', { description: 'The three comments as the form has them.' })
export class ResponseCommentsType {
  @Field(() => String) reception!: string;
  @Field(() => String) agent!: string;
  @Field(() => String) overall!: string;
}

@ObjectType('ResponseContent', { description: 'A response in the form’s shape: a draft, or what was submitted.' })
export class ResponseContentType {
  @Field(() => InquiryStatusEnum, { nullable: true, description: 'Submitted: the status its attempts gave; a draft: null.' })
  status!: InquiryStatus | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'A draft: when it was last saved.' }) savedAt!: Date | null;
  @Field(() => [ResponseAttemptType]) attempts!: ResponseAttemptType[];
  @Field(() => [ResponseTickType]) answers!: ResponseTickType[];
  @Field(() => ResponseCommentsType) comments!: ResponseCommentsType;
}

/** A response (a draft as saved, or a stored one with its status) in the API's shape. */
export function responseContent(response: ResponseInput & { status?: InquiryStatus }, savedAt: Date | null): ResponseContentType {
  return {
    status: response.status ?? null,
    savedAt,
    attempts: response.attempts.map((a) => ({
      at: a.at,
      waitSeconds: a.waitSeconds ?? null,
      automaticReplyOnly: Boolean(a.automaticReplyOnly),
    })),
    answers: response.answers.map((a) => ({ questionCode: a.questionCode, optionCode: a.optionCode ?? null, value: a.value ?? null })),
    comments: { ...response.comments },
  };
}

@ObjectType('FormOption', { description: 'An answer option as the observer sees it: no points.' })
export class FormOptionType {
  @Field(() => String) code!: string;
  @Field(() => String) label!: string;
  @Field(() => Boolean) notApplicable!: boolean;
}

@ObjectType('FormQuestion', { description: 'A question of the form for the assignment’s channel, as the observer sees it: no points.' })
export class FormQuestionType {
  @Field(() => String) code!: string;
  @Field(() => String) text!: string;
  @Field(() => AreaEnum) area!: string;
  @Field(() => String, { description: 'CHOICE or SCALE.' }) kind!: string;
  @Field(() => [FormOptionType]) options!: FormOptionType[];
  @Field(() => Int, { nullable: true }) min!: number | null;
  @Field(() => Int, { nullable: true }) max!: number | null;
}

/** The questions of one channel's form, in questionnaire order, as observers and staff's corrections see them. */
export function formQuestions(questions: QuestionDef[], channel: Channel): FormQuestionType[] {
  return questions
    .filter((q) => !q.channels || q.channels.includes(channel))
    .map((q) => ({
      code: q.code,
      text: q.text,
      area: q.area,
      kind: q.kind ?? 'CHOICE',
      // Points are dropped here, not merely hidden: observers never see them.
      options: (q.options ?? []).map((o) => ({ code: o.code, label: o.label, notApplicable: Boolean(o.notApplicable) })),
      min: q.min ?? null,
      max: q.max ?? null,
    }));
}

@ObjectType('ReviewFlag', { description: 'Why a submitted response deserves a second look.' })
export class ReviewFlagType {
  @Field(() => ReviewFlagEnum) flag!: ReviewFlagCode;
  @Field(() => String, { description: 'In Norwegian.' }) message!: string;
}

// Under a report (Response.queries, and queryResponse's answer, stamped with the own report's grant): the own report only.
@Needs('OWN')
@ObjectType('ResponseQuery', { description: 'A manager’s query of one own response after publication, and its outcome.' })
export class ResponseQueryType {
  @Field(() => ID) id!: string;
  @Field(() => QueryStatusEnum) status!: QueryStatus;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true, description: 'Staff’s reply (always on a rejection).' }) reply!: string | null;
  @Field(() => DateTimeResolver) askedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) decidedAt!: Date | null;
}
