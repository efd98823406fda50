import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { RESPONSE_ORDERS, type Area, type Channel, type Gender, type InquiryStatus, type ResponseOrder } from '@ksp/shared';
import { AreaEnum, ChannelEnum, GenderEnum, InquiryStatusEnum } from '../../graphql/enums.js';
import { Needs } from '../../access/grant.js';

// Chapter 5 of the report, "Individual responses": what the observer ticked and wrote in each
// inquiry, for workshops. The own report only (every type here needs the OWN grant); never the
// observer's name or id.

@Needs('OWN')
@ObjectType('ResponseComments', { description: 'The observer’s three comments, one for each area the agent can influence.' })
export class ResponseCommentsType {
  @Field(() => String, { description: 'Mottak og velkomst.' }) reception!: string;
  @Field(() => String, { description: 'Kundebehandleren.' }) agent!: string;
  @Field(() => String, { description: 'Totalinntrykk.' }) overall!: string;
}

@Needs('OWN')
@ObjectType('ResponseObserver', { description: 'Who made the inquiry, as far as a participant may know: gender and age band only.' })
export class ResponseObserverType {
  @Field(() => GenderEnum) gender!: Gender;
  @Field(() => String, { description: '18–29, 30–39, 40–49, 50–59 or 60+ (age in the edition year).' }) ageBand!: string;
}

@Needs('OWN')
@ObjectType('ResponseAnswer', { description: 'The observer’s tick on one question.' })
export class ResponseAnswerType {
  @Field(() => String) questionCode!: string;
  @Field(() => String) questionText!: string;
  @Field(() => AreaEnum) area!: Area;
  @Field(() => String, { nullable: true, description: 'The chosen option; null for a SCALE question.' }) optionCode!: string | null;
  @Field(() => String, { nullable: true }) optionLabel!: string | null;
  @Field(() => Int, { nullable: true, description: 'The value given on a SCALE question (CX); null otherwise.' }) value!: number | null;
  @Field(() => Boolean, { description: 'The option is "not applicable": the question drops out of earned and possible points.' })
  notApplicable!: boolean;
  @Field(() => Int, { nullable: true, description: 'Points earned. Null for unscored questions and not-applicable answers.' })
  points!: number | null;
  @Field(() => Int, { nullable: true, description: 'The question’s weight (its best option) where the answer counts; null as for points.' })
  maxPoints!: number | null;
}

@Needs('OWN')
@ObjectType('Response', {
  description: 'One approved inquiry with the observer’s ticks and comments (report chapter "Individual responses").',
})
export class ResponseType {
  /** The inquiry's row id, for loading its answers; not exposed. */
  inquiryRowId!: number;
  @Field(() => ID, { description: 'The inquiry id of the interchange files.' }) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => InquiryStatusEnum) status!: InquiryStatus;
  @Field(() => DateTimeResolver) contactedAt!: Date;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true, description: 'Seconds waited for the answer; null when unknown.' }) waitSeconds!: number | null;
  @Field(() => Float, { nullable: true, description: 'The inquiry score, 100 · earned / possible; null where there is no basis.' }) score!:
    number | null;
  @Field(() => ResponseCommentsType) comments!: ResponseCommentsType;
  @Field(() => ResponseCommentsType, {
    nullable: true,
    description:
      'With `search`: the three comments in full with each matching word marked ⟦like this⟧ (PostgreSQL ts_headline). Null without a search.',
  })
  highlights!: ResponseCommentsType | null;
  @Field(() => ResponseObserverType) observer!: ResponseObserverType;
}

@Needs('OWN')
@ObjectType('ResponseEdge')
export class ResponseEdgeType {
  @Field(() => String, { description: 'Pass as `after` to continue after this response.' }) cursor!: string;
  @Field(() => ResponseType) node!: ResponseType;
}

@Needs('OWN')
@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the last edge; null for an empty page.' }) endCursor!: string | null;
}

@Needs('OWN')
@ObjectType('ResponseConnection', { description: 'A page of responses in the order they took place (contact time, then id).' })
export class ResponseConnectionType {
  @Field(() => [ResponseEdgeType]) edges!: ResponseEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int, { description: 'All responses matching the filters, on every page.' }) totalCount!: number;
}

export const ResponseOrderEnum = Object.fromEntries(RESPONSE_ORDERS.map((v) => [v, v])) as { [K in ResponseOrder]: K };
registerEnumType(ResponseOrderEnum, {
  name: 'ResponseOrder',
  description: 'The order of the responses list. Ties (and, by score, responses without a score, always last) go by contact time, then id.',
  valuesConfig: {
    CONTACTED_AT_ASC: { description: 'The order they took place: the earliest first (the default).' },
    CONTACTED_AT_DESC: { description: 'The latest first.' },
    SCORE_DESC: { description: 'The highest score first.' },
    SCORE_ASC: { description: 'The lowest score first.' },
  },
});
