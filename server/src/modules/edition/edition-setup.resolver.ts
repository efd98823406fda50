import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CHANNELS, type EditionStatus } from '@ksp/shared';
import { EditionStatusEnum } from '../../graphql/enums.js';
import type { Context } from '../../context.js';
import { requireStaff } from '../../access/policy.js';
import { BadInput } from '../../errors.js';
import { EditionType } from './edition.resolver.js';
import { editionByYear } from './edition.service.js';
import {
  changeEditionStatus,
  copyEdition,
  createEditionFromQuestionnaire,
  editionEvents,
  editionSettings,
  settingsFromInput,
  updateEditionSettings,
} from './edition-setup.service.js';
import { CreateEditionInput, EditionEventType, EditionSettingsInput, EditionSettingsType } from './edition-setup.types.js';

const STAFF_ONLY = 'Only staff can set up an edition.';

/** Setting up an edition and moving its status (staff): the work is in edition-setup.service.ts. */
@Resolver(() => EditionType)
export class EditionSetupResolver {
  @Query(() => EditionType, { description: 'One edition: a published one, or any for staff.' })
  edition(@Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<EditionType> {
    return editionByYear(ctx.sql, ctx.viewer, year);
  }

  @FieldResolver(() => EditionSettingsType, { nullable: true, description: 'Staff only (FORBIDDEN, null, for anyone else).' })
  async settings(@Root() edition: EditionType, @Ctx() ctx: Context): Promise<EditionSettingsType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const s = await editionSettings(ctx.em, edition.year);
    return {
      ...s,
      channelKeys: CHANNELS.filter((c) => s.channelKeys[c] !== undefined).map((channel) => ({ channel, key: s.channelKeys[channel]! })),
      waitLimits: CHANNELS.map((channel) => ({ channel, ...s.waitLimits[channel] })),
    };
  }

  @FieldResolver(() => [EditionEventType], { nullable: true, description: 'Staff only: the status changes, oldest first.' })
  async events(@Root() edition: EditionType, @Ctx() ctx: Context): Promise<EditionEventType[]> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    return (await editionEvents(ctx.em, edition.year)).map((e) => ({ ...e, at: e.at.toISOString() }));
  }

  @Mutation(() => EditionType, { description: 'Creates an edition in PLANNING from a questionnaire file or a copy of an earlier edition.' })
  async createEdition(@Arg('input', () => CreateEditionInput) input: CreateEditionInput, @Ctx() ctx: Context): Promise<EditionType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    const fromFile = typeof input.questionnaire === 'string';
    const fromCopy = typeof input.copyFrom === 'number';
    if (fromFile === fromCopy) throw new BadInput('Oppgi enten et spørreskjema (questionnaire) eller en utgave å kopiere (copyFrom).');
    const year = fromFile
      ? await createEditionFromQuestionnaire(ctx.em, input.questionnaire!)
      : await copyEdition(ctx.em, input.copyFrom!, input.year ?? input.copyFrom! + 1, input.name ?? null);
    return editionByYear(ctx.sql, ctx.viewer, year);
  }

  @Mutation(() => EditionType, { description: 'Changes the settings of an edition in PLANNING.' })
  async updateEditionSettings(
    @Arg('year', () => Int) year: number,
    @Arg('input', () => EditionSettingsInput) input: EditionSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<EditionType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    await updateEditionSettings(ctx.em, year, settingsFromInput(input));
    return editionByYear(ctx.sql, ctx.viewer, year);
  }

  @Mutation(() => EditionType, {
    description: 'Moves an edition one step forward: PLANNING → FIELDWORK → REVIEW → PUBLISHED (as `ksp publish`).',
  })
  async setEditionStatus(
    @Arg('year', () => Int) year: number,
    @Arg('status', () => EditionStatusEnum) status: EditionStatus,
    @Ctx() ctx: Context,
  ): Promise<EditionType> {
    requireStaff(ctx.viewer, STAFF_ONLY);
    await changeEditionStatus(ctx.em, year, status, { userId: ctx.viewer.kind === 'user' ? ctx.viewer.userId : null });
    return editionByYear(ctx.sql, ctx.viewer, year);
  }
}
