import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CHANNELS, type Channel } from '@ksp/shared';
import { Participation } from '../participation/participation.entity.js';
import { Observer } from '../observer/observer.entity.js';

/** The frame an observer fills with their own life when contacting a participant. */
@Entity({ tableName: 'role_play' })
export class RolePlay {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation, { deleteRule: 'cascade', index: true }) participation!: Participation;
  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text' }) description = '';
}

/** An observer sent to a participant on a channel in a fieldwork week. */
@Entity({ tableName: 'assignment' })
@Unique({ properties: ['participation', 'observer'] })
export class Assignment {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Participation, { deleteRule: 'cascade' }) participation!: Participation;
  @ManyToOne(() => Observer, { index: true }) observer!: Observer;
  @Enum({ items: [...CHANNELS] }) channel!: Channel;
  @Property({ type: 'integer', nullable: true }) week?: number | null;
}
