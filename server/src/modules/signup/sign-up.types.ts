import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Channel, EditionStatus, Tier } from '@ksp/shared';
import { ContactPointInput, ContactPointType } from '../participation/contact-points.types.js';
import { ChannelEnum, EditionStatusEnum, TierEnum } from '../../graphql/enums.js';
import { SIGN_UP_STATUSES, type SignUpStatus } from './sign-up.entity.js';

export const SignUpStatusEnum = Object.fromEntries(SIGN_UP_STATUSES.map((s) => [s, s])) as { [K in SignUpStatus]: K };
registerEnumType(SignUpStatusEnum, {
  name: 'SignUpStatus',
  description: 'Where a sign-up stands: waiting for staff, accepted or declined.',
});

@InputType('SignUpInput', {
  description: 'A company’s sign-up for an edition (contract.md). Checked by the shared rules (shared/src/signup).',
})
export class SignUpInput {
  @Field(() => String) companyName!: string;
  @Field(() => String, { description: '9 digits with the mod-11 check digit; spaces are removed.' }) organisationNumber!: string;
  @Field(() => String, { description: 'One of the edition’s classes (any name while it has none).' }) className!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => [ChannelEnum], { description: 'Every channel the company can be contacted on; at most three are used.' })
  channels!: Channel[];
  @Field(() => [String], { nullable: true, description: 'KONKURRENT only, at most 5: names of the edition’s participants or sign-ups.' })
  competitors?: string[] | null;
  @Field(() => Boolean) reportPurchased!: boolean;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, {
    nullable: true,
    description: 'When they differ from 09–15: `08:00–16:00` or `man–fre 08:00–16:00; lør 10:00–14:00`.',
  })
  openingHours?: string | null;
  @Field(() => [ContactPointInput], {
    nullable: true,
    description: 'How observers reach the company on ticked channels, each at most once.',
  })
  contactPoints?: ContactPointInput[] | null;
}

@ObjectType('SignUp', { description: 'A company’s sign-up for an edition and staff’s decision on it.' })
export class SignUpType {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field(() => String) companyName!: string;
  @Field(() => String) organisationNumber!: string;
  @Field(() => String) className!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => [ChannelEnum]) channels!: Channel[];
  @Field(() => [String]) competitors!: string[];
  @Field(() => Boolean) reportPurchased!: boolean;
  @Field(() => String, { nullable: true }) openingHours!: string | null;
  @Field(() => [ContactPointType], { description: 'How observers reach the company, per channel given.' })
  contactPoints!: ContactPointType[];
  @Field(() => String) contactName!: string;
  @Field(() => String) contactEmail!: string;
  @Field(() => SignUpStatusEnum) status!: SignUpStatus;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The e-mail of the staff user who decided.' }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) declineReason!: string | null;
  @Field(() => String, { nullable: true, description: 'The company’s slug once accepted.' }) companySlug!: string | null;
}

@ObjectType('SignUpForm', { description: 'What the public sign-up form needs of an edition.' })
export class SignUpFormType {
  @Field(() => Int) year!: number;
  @Field(() => String) name!: string;
  @Field(() => EditionStatusEnum) status!: EditionStatus;
  @Field(() => Boolean, { description: 'Sign-up is open while the edition is in PLANNING.' }) open!: boolean;
  @Field(() => [String], { description: 'The edition’s classes (empty when closed, or none set up yet: then any class name is taken).' })
  classNames!: string[];
  @Field(() => [String], { description: 'Names competitors are picked from: participants and sign-ups not declined; empty when closed.' })
  companyNames!: string[];
}

@ObjectType('ManagerWelcome', {
  description: 'What accepting a sign-up did for its contact person. Only in acceptSignUp’s answer: the link is never readable again.',
})
export class ManagerWelcomeType {
  @Field(() => String) email!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The one-time sign-in link’s path, `/velkommen/<token>`; null for an existing account.',
  })
  link!: string | null;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Boolean, { description: 'The e-mail already had an account, which was left as it was.' }) existingUser!: boolean;
}

@ObjectType('WelcomeLink', { description: 'A valid, unused one-time sign-in link.' })
export class WelcomeLinkType {
  @Field(() => String) email!: string;
  @Field(() => DateTimeResolver) expiresAt!: Date;
}
