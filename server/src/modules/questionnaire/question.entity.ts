import { ArrayType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import type { Area, Category, Channel, QuestionKind } from '@ksp/shared';
import { Edition } from '../edition/edition.entity.js';

/** One performance (prestasjon) of an edition's questionnaire. */
@Entity({ tableName: 'question' })
export class Question {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Edition) edition!: Edition;
  @Property({ type: 'string' }) code!: string;
  @Property({ type: 'string' }) area!: Area;
  @Property({ type: 'string' }) kind!: QuestionKind;
  @Property({ type: 'text' }) text!: string;
  @Property({ type: ArrayType }) channels!: Channel[];
  @Property({ type: ArrayType }) categories: Category[] = [];
  /** The weight: the best option's points. Null for unscored and SCALE questions. */
  @Property({ type: 'integer', nullable: true }) maxPoints?: number | null;
  @Property({ type: 'integer', nullable: true }) scaleMin?: number | null;
  @Property({ type: 'integer', nullable: true }) scaleMax?: number | null;
  @Property({ type: 'integer' }) position!: number;
}

@Entity({ tableName: 'question_option' })
export class QuestionOption {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Question) question!: Question;
  @Property({ type: 'string' }) code!: string;
  @Property({ type: 'string' }) label!: string;
  @Property({ type: 'integer', nullable: true }) points?: number | null;
  @Property({ type: 'boolean' }) notApplicable = false;
  @Property({ type: 'integer' }) position!: number;
}
