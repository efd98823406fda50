import { ArrayType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { EDITION_STATUSES, type Channel, type EditionStatus, type WaitLimit } from '@ksp/shared';

@Entity({ tableName: 'edition' })
export class Edition {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @Property({ type: 'integer', unique: true }) year!: number;
  @Property({ type: 'text' }) name!: string;
  @Enum({ items: [...EDITION_STATUSES] }) status: EditionStatus = 'PLANNING';
  @Property({ type: 'integer' }) inquiriesPerParticipant = 25;
  /** No figure of a chosen competitor over fewer inquiries than this is shown (domain.md "Access in detail"). */
  @Property({ type: 'integer' }) minCellSize = 5;
  /** National distribution keys, the same for every participant (domain.md "Channels"). */
  @Property({ type: 'json' }) channelKeys!: Partial<Record<Channel, number>>;
  @Property({ type: 'json' }) waitLimits!: Record<Channel, WaitLimit>;
  @Property({ type: new ArrayType<number>((i) => Number(i)), columnType: 'int[]', defaultRaw: `'{}'` }) fieldworkWeeks: number[] = [];
  @Property({ type: 'datetime', nullable: true }) publishedAt?: Date | null;
}
