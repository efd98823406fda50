import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { FullTextType } from '@mikro-orm/postgresql';
import { CHANNELS, INQUIRY_STATUSES, REVIEW_STATUSES, type Channel, type InquiryStatus, type ReviewStatus } from '@ksp/shared';
import { Edition } from '../edition/edition.entity.js';
import { Participation } from '../participation/participation.entity.js';
import { Observer } from '../observer/observer.entity.js';
import { Assignment } from '../fieldwork/fieldwork.entity.js';
import { Question, QuestionOption } from '../questionnaire/question.entity.js';
import { User } from '../user/user.entity.js';

/** One contact with a participant (henvendelse): the observer's response and its review state. */
@Entity({ tableName: 'inquiry' })
@Unique({ properties: ['edition', 'externalId'] })
@Index({ name: 'inquiry_participation_idx', properties: ['participation', 'channel'] })
@Index({ name: 'inquiry_comment_search_idx', properties: ['commentSearch'], type: 'fulltext' })
export class Inquiry {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation, { deleteRule: 'cascade' }) participation!: Participation;
  /** The participation's edition: a composite foreign key in the migration, (participation, edition), keeps them equal. */
  @ManyToOne(() => Edition, { createForeignKeyConstraint: false }) edition!: Edition;
  /** The inquiry_id of the interchange files. */
  @Property({ type: 'text' }) externalId!: string;
  @Enum({ items: [...CHANNELS] }) channel!: Channel;
  @Enum({ items: [...INQUIRY_STATUSES] }) status!: InquiryStatus;
  @Enum({ items: [...REVIEW_STATUSES] }) reviewStatus: ReviewStatus = 'SUBMITTED';
  @ManyToOne(() => Observer, { index: 'inquiry_observer_idx' }) observer!: Observer;
  @ManyToOne(() => Assignment, { nullable: true, deleteRule: 'set null', index: true }) assignment?: Assignment | null;
  @Property({ type: 'datetime' }) contactedAt!: Date;
  @Property({ type: 'integer' }) attempts = 1;
  @Property({ type: 'integer', nullable: true }) waitSeconds?: number | null;
  @Property({ type: 'text' }) commentReception = '';
  @Property({ type: 'text' }) commentAgent = '';
  @Property({ type: 'text' }) commentOverall = '';
  /** The three comments for Norwegian full-text search, kept by PostgreSQL. */
  @Property({
    type: FullTextType,
    lazy: true,
    hidden: true,
    generated: `to_tsvector('norwegian', comment_reception || ' ' || comment_agent || ' ' || comment_overall) stored`,
  })
  commentSearch?: string;
}

@Entity({ tableName: 'inquiry_attempt' })
export class InquiryAttempt {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Inquiry, { deleteRule: 'cascade', index: 'inquiry_attempt_inquiry_idx' }) inquiry!: Inquiry;
  @Property({ type: 'datetime', nullable: true }) attemptedAt?: Date | null;
  @Property({ type: 'integer', nullable: true }) waitSeconds?: number | null;
  @Property({ type: 'boolean' }) answered!: boolean;
  /** The only reply was an automatic confirmation: not an answer. */
  @Property({ type: 'boolean' }) automaticReplyOnly = false;
}

/** The observer's tick on one question: an option, or a value on a CX scale. */
@Entity({ tableName: 'answer' })
export class Answer {
  @ManyToOne(() => Inquiry, { primary: true, deleteRule: 'cascade' }) inquiry!: Inquiry;
  @ManyToOne(() => Question, { primary: true, deleteRule: 'cascade', index: 'answer_question_idx' }) question!: Question;
  @ManyToOne(() => QuestionOption, { nullable: true, fieldName: 'option_id', deleteRule: 'cascade' }) option?: QuestionOption | null;
  @Property({ type: 'integer', nullable: true }) scaleValue?: number | null;
}

/** Every review state change is kept: who, when, why. */
@Entity({ tableName: 'review_event' })
export class ReviewEvent {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Inquiry, { deleteRule: 'cascade', index: 'review_event_inquiry_idx' }) inquiry!: Inquiry;
  @Property({ type: 'text', nullable: true }) fromStatus?: ReviewStatus | null;
  @Enum({ items: [...REVIEW_STATUSES] }) toStatus!: ReviewStatus;
  @ManyToOne(() => User, { nullable: true, fieldName: 'actor_user_id', deleteRule: 'set null' }) actor?: User | null;
  @Property({ type: 'text' }) reason = '';
  @Property({ type: 'datetime', defaultRaw: 'now()' }) at?: Date;
}
