import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { AssignmentStatus, Channel, InquiryStatus, ReviewStatus } from '@ksp/shared';
import { AssignmentStatusEnum } from './planning.types.js';
import { ChannelEnum, InquiryStatusEnum, ReviewStatusEnum } from '../../graphql/enums.js';
import { CompanyType } from '../participation/participation.types.js';

// What an observer sees of their own work. These types have no points, scores or other
// observers by design: observers never see points or which questions carry them. They share
// no type with the participant report, whose records carry a report grant (access/grant.ts).

@ObjectType('ObserverComments', { description: 'The observer’s three comments, one for each area the agent can influence.' })
export class ObserverCommentsType {
  @Field(() => String) reception!: string;
  @Field(() => String) agent!: string;
  @Field(() => String) overall!: string;
}

@ObjectType('AssignmentRolePlay', { description: 'A role play of the assignment: the frame the observer uses their own life within.' })
export class AssignmentRolePlayType {
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
}

@ObjectType('ObserverAnswer', { description: 'The observer’s own tick: the option chosen, or the value on a scale. No points.' })
export class ObserverAnswerType {
  @Field(() => String) questionCode!: string;
  @Field(() => String) questionText!: string;
  @Field(() => String, { nullable: true }) optionCode!: string | null;
  @Field(() => String, { nullable: true }) optionLabel!: string | null;
  @Field(() => Int, { nullable: true }) value!: number | null;
}

@ObjectType('ObserverResponse', { description: 'The observer’s own submitted response and where its review stands.' })
export class ObserverResponseType {
  inquiryRowId!: number;
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => InquiryStatusEnum) status!: InquiryStatus;
  @Field(() => ReviewStatusEnum) reviewStatus!: ReviewStatus;
  @Field(() => DateTimeResolver) contactedAt!: Date;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) waitSeconds!: number | null;
  @Field(() => ObserverCommentsType) comments!: ObserverCommentsType;
}

@ObjectType('Assignment', { description: 'An observer sent to a company on a channel in a fieldwork week.' })
export class AssignmentType {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int, { nullable: true, description: 'ISO week of the fieldwork.' }) week!: number | null;
  @Field(() => [AssignmentRolePlayType]) rolePlays!: AssignmentRolePlayType[];
  @Field(() => ObserverResponseType, { nullable: true, description: 'The own response, once submitted.' })
  response!: ObserverResponseType | null;
  @Field(() => AssignmentStatusEnum) status!: AssignmentStatus;
  @Field(() => String, { nullable: true, description: 'Why the response came back, while it is RETURNED.' }) returnNote!: string | null;
  @Field(() => [String], { description: 'The questions the return asks to fix (codes), while RETURNED.' }) returnQuestions!: string[];
  @Field(() => DateTimeResolver, { nullable: true }) returnedAt!: Date | null;
  @Field(() => [String], { description: 'When contacts may be made, in Norwegian: “man–fre 09:00–15:00”.' }) contactWindows!: string[];
  @Field(() => String, {
    nullable: true,
    description:
      'How to reach the participant on the assignment’s channel: a phone number (PHONE), an e-mail address or a contact form’s URL (EMAIL), a URL (CHAT, MESSENGER); null when not known.',
  })
  contact!: string | null;
  @Field(() => Int, { description: 'Attempts the channel allows.' }) maxAttempts!: number;
  @Field(() => Int, { description: 'The wait limit in seconds (e-mail: business days × 86 400).' }) waitLimitSeconds!: number;
  /** For the form's fields (draft, questions): not in the API. */
  editionId!: number;
  inquiryRowId!: number | null;
  draft!: { input: unknown; savedAt: Date } | null;
}
