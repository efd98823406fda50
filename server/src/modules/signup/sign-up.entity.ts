import { ArrayType, Entity, Enum, type Opt, ManyToOne, OneToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TIERS, type Channel, type Tier } from '@ksp/shared';
import type { ContactPoints } from '@ksp/shared/signup/contact-points';
import { Edition } from '../edition/edition.entity.js';
import { Participation } from '../participation/participation.entity.js';
import { User } from '../user/user.entity.js';

export const SIGN_UP_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;
export type SignUpStatus = (typeof SIGN_UP_STATUSES)[number];

/** A company's sign-up for an edition in planning, as sent, and staff's decision on it. */
@Entity({ tableName: 'sign_up' })
@Unique({ properties: ['edition', 'organisationNumber'] })
export class SignUp {
  @PrimaryKey({ type: 'integer' }) id!: number;
  @ManyToOne(() => Edition, { deleteRule: 'cascade' }) edition!: Edition;
  @Property({ type: 'text' }) companyName!: string;
  @Property({ type: 'text' }) organisationNumber!: string;
  @Property({ type: 'text' }) className!: string;
  @Enum({ items: [...TIERS] }) tier!: Tier;
  /** Every channel the company can be contacted on (up to four); the participation gets at most three. */
  @Property({ type: ArrayType }) channels!: Channel[];
  /** The competitors by name, as the edition knows them; linked as each becomes a participant. */
  @Property({ type: ArrayType, defaultRaw: `'{}'` }) competitors: string[] = [];
  @Property({ type: 'boolean' }) reportPurchased!: boolean;
  @Property({ type: 'text', nullable: true }) openingHours?: string | null;
  /** How to reach the company on its ticked channels, as given (copied to the participation on acceptance). */
  @Property({ type: 'jsonb', defaultRaw: `'{}'` }) contactPoints: ContactPoints & Opt = {};
  @Property({ type: 'text' }) contactName!: string;
  @Property({ type: 'text' }) contactEmail!: string;
  @Enum({ items: [...SIGN_UP_STATUSES], default: 'PENDING' }) status: SignUpStatus = 'PENDING';
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt?: Date;
  @Property({ type: 'datetime', nullable: true }) decidedAt?: Date | null;
  @ManyToOne(() => User, { fieldName: 'decided_by_user_id', nullable: true, deleteRule: 'set null' }) decidedBy?: User | null;
  @Property({ type: 'text', nullable: true }) declineReason?: string | null;
  @OneToOne(() => Participation, { nullable: true, deleteRule: 'set null', owner: true, unique: true })
  participation?: Participation | null;
}

/** A new manager's one-time sign-in link: only the token's hash, its expiry, and when it was used. */
@Entity({ tableName: 'welcome_link' })
export class WelcomeLink {
  @PrimaryKey({ type: 'text' }) tokenHash!: string;
  @ManyToOne(() => User, { deleteRule: 'cascade', index: 'welcome_link_user_idx' }) user!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt?: Date;
  @Property({ type: 'datetime' }) expiresAt!: Date;
  @Property({ type: 'datetime', nullable: true }) usedAt?: Date | null;
}
