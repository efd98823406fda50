import { ArrayType, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ASSIGNMENT_STATUSES, CHANNELS, type AssignmentStatus, type Channel } from '@ksp/shared';
import { User } from '../user/user.entity.js';
import { Participation } from '../participation/participation.entity.js';
import { Observer } from '../observer/observer.entity.js';

/** The frame an observer fills with their own life when contacting a participant. */
@Entity({ tableName: 'role_play' })
export class RolePlay {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation, { deleteRule: 'cascade', index: true }) participation!: Participation;
  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text' }) description = '';
}

/** An observer sent to a participant on a channel in a fieldwork week. */
@Entity({ tableName: 'assignment' })
@Unique({ properties: ['participation', 'observer'] })
export class Assignment {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation, { deleteRule: 'cascade' }) participation!: Participation;
  @ManyToOne(() => Observer, { index: true }) observer!: Observer;
  @Enum({ items: [...CHANNELS] }) channel!: Channel;
  @Property({ type: 'integer', nullable: true }) week?: number | null;
  @Enum({ items: [...ASSIGNMENT_STATUSES] }) status: AssignmentStatus = 'PLANNED';
}

/** What happened to an assignment: planned, changed by hand, submitted, returned, approved; who, when and why. */
@Entity({ tableName: 'assignment_event' })
export class AssignmentEvent {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Assignment, { deleteRule: 'cascade', index: 'assignment_event_assignment_idx' }) assignment!: Assignment;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) at!: Date;
  @Property({ type: 'text' }) action!: string;
  @ManyToOne(() => User, { fieldName: 'actor_user_id', nullable: true, deleteRule: 'set null' }) actor?: User | null;
  @Property({ type: 'text' }) note = '';
  /** A return's questions to fix (codes). */
  @Property({ type: new ArrayType<string>(), columnType: 'text[]', defaultRaw: `'{}'` }) questions: string[] = [];
}
