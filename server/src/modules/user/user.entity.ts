import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '@ksp/shared';
import { Company } from '../participation/participation.entity.js';
import { Observer } from '../observer/observer.entity.js';

/** A person who signs in: staff, a manager bound to one company, or an observer. */
@Entity({ tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @Property({ type: 'string' }) email!: string;
  @Property({ type: 'string', hidden: true }) passwordHash!: string;
  @Property({ type: 'string' }) role!: Role;
  @ManyToOne(() => Company, { nullable: true }) company?: Company | null;
  @ManyToOne(() => Observer, { nullable: true }) observer?: Observer | null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

/** Sessions live in PostgreSQL so a restart keeps people signed in. Only a hash of the token is stored. */
@Entity({ tableName: 'user_session' })
export class UserSession {
  @PrimaryKey({ type: 'string' }) tokenHash!: string;
  @ManyToOne(() => User) user!: User;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime' }) expiresAt!: Date;
}
