import { ArrayType, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import {
  DEFAULT_MIN_QUALITY_SCORE,
  DEFAULT_THIRD_CHANNEL,
  EDITION_STATUSES,
  type Channel,
  type EditionStatus,
  type WaitLimit,
} from '@ksp/shared';

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
  /** The lowest observer quality score that passes (domain.md "Fieldwork rules", rule 4). */
  @Property({ type: 'integer' }) minQualityScore = DEFAULT_MIN_QUALITY_SCORE;
  /** The third channel of a participant that can be contacted on all four (domain.md "Channels"). */
  @Enum({ items: ['CHAT', 'MESSENGER'] }) thirdChannel: 'CHAT' | 'MESSENGER' = DEFAULT_THIRD_CHANNEL;
}
