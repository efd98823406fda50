import { ArrayType, Entity, Enum, type Opt, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TIERS, type Channel, type Tier } from '@ksp/shared';
import type { ContactPoints } from '@ksp/shared/signup/contact-points';
import { Edition } from '../edition/edition.entity.js';

/** A company lives across editions, so last year's result can be shown. */
@Entity({ tableName: 'company' })
export class Company {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @Property({ type: 'text', unique: true }) slug!: string;
  @Property({ type: 'text' }) name!: string;
  /** The Norwegian organisation number (9 digits), by which a sign-up finds the company again. */
  @Property({ type: 'text', nullable: true, unique: true }) organisationNumber?: string | null;
}

/** An industry class (klasse) of one edition. */
@Entity({ tableName: 'industry_class' })
@Unique({ properties: ['edition', 'name'] })
export class IndustryClass {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Edition, { deleteRule: 'cascade' }) edition!: Edition;
  @Property({ type: 'text' }) name!: string;
}

/** A company taking part in one edition. */
@Entity({ tableName: 'participation' })
@Unique({ properties: ['edition', 'company'] })
// The targets of the migration's composite foreign keys, which keep an inquiry in its
// participation's edition and a competitor pick on a KONKURRENT participation.
@Unique({ properties: ['id', 'edition'] })
@Unique({ properties: ['id', 'edition', 'company', 'tier'] })
export class Participation {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Edition, { deleteRule: 'cascade' }) edition!: Edition;
  @ManyToOne(() => Company) company!: Company;
  @ManyToOne(() => IndustryClass, { fieldName: 'class_id', deleteRule: 'cascade', index: 'participation_class_idx' })
  industryClass!: IndustryClass;
  @Enum({ items: [...TIERS] }) tier!: Tier;
  @Property({ type: ArrayType }) channels!: Channel[];
  @Property({ type: 'boolean' }) reportPurchased = false;
  @Property({ type: 'text', nullable: true }) openingHours?: string | null;
  /** How observers reach the company on each of its channels (from the sign-up; staff correct it). */
  @Property({ type: 'jsonb', defaultRaw: `'{}'` }) contactPoints: ContactPoints & Opt = {};
}

/**
 * A competitor chosen by a KONKURRENT participant (at most 5, in order). Composite foreign keys
 * in the migration tie the pick to a KONKURRENT participation of the company and the competitor
 * to a participation of the same edition; MikroORM relations point at primary keys only, so the
 * two relations below that those keys cover carry no foreign key of their own.
 */
@Entity({ tableName: 'participation_competitor' })
@Unique({ properties: ['participation', 'position'] })
// Who chose a company as competitor in an edition (its report's access grants).
@Index({ properties: ['edition', 'competitorCompany'] })
export class ParticipationCompetitor {
  @ManyToOne(() => Participation, { primary: true, createForeignKeyConstraint: false }) participation!: Participation;
  @ManyToOne(() => Company, { primary: true, fieldName: 'competitor_company_id' }) competitorCompany!: Company;
  @ManyToOne(() => Edition, { createForeignKeyConstraint: false }) edition!: Edition;
  /** The choosing company (the participation's), part of the key that checks its tier. */
  @ManyToOne(() => Company, { fieldName: 'company_id' }) company!: Company;
  // The annotation (not `as const`) is what gives the decorator its design:type, String, under vitest.
  // eslint-disable-next-line @typescript-eslint/prefer-as-const
  @Enum({ items: ['KONKURRENT'] }) tier: 'KONKURRENT' = 'KONKURRENT';
  @Property({ type: 'integer' }) position!: number;
}
