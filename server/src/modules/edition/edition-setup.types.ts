import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import type { Channel, EditionStatus } from '@ksp/shared';
import { ChannelEnum, EditionStatusEnum } from '../../graphql/enums.js';

@ObjectType('ChannelKey', { description: 'A channel\'s national distribution key (domain.md "Channels").' })
export class ChannelKeyType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Float) key!: number;
}

@ObjectType('ChannelWaitLimit', { description: 'How long an observer waits for an answer on a channel, and how often they try.' })
export class ChannelWaitLimitType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int, { description: 'Seconds; for EMAIL, 3 business days are 259,200.' }) waitSeconds!: number;
  @Field(() => Int) attempts!: number;
}

@ObjectType('EditionSettings', { description: 'How an edition is run (staff only): its fieldwork and its limits.' })
export class EditionSettingsType {
  @Field(() => [Int], { description: 'ISO weeks of the edition year in which the fieldwork happens.' }) weeks!: number[];
  @Field(() => Int) inquiriesPerParticipant!: number;
  @Field(() => [ChannelKeyType]) channelKeys!: ChannelKeyType[];
  @Field(() => [ChannelWaitLimitType]) waitLimits!: ChannelWaitLimitType[];
  @Field(() => Int, { description: 'Observers with a quality score at or above this may be assigned (0–100).' }) minQualityScore!: number;
  @Field(() => Int, { description: 'No figure of a chosen competitor over fewer inquiries than this is shown.' }) minCellSize!: number;
  @Field(() => ChannelEnum, { description: 'The third channel (CHAT or MESSENGER) of a participant that can be contacted on all four.' })
  thirdChannel!: Channel;
}

@ObjectType('EditionEvent', { description: "A change of an edition's status: who and when." })
export class EditionEventType {
  @Field(() => String, { description: 'ISO 8601 (UTC).' }) at!: string;
  @Field(() => EditionStatusEnum) fromStatus!: EditionStatus;
  @Field(() => EditionStatusEnum) toStatus!: EditionStatus;
  @Field(() => String, { nullable: true, description: "The user's e-mail; null for the command line or a removed user." }) by!:
    string | null;
  @Field(() => String) note!: string;
}

@InputType('ChannelKeyInput')
export class ChannelKeyInput {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Float) key!: number;
}

@InputType('ChannelWaitLimitInput')
export class ChannelWaitLimitInput {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int) waitSeconds!: number;
  @Field(() => Int) attempts!: number;
}

@InputType('EditionSettingsInput', { description: 'Every setting at once; each is checked as questionnaire.json is.' })
export class EditionSettingsInput {
  @Field(() => [Int]) weeks!: number[];
  @Field(() => Int) inquiriesPerParticipant!: number;
  @Field(() => [ChannelKeyInput]) channelKeys!: ChannelKeyInput[];
  @Field(() => [ChannelWaitLimitInput], { description: 'One for each of the four channels.' }) waitLimits!: ChannelWaitLimitInput[];
  @Field(() => Int) minQualityScore!: number;
  @Field(() => Int) minCellSize!: number;
  @Field(() => ChannelEnum) thirdChannel!: Channel;
}

@InputType('CreateEditionInput', {
  description:
    'Either `questionnaire` (the text of a questionnaire.json, as uploaded) or `copyFrom` (the year of an edition whose questionnaire and settings are copied, with `year` and `name` new).',
})
export class CreateEditionInput {
  @Field(() => String, { nullable: true }) questionnaire?: string | null;
  @Field(() => Int, { nullable: true }) copyFrom?: number | null;
  @Field(() => Int, { nullable: true, description: 'With copyFrom: the new year (default the year after).' }) year?: number | null;
  @Field(() => String, { nullable: true, description: 'With copyFrom: the new name (default the old one with the new year).' })
  name?: string | null;
}
