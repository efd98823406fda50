import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { ROLES, type Role } from '@ksp/shared';
import { Company } from '../participation/participation.entity.js';
import { Observer } from '../observer/observer.entity.js';

/** A person who signs in: staff, a manager bound to one company, or an observer. */
@Entity({ tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @Property({ type: 'text', unique: true }) email!: string;
  @Property({ type: 'text', hidden: true }) passwordHash!: string;
  @Enum({ items: [...ROLES] }) role!: Role;
  @ManyToOne(() => Company, { nullable: true, deleteRule: 'cascade' }) company?: Company | null;
  @ManyToOne(() => Observer, { nullable: true, deleteRule: 'cascade' }) observer?: Observer | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt?: Date;
}

/** Sessions live in PostgreSQL so a restart keeps people signed in. Only a hash of the token is stored. */
@Entity({ tableName: 'user_session' })
export class UserSession {
  @PrimaryKey({ type: 'text' }) tokenHash!: string;
  @ManyToOne(() => User, { deleteRule: 'cascade', index: 'user_session_user_idx' }) user!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt?: Date;
  @Property({ type: 'datetime', index: true }) expiresAt!: Date;
}
