import { ArrayType, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { CHANNELS, type AssignmentRule, type Channel } from '@ksp/shared';
import { Edition } from '../edition/edition.entity.js';
import { Participation } from '../participation/participation.entity.js';
import { User } from '../user/user.entity.js';

/** The latest fieldwork plan of an edition: when, by whom, and how much it staffed. */
@Entity({ tableName: 'fieldwork_plan' })
export class FieldworkPlanRun {
  @ManyToOne(() => Edition, { primary: true, deleteRule: 'cascade' }) edition!: Edition;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) plannedAt!: Date;
  @ManyToOne(() => User, { fieldName: 'planned_by_user_id', nullable: true, deleteRule: 'set null' }) plannedBy?: User | null;
  /** Inquiries of the edition with an observer after the plan (kept ones included). */
  @Property({ type: 'integer' }) assigned!: number;
  /** Inquiries the plan could not staff. */
  @Property({ type: 'integer' }) unassigned!: number;
}

/** What the latest plan could not staff for one participant, channel and week, and the rules that ran out. */
@Entity({ tableName: 'fieldwork_shortfall' })
export class FieldworkShortfall {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation, { deleteRule: 'cascade', index: 'fieldwork_shortfall_participation_idx' }) participation!: Participation;
  @Enum({ items: [...CHANNELS] }) channel!: Channel;
  @Property({ type: 'integer' }) week!: number;
  @Property({ type: 'integer' }) missing!: number;
  @Property({ type: 'integer' }) planned!: number;
  @Property({ type: new ArrayType<AssignmentRule>(), columnType: 'text[]', defaultRaw: `'{}'` }) rules: AssignmentRule[] = [];
  @Property({ type: 'text' }) reason!: string;
}
