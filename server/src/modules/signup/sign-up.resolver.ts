import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { requireStaff } from '../../access/policy.js';
import { BadInput, NotFound, Unauthenticated } from '../../errors.js';
import { ParticipationType, toParticipationType } from '../participation/participation.types.js';
import { findParticipation } from '../participation/participation.service.js';
import { SignedInUserType } from '../user/user.resolver.js';
import { login } from '../user/user.service.js';
import { countSignUpAttempt } from './sign-up-limit.js';
import {
  acceptSignUp,
  declineSignUp,
  listSignUps,
  signUpById,
  signUpForm,
  submitSignUp,
  useWelcomeLink,
  welcomeLinkEmail,
  type ManagerWelcome,
  type SignUpRow,
} from './sign-up.service.js';
import { toContactPointTypes } from '../participation/contact-points.types.js';
import { ManagerWelcomeType, SignUpFormType, SignUpInput, SignUpType, WelcomeLinkType } from './sign-up.types.js';

const toType = (row: SignUpRow): SignUpType =>
  Object.assign(new SignUpType(), { ...row, id: String(row.id), contactPoints: toContactPointTypes(row.contactPoints) });

function idOf(id: string): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n <= 0) throw new NotFound(`Det finnes ingen påmelding ${JSON.stringify(id.slice(0, 20))}.`);
  return n;
}

/** The welcome of the participation acceptSignUp answers with; nothing else has one. */
const welcomes = new WeakMap<ParticipationType, ManagerWelcome>();

@Resolver(() => SignUpType)
export class SignUpResolver {
  @Query(() => SignUpFormType, { description: 'Public: what the sign-up form of an edition needs. Unknown year gives NOT_FOUND.' })
  signUpForm(@Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<SignUpFormType> {
    return signUpForm(ctx.sql, year);
  }

  @Mutation(() => SignUpType, {
    description:
      'Anyone: signs a company up for an edition in PLANNING. Bad input gives BAD_USER_INPUT with `extensions.fields` ' +
      '([{ field, reason, message, min, max, value }]: `reason` a stable code, e.g. CHECK_DIGIT, `message` Norwegian); ' +
      'a second sign-up of one organisation number is refused (ALREADY_SIGNED_UP), a closed edition with `extensions.rule` NOT_PLANNING.',
  })
  async signUp(@Arg('year', () => Int) year: number, @Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: Context) {
    await countSignUpAttempt(ctx.em.getConnection().getKnex(), ctx.clientAddress);
    const stored = await submitSignUp(ctx.em, year, input);
    return toType((await signUpById(ctx.sql, stored.id))!);
  }

  @Query(() => [SignUpType], { description: 'Staff: an edition’s sign-ups, pending first (oldest first), then decided (latest first).' })
  async signUps(@Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<SignUpType[]> {
    requireStaff(ctx.viewer, 'Sign-ups are shown to staff.');
    return (await listSignUps(ctx.sql, year)).map(toType);
  }

  @Mutation(() => ParticipationType, {
    description:
      'Staff: accepts a pending sign-up: the company (found by organisation number, or created), the participation, its ' +
      'competitor picks and a manager for the contact e-mail, whose one-time sign-in link is in `managerWelcome`, only here.',
  })
  async acceptSignUp(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ParticipationType> {
    requireStaff(ctx.viewer, 'Sign-ups are decided by staff.');
    const accepted = await acceptSignUp(ctx.em, idOf(id), userIdOf(ctx));
    const participation = toParticipationType((await findParticipation(ctx.sql, accepted.year, accepted.companySlug))!);
    welcomes.set(participation, accepted.welcome);
    return participation;
  }

  @Mutation(() => SignUpType, { description: 'Staff: declines a pending sign-up; the reason is required.' })
  async declineSignUp(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    requireStaff(ctx.viewer, 'Sign-ups are decided by staff.');
    const declined = await declineSignUp(ctx.em, idOf(id), reason, userIdOf(ctx));
    return toType((await signUpById(ctx.sql, declined))!);
  }

  @Query(() => WelcomeLinkType, {
    nullable: true,
    description: 'Public: the e-mail a one-time sign-in link is for; null when unknown, expired or used.',
  })
  welcomeLink(@Arg('token', () => String) token: string, @Ctx() ctx: Context): Promise<WelcomeLinkType | null> {
    return welcomeLinkEmail(ctx.sql, token);
  }

  @Mutation(() => SignedInUserType, { description: 'Sets the new manager’s password with the one-time link (then used up) and signs in.' })
  async useWelcomeLink(@Arg('token', () => String) token: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
    const { email } = await useWelcomeLink(ctx.em, token, password);
    const session = await login(ctx.em.fork(), email, password);
    if (!session) throw new BadInput('Passordet ble satt, men innloggingen feilet. Logg inn på vanlig måte.');
    ctx.setSessionCookie(session.token);
    return session.user;
  }
}

function userIdOf(ctx: Context): number {
  if (ctx.viewer.kind !== 'user') throw new Unauthenticated();
  return ctx.viewer.userId;
}

@Resolver(() => ParticipationType)
export class ParticipationWelcomeResolver {
  @FieldResolver(() => ManagerWelcomeType, {
    nullable: true,
    description: 'Only in acceptSignUp’s answer: the new manager and the one-time sign-in link, shown once. Null everywhere else.',
  })
  managerWelcome(@Root() participation: ParticipationType): ManagerWelcome | null {
    return welcomes.get(participation) ?? null;
  }
}
