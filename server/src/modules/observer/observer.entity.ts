import { ArrayType, DecimalType, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { GENDERS, type Gender } from '@ksp/shared';
import { Company } from '../participation/participation.entity.js';

/** A mystery shopper. Managers see only gender and age band, never the name or id. */
@Entity({ tableName: 'observer' })
export class Observer {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @Property({ type: 'text', unique: true }) externalId!: string;
  @Property({ type: 'text', nullable: true }) name?: string | null;
  @Enum({ items: [...GENDERS] }) gender!: Gender;
  @Property({ type: 'integer' }) birthYear!: number;
  @Property({ type: 'text', nullable: true }) region?: string | null;
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true }) qualityScore?: number | null;
  /** ISO weeks (`2025-W11`) in which the observer cannot make weekday contacts 09–15. */
  @Property({ type: new ArrayType<string>(), columnType: 'text[]', defaultRaw: `'{}'` }) unavailableWeeks: string[] = [];
  /**
   * Company slugs from `observers.csv`, known to the product or not (the observer_pool
   * migration says why slugs); the contacts derived from stored inquiries are `ObserverCompany`.
   */
  @Property({ type: new ArrayType<string>(), columnType: 'text[]', defaultRaw: `'{}'` }) customerOf: string[] = [];
  @Property({ type: new ArrayType<string>(), columnType: 'text[]', defaultRaw: `'{}'` }) contactedBefore: string[] = [];
}

export const OBSERVER_RELATIONS = ['CUSTOMER', 'CONTACTED'] as const;
export type ObserverRelation = (typeof OBSERVER_RELATIONS)[number];

/**
 * What makes an observer ineligible for a company the product holds: being its customer, or
 * having contacted it. The import of an edition adds CONTACTED for every inquiry it stores;
 * `ksp observers import` keeps those and replaces the rest by the file's slugs on `Observer`.
 */
@Entity({ tableName: 'observer_company' })
export class ObserverCompany {
  @ManyToOne(() => Observer, { primary: true, deleteRule: 'cascade' }) observer!: Observer;
  @ManyToOne(() => Company, { primary: true, deleteRule: 'cascade' }) company!: Company;
  @Enum({ items: [...OBSERVER_RELATIONS], primary: true }) relation!: ObserverRelation;
}
