import { ArrayType, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import type { Channel, Tier } from '@ksp/shared';
import { Edition } from '../edition/edition.entity.js';

/** A company lives across editions, so last year's result can be shown. */
@Entity({ tableName: 'company' })
export class Company {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @Property({ type: 'string' }) slug!: string;
  @Property({ type: 'string' }) name!: string;
}

/** An industry class (klasse) of one edition. */
@Entity({ tableName: 'industry_class' })
export class IndustryClass {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Edition) edition!: Edition;
  @Property({ type: 'string' }) name!: string;
}

/** A company taking part in one edition. Chosen competitors live in `participation_competitor`. */
@Entity({ tableName: 'participation' })
export class Participation {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Edition) edition!: Edition;
  @ManyToOne(() => Company) company!: Company;
  @ManyToOne(() => IndustryClass, { fieldName: 'class_id' }) industryClass!: IndustryClass;
  @Property({ type: 'string' }) tier!: Tier;
  @Property({ type: ArrayType }) channels!: Channel[];
  @Property({ type: 'boolean' }) reportPurchased = false;
  @Property({ type: 'string', nullable: true }) openingHours?: string | null;
}
