import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import type { Channel, InquiryStatus, ReviewStatus } from '@ksp/shared';
import { Edition } from '../edition/edition.entity.js';
import { Participation } from '../participation/participation.entity.js';
import { Observer } from '../observer/observer.entity.js';
import { Assignment } from '../fieldwork/fieldwork.entity.js';
import { Question, QuestionOption } from '../questionnaire/question.entity.js';
import { User } from '../user/user.entity.js';

/** One contact with a participant (henvendelse): the observer's response and its review state. */
@Entity({ tableName: 'inquiry' })
export class Inquiry {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation) participation!: Participation;
  @ManyToOne(() => Edition) edition!: Edition;
  /** The inquiry_id of the interchange files. */
  @Property({ type: 'string' }) externalId!: string;
  @Property({ type: 'string' }) channel!: Channel;
  @Property({ type: 'string' }) status!: InquiryStatus;
  @Property({ type: 'string' }) reviewStatus: ReviewStatus = 'SUBMITTED';
  @ManyToOne(() => Observer) observer!: Observer;
  @ManyToOne(() => Assignment, { nullable: true }) assignment?: Assignment | null;
  @Property({ type: 'datetime' }) contactedAt!: Date;
  @Property({ type: 'integer' }) attempts = 1;
  @Property({ type: 'integer', nullable: true }) waitSeconds?: number | null;
  @Property({ type: 'text' }) commentReception = '';
  @Property({ type: 'text' }) commentAgent = '';
  @Property({ type: 'text' }) commentOverall = '';
}

@Entity({ tableName: 'inquiry_attempt' })
export class InquiryAttempt {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Inquiry) inquiry!: Inquiry;
  @Property({ type: 'datetime', nullable: true }) attemptedAt?: Date | null;
  @Property({ type: 'integer', nullable: true }) waitSeconds?: number | null;
  @Property({ type: 'boolean' }) answered!: boolean;
}

/** The observer's tick on one question: an option, or a value on a CX scale. */
@Entity({ tableName: 'answer' })
export class Answer {
  @ManyToOne(() => Inquiry, { primary: true }) inquiry!: Inquiry;
  @ManyToOne(() => Question, { primary: true }) question!: Question;
  @ManyToOne(() => QuestionOption, { nullable: true, fieldName: 'option_id' }) option?: QuestionOption | null;
  @Property({ type: 'integer', nullable: true }) scaleValue?: number | null;
}

/** Every review state change is kept: who, when, why. */
@Entity({ tableName: 'review_event' })
export class ReviewEvent {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Inquiry) inquiry!: Inquiry;
  @Property({ type: 'string', nullable: true }) fromStatus?: ReviewStatus | null;
  @Property({ type: 'string' }) toStatus!: ReviewStatus;
  @ManyToOne(() => User, { nullable: true, fieldName: 'actor_user_id' }) actor?: User | null;
  @Property({ type: 'text' }) reason = '';
  @Property({ type: 'datetime' }) at: Date = new Date();
}
