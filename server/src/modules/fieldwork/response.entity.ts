import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { QUERY_STATUSES, type QueryStatus } from '@ksp/shared';
import { Assignment } from './fieldwork.entity.js';
import { Inquiry } from '../inquiry/inquiry.entity.js';
import { User } from '../user/user.entity.js';

/** What the observer has typed into an assignment's form, saved as they type, until submitted. */
@Entity({ tableName: 'response_draft' })
export class ResponseDraft {
  @ManyToOne(() => Assignment, { primary: true, deleteRule: 'cascade' }) assignment!: Assignment;
  /** The form as a ResponseInput (shared/src/fieldwork/response-rules.ts), however incomplete. */
  @Property({ type: 'jsonb' }) input!: unknown;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) savedAt!: Date;
}

/** One submission of an assignment's response under its idempotency key: a retry with the key makes no second response. */
@Entity({ tableName: 'response_submission' })
@Unique({ properties: ['assignment', 'idempotencyKey'] })
export class ResponseSubmission {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Assignment, { deleteRule: 'cascade' }) assignment!: Assignment;
  @Property({ type: 'text' }) idempotencyKey!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) at!: Date;
}

/** A change to a response after publication: before, after, who and why. */
@Entity({ tableName: 'response_correction' })
export class ResponseCorrection {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Inquiry, { deleteRule: 'cascade', index: 'response_correction_inquiry_idx' }) inquiry!: Inquiry;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) at!: Date;
  @ManyToOne(() => User, { fieldName: 'actor_user_id', nullable: true, deleteRule: 'set null' }) actor?: User | null;
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: 'jsonb' }) before!: unknown;
  @Property({ type: 'jsonb' }) after!: unknown;
}

/** A manager's query of one own response after publication, and staff's outcome. */
@Entity({ tableName: 'response_query' })
@Index({
  name: 'response_query_one_open',
  expression: `create unique index response_query_one_open on response_query(inquiry_id) where status = 'OPEN'`,
})
export class ResponseQuery {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Inquiry, { deleteRule: 'cascade', index: 'response_query_inquiry_idx' }) inquiry!: Inquiry;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) askedAt!: Date;
  @ManyToOne(() => User, { fieldName: 'asked_by_user_id', nullable: true, deleteRule: 'set null' }) askedBy?: User | null;
  @Property({ type: 'text' }) message!: string;
  @Enum({ items: [...QUERY_STATUSES] }) status: QueryStatus = 'OPEN';
  @Property({ type: 'text', nullable: true }) reply?: string | null;
  @Property({ type: 'datetime', nullable: true }) decidedAt?: Date | null;
  @ManyToOne(() => User, { fieldName: 'decided_by_user_id', nullable: true, deleteRule: 'set null' }) decidedBy?: User | null;
  @ManyToOne(() => ResponseCorrection, { fieldName: 'correction_id', nullable: true, deleteRule: 'set null' })
  correction?: ResponseCorrection | null;
}
