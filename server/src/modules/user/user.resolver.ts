import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Role } from '@ksp/shared';
import { RoleEnum } from '../../graphql/enums.js';
import type { Context } from '../../context.js';
import { Unauthenticated } from '../../errors.js';
import { login, logout } from './user.service.js';
import { withLoginLimits } from './login-limit.js';

/** The signed-in user; `me.resolver.ts` adds what the web needs to know about them. */
@ObjectType('SignedInUser')
export class SignedInUserType {
  @Field(() => Int) id!: number;
  @Field(() => RoleEnum) role!: Role;
}

@Resolver()
export class UserResolver {
  @Mutation(() => SignedInUserType, { description: 'Signs in and sets an HttpOnly session cookie.' })
  async login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
    // Repeated failures give TOO_MANY_REQUESTS for a while (login-limit.ts).
    const session = await withLoginLimits(ctx.em.getConnection().getKnex(), { email, address: ctx.clientAddress }, () =>
      login(ctx.em, email, password),
    );
    if (!session) throw new Unauthenticated('Wrong e-mail or password.');
    ctx.setSessionCookie(session.token);
    return session.user;
  }

  @Mutation(() => Boolean, { description: 'Ends the session.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.sessionToken) await logout(ctx.em, ctx.sessionToken);
    ctx.setSessionCookie(null);
    return true;
  }
}
