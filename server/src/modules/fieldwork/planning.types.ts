import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AssignmentReviewType } from './review.types.js';
import { DateTimeResolver } from 'graphql-scalars';
import {
  ASSIGNMENT_STATUSES,
  type AssignmentRule,
  type AssignmentStatus,
  type Channel,
  type EditionStatus,
  type Gender,
} from '@ksp/shared';
import { ChannelEnum, EditionStatusEnum, GenderEnum } from '../../graphql/enums.js';
import { CompanyType } from '../participation/participation.types.js';

// The fieldwork plan as staff see and change it (the staff page /drift/:year/planlegging).
// Observer ids are here because only staff get these types (requireStaff in the resolver).

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ASSIGNMENT_RULES = [
  'CONTACTED_BEFORE',
  'CUSTOMER',
  'UNAVAILABLE',
  'QUALITY',
  'SAME_PARTICIPANT',
] as const satisfies readonly AssignmentRule[];
export const AssignmentRuleEnum = asEnum(ASSIGNMENT_RULES);
export const AssignmentStatusEnum = asEnum(ASSIGNMENT_STATUSES);
registerEnumType(AssignmentRuleEnum, {
  name: 'AssignmentRule',
  description:
    'A rule an assignment can break: the four eligibility rules (domain.md "Fieldwork rules") and one inquiry per observer per participant.',
});
registerEnumType(AssignmentStatusEnum, {
  name: 'AssignmentStatus',
  description: 'Where an assignment stands: PLANNED until the observer starts (DRAFT), then SUBMITTED, RETURNED or APPROVED.',
});

@ObjectType('PlanShortfall', {
  description: 'Inquiries of one participant, channel and week the plan could not give an observer, and why.',
})
export class PlanShortfallType {
  @Field(() => String) companySlug!: string;
  @Field(() => String) companyName!: string;
  @Field(() => String) className!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int, { description: 'ISO week of the fieldwork.' }) week!: number;
  @Field(() => Int, { description: 'Inquiries left without an observer.' }) missing!: number;
  @Field(() => Int, { description: 'Inquiries of this participant, channel and week in all.' }) planned!: number;
  @Field(() => [AssignmentRuleEnum], { description: 'The rules that excluded the observers left, most excluding first.' })
  rules!: AssignmentRule[];
  @Field(() => String, { description: 'In words (Norwegian).' }) reason!: string;
}

@ObjectType('FieldworkPlan', { description: 'What planning the fieldwork did.' })
export class FieldworkPlanType {
  @Field(() => Int, { description: 'Inquiries of the edition with an observer now, kept ones included.' }) assigned!: number;
  @Field(() => Int, { description: 'Inquiries left without an observer (the shortfalls’ missing, summed).' }) unassigned!: number;
  @Field(() => Int, { description: 'Assignments made by this plan.' }) planned!: number;
  @Field(() => Int, { description: 'Assignments kept: work started, or set by hand.' }) kept!: number;
  @Field(() => [PlanShortfallType]) shortfalls!: PlanShortfallType[];
}

@ObjectType('AssignmentEvent', { description: 'What happened to an assignment, when, by whom and why.' })
export class AssignmentEventType {
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => String, { description: 'PLANNED, REASSIGNED, SUBMITTED, RETURNED, APPROVED, …' }) action!: string;
  @Field(() => String, { nullable: true, description: 'The staff user’s e-mail; null without one.' }) by!: string | null;
  @Field(() => String) note!: string;
  @Field(() => [String], { description: 'A return’s questions to fix (codes).' }) questions!: string[];
}

@ObjectType('FieldworkObserver', { description: 'The observer of an assignment, as the planning page shows it.' })
export class FieldworkObserverType {
  @Field(() => String, { description: 'The observer_id.' }) id!: string;
  @Field(() => GenderEnum) gender!: Gender;
  @Field(() => String, { description: 'Age in the edition year, banded as the report bands it.' }) ageBand!: string;
}

@ObjectType('FieldworkAssignment', { description: 'An inquiry given to an observer, with its history. Staff only.' })
export class FieldworkAssignmentType {
  @Field(() => ID) id!: string;
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => String) className!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int, { nullable: true, description: 'ISO week of the fieldwork.' }) week!: number | null;
  @Field(() => FieldworkObserverType) observer!: FieldworkObserverType;
  @Field(() => AssignmentStatusEnum) status!: AssignmentStatus;
  @Field(() => [AssignmentEventType], { description: 'Oldest first.' }) events!: AssignmentEventType[];
  @Field(() => AssignmentReviewType, { nullable: true, description: 'The review’s view: set by reviewQueue and returnedResponses.' })
  review?: AssignmentReviewType | null;
}

@ObjectType('PlanningChannel', { description: 'A channel of a participant: inquiries the split gives it and those with an observer.' })
export class PlanningChannelType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int) target!: number;
  @Field(() => Int) staffed!: number;
}

@ObjectType('PlanningWeek', { description: 'Inquiries of a participant with an observer in one week.' })
export class PlanningWeekType {
  @Field(() => Int) week!: number;
  @Field(() => Int) staffed!: number;
}

@ObjectType('PlanningShortfall', { description: 'A shortfall of the latest plan, for one participant.' })
export class PlanningShortfallType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int) week!: number;
  @Field(() => Int) missing!: number;
  @Field(() => Int) planned!: number;
  @Field(() => [AssignmentRuleEnum]) rules!: AssignmentRule[];
  @Field(() => String) reason!: string;
}

@ObjectType('PlanningParticipant', { description: 'A participant as fieldwork planning sees it.' })
export class PlanningParticipantType {
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => String) className!: string;
  @Field(() => [ChannelEnum], { description: 'The channels the plan uses (at most 3).' }) channels!: Channel[];
  @Field(() => [PlanningChannelType]) split!: PlanningChannelType[];
  @Field(() => [PlanningWeekType]) weeks!: PlanningWeekType[];
  @Field(() => Int, { description: 'Inquiries to make (the edition’s inquiries per participant).' }) target!: number;
  @Field(() => Int, { description: 'Inquiries with an observer.' }) staffed!: number;
  @Field(() => [PlanningShortfallType]) shortfalls!: PlanningShortfallType[];
}

@ObjectType('PlanningOverview', { description: 'An edition’s fieldwork plan per participant. Staff only.' })
export class PlanningOverviewType {
  @Field(() => Int) year!: number;
  @Field(() => EditionStatusEnum) status!: EditionStatus;
  @Field(() => [Int]) fieldworkWeeks!: number[];
  @Field(() => Int) inquiriesPerParticipant!: number;
  @Field(() => Int) minQualityScore!: number;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the latest plan was made; null before the first.' })
  plannedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who made it (e-mail).' }) plannedBy!: string | null;
  @Field(() => Int) assigned!: number;
  @Field(() => Int) unassigned!: number;
  @Field(() => [PlanningParticipantType]) participants!: PlanningParticipantType[];
}
