import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import type { Channel } from '@ksp/shared';
import { Participation } from '../participation/participation.entity.js';
import { Observer } from '../observer/observer.entity.js';

/** The frame an observer fills with their own life when contacting a participant. */
@Entity({ tableName: 'role_play' })
export class RolePlay {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation) participation!: Participation;
  @Property({ type: 'string' }) title!: string;
  @Property({ type: 'text' }) description = '';
}

/** An observer sent to a participant on a channel in a fieldwork week. */
@Entity({ tableName: 'assignment' })
export class Assignment {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation) participation!: Participation;
  @ManyToOne(() => Observer) observer!: Observer;
  @Property({ type: 'string' }) channel!: Channel;
  @Property({ type: 'integer', nullable: true }) week?: number | null;
}
