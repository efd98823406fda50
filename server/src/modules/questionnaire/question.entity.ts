import { ArrayType, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AREAS, type Area, type Category, type Channel, type QuestionKind } from '@ksp/shared';
import { Edition } from '../edition/edition.entity.js';

const QUESTION_KINDS: QuestionKind[] = ['CHOICE', 'SCALE'];

/** One performance (prestasjon) of an edition's questionnaire. */
@Entity({ tableName: 'question' })
@Unique({ properties: ['edition', 'code'] })
@Unique({ properties: ['edition', 'position'] })
export class Question {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Edition, { deleteRule: 'cascade' }) edition!: Edition;
  @Property({ type: 'text' }) code!: string;
  @Enum({ items: [...AREAS] }) area!: Area;
  @Enum({ items: QUESTION_KINDS }) kind!: QuestionKind;
  @Property({ type: 'text' }) text!: string;
  /** A few words for charts' row labels (questionnaire.json `shortLabel`); null: the text is used. */
  @Property({ type: 'text', nullable: true }) shortLabel?: string | null;
  @Property({ type: ArrayType }) channels!: Channel[];
  @Property({ type: ArrayType, defaultRaw: `'{}'` }) categories: Category[] = [];
  /** The weight: the best option's points. Null for unscored and SCALE questions. */
  @Property({ type: 'integer', nullable: true }) maxPoints?: number | null;
  @Property({ type: 'integer', nullable: true }) scaleMin?: number | null;
  @Property({ type: 'integer', nullable: true }) scaleMax?: number | null;
  @Property({ type: 'integer' }) position!: number;
}

@Entity({ tableName: 'question_option' })
@Unique({ properties: ['question', 'code'] })
export class QuestionOption {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Question, { deleteRule: 'cascade' }) question!: Question;
  @Property({ type: 'text' }) code!: string;
  @Property({ type: 'text' }) label!: string;
  @Property({ type: 'integer', nullable: true }) points?: number | null;
  @Property({ type: 'boolean' }) notApplicable = false;
  @Property({ type: 'integer' }) position!: number;
}
