import { ArrayType, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import {
  DEFAULT_MIN_QUALITY_SCORE,
  DEFAULT_THIRD_CHANNEL,
  DEFAULT_QUERY_DAYS,
  EDITION_STATUSES,
  type Channel,
  type EditionStatus,
  type WaitLimit,
} from '@ksp/shared';
import { User } from '../user/user.entity.js';

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
  /** Days after publication a manager may query a response (domain.md, step 7). */
  @Property({ type: 'integer' }) queryDays = DEFAULT_QUERY_DAYS;
}

/** One change of an edition's status: who, when (the edition_setup migration). */
@Entity({ tableName: 'edition_event' })
export class EditionEvent {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Edition, { deleteRule: 'cascade', index: 'edition_event_edition_idx' }) edition!: Edition;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) at!: Date;
  @Enum({ items: [...EDITION_STATUSES] }) fromStatus!: EditionStatus;
  @Enum({ items: [...EDITION_STATUSES] }) toStatus!: EditionStatus;
  @ManyToOne(() => User, { fieldName: 'actor_user_id', nullable: true, deleteRule: 'set null' }) actor?: User | null;
  @Property({ type: 'text' }) note = '';
}
