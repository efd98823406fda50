import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Gender } from '@ksp/shared';

/** A mystery shopper. Managers see only gender and age band, never the name or id. */
@Entity({ tableName: 'observer' })
export class Observer {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @Property({ type: 'string' }) externalId!: string;
  @Property({ type: 'string' }) gender!: Gender;
  @Property({ type: 'integer' }) birthYear!: number;
  @Property({ type: 'string', nullable: true }) region?: string | null;
  @Property({ type: 'decimal', nullable: true }) qualityScore?: string | null;
}
