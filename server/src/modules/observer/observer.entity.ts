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
}

export const OBSERVER_RELATIONS = ['CUSTOMER', 'CONTACTED'] as const;
export type ObserverRelation = (typeof OBSERVER_RELATIONS)[number];

/** What makes an observer ineligible for a company: being its customer, or having contacted it. */
@Entity({ tableName: 'observer_company' })
export class ObserverCompany {
  @ManyToOne(() => Observer, { primary: true, deleteRule: 'cascade' }) observer!: Observer;
  @ManyToOne(() => Company, { primary: true, deleteRule: 'cascade' }) company!: Company;
  @Enum({ items: [...OBSERVER_RELATIONS], primary: true }) relation!: ObserverRelation;
}
