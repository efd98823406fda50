import { Field, InputType, ObjectType } from 'type-graphql';
import { CHANNELS, type Channel } from '@ksp/shared';
import type { ContactPoints } from '@ksp/shared/signup/contact-points';
import { ChannelEnum } from '../../graphql/enums.js';

@InputType('ContactPointInput', { description: 'How to reach a company on one channel (shared/src/signup/contact-points.ts).' })
export class ContactPointInput {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => String, {
    description:
      'PHONE: a Norwegian number (8 digits, optionally +47); EMAIL: an address or a contact form’s http(s) URL; CHAT, MESSENGER: an http(s) URL. At most 300 characters; empty means none.',
  })
  value!: string;
}

@ObjectType('ContactPoint', { description: 'How to reach a company on one channel.' })
export class ContactPointType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => String) value!: string;
}

/** A stored map of contact points as the list GraphQL shows, in channel order. */
export function toContactPointTypes(points: ContactPoints): ContactPointType[] {
  return CHANNELS.flatMap((channel) => {
    const value = points[channel];
    return value ? [Object.assign(new ContactPointType(), { channel, value })] : [];
  });
}
