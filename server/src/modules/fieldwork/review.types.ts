import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { InquiryStatus } from '@ksp/shared';
import { InquiryStatusEnum } from '../../graphql/enums.js';
import { ResponseAttemptType, ResponseCommentsType, ReviewFlagType } from './response.types.js';

@ObjectType('ReviewAnswer', { description: 'One tick of a response under review, with the question’s and option’s words.' })
export class ReviewAnswerType {
  @Field(() => String) questionCode!: string;
  @Field(() => String) questionText!: string;
  @Field(() => String, { nullable: true }) optionCode!: string | null;
  @Field(() => String, { nullable: true }) optionLabel!: string | null;
  @Field(() => Int, { nullable: true }) value!: number | null;
}

@ObjectType('ReviewResponse', { description: 'A submitted response as the reviewer reads it.' })
export class ReviewResponseType {
  @Field(() => InquiryStatusEnum) status!: InquiryStatus;
  @Field(() => [ResponseAttemptType]) attempts!: ResponseAttemptType[];
  @Field(() => [ReviewAnswerType]) answers!: ReviewAnswerType[];
  @Field(() => ResponseCommentsType) comments!: ResponseCommentsType;
}

@ObjectType('AssignmentReview', { description: 'Where the review of an assignment’s response stands: the response, its flags, a return.' })
export class AssignmentReviewType {
  @Field(() => DateTimeResolver, { nullable: true, description: 'The latest submission.' }) submittedAt!: Date | null;
  @Field(() => String, { nullable: true }) returnNote!: string | null;
  @Field(() => [String]) returnQuestions!: string[];
  @Field(() => DateTimeResolver, { nullable: true }) returnedAt!: Date | null;
  @Field(() => Boolean, { description: 'Returned more than 3 days ago and not resubmitted.' }) overdue!: boolean;
  @Field(() => [ReviewFlagType]) flags!: ReviewFlagType[];
  @Field(() => ReviewResponseType, { nullable: true }) response!: ReviewResponseType | null;
}
