import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Channel, QueryStatus } from '@ksp/shared';
import { ChannelEnum } from '../../graphql/enums.js';
import { CompanyType } from '../participation/participation.types.js';
import { QueryStatusEnum } from './response.types.js';
import { Needs } from '../../access/grant.js';

@Needs('OWN')
@ObjectType('ReportCorrection', { description: 'A correction of one of the report’s responses after publication: when, which, why.' })
export class ReportCorrectionType {
  @Field(() => DateTimeResolver) at!: Date;
  @Field(() => ID, { description: 'The response (inquiry id) corrected.' }) inquiryId!: string;
  @Field(() => String) reason!: string;
}

@ObjectType('ResponseQueryCase', {
  description: 'A manager’s query as staff handle it: whose response, what was asked, the outcome. Staff only.',
})
export class ResponseQueryCaseType {
  @Field(() => ID) id!: string;
  @Field(() => QueryStatusEnum) status!: QueryStatus;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true }) reply!: string | null;
  @Field(() => DateTimeResolver) askedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The manager’s e-mail.' }) askedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'The staff user’s e-mail.' }) decidedBy!: string | null;
  @Field(() => ID, { description: 'The response (inquiry id).' }) inquiryId!: string;
  @Field(() => ID, { nullable: true, description: 'Its assignment, for correctResponse.' }) assignmentId!: string | null;
  @Field(() => CompanyType) company!: { slug: string; name: string };
  @Field(() => ChannelEnum) channel!: Channel;
}
