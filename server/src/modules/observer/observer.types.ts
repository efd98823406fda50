import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Gender } from '@ksp/shared';
import { GenderEnum } from '../../graphql/enums.js';
import { CompanyType } from '../participation/participation.types.js';
import type { ConflictReason, PoolEdition } from './observer.read-model.js';

// The observer pool as staff see it for one edition (the staff page /drift/:year/observatorer).
// Names and ids are here because only staff get these types (requireStaff in the resolver).

export const ConflictReasonEnum = { CUSTOMER: 'CUSTOMER', CONTACTED_BEFORE: 'CONTACTED_BEFORE' } as const satisfies Record<
  ConflictReason,
  ConflictReason
>;
registerEnumType(ConflictReasonEnum, {
  name: 'ObserverConflictReason',
  description: 'Why an observer may not be sent to a company: a customer of it, or contacted it before (domain.md "Fieldwork rules").',
});

@ObjectType('ObserverConflict', { description: 'A participant of the edition the observer may not be sent to, and why.' })
export class ObserverConflictType {
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => [ConflictReasonEnum]) reasons!: ConflictReason[];
}

@ObjectType('ObserverWeek', { description: 'Whether the observer can make weekday contacts 09–15 in one fieldwork week.' })
export class ObserverWeekType {
  @Field(() => Int, { description: 'ISO week of the edition year.' }) week!: number;
  @Field(() => Boolean) available!: boolean;
}

@ObjectType('PoolObserver', { description: 'An observer of the pool, seen for one edition. Staff only.' })
export class PoolObserverType {
  @Field(() => String, { description: 'The observer_id.' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Null for an observer known only from imported responses.' }) name!: string | null;
  @Field(() => GenderEnum) gender!: Gender;
  @Field(() => Int) birthYear!: number;
  @Field(() => String, { description: 'Age in the edition year, banded as the report bands it (18–29 … 60+).' }) ageBand!: string;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => Float, { nullable: true }) qualityScore!: number | null;
  @Field(() => Boolean, { description: 'The quality score is at or above the edition’s minQualityScore.' }) passesQuality!: boolean;
  @Field(() => [ObserverWeekType], { description: 'Each fieldwork week of the edition, in order.' }) availability!: ObserverWeekType[];
  @Field(() => [ObserverConflictType], { description: 'The edition’s participants the observer may not be sent to, by company name.' })
  conflicts!: ObserverConflictType[];
  @Field(() => Int, { description: 'The observer’s assignments in this edition.' }) assignments!: number;
}

@ObjectType('ObserverPoolWeek', { description: 'The pool in one fieldwork week.' })
export class ObserverPoolWeekType {
  @Field(() => Int) week!: number;
  @Field(() => Int, { description: 'Observers available on weekdays 09–15 that week.' }) available!: number;
  @Field(() => Int, { description: 'Of them, those whose quality score passes.' }) availablePassing!: number;
}

@ObjectType('ObserverPoolSummary', { description: 'The whole pool for the edition, whatever the search.' })
export class ObserverPoolSummaryType {
  @Field(() => Int) observers!: number;
  @Field(() => Int) passingQuality!: number;
  @Field(() => [ObserverPoolWeekType]) weeks!: ObserverPoolWeekType[];
}

@ObjectType('ObserverPool', { description: 'A page of the observer pool for an edition, with the edition’s fieldwork settings.' })
export class ObserverPoolType {
  edition!: PoolEdition;
  @Field(() => Int, { description: 'Observers matching the search and filters, over all pages.' }) total!: number;
  @Field(() => [PoolObserverType]) items!: PoolObserverType[];
  @Field(() => [Int], { description: 'The edition’s fieldwork weeks (ISO weeks of its year).' }) fieldworkWeeks!: number[];
  @Field(() => Int) minQualityScore!: number;
}
