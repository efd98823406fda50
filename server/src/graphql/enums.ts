import { registerEnumType } from 'type-graphql';
import { REPORT_CHAPTERS } from '../access/abilities.js';
import {
  AREAS,
  CATEGORIES,
  CHANNELS,
  EDITION_STATUSES,
  GENDERS,
  INQUIRY_STATUSES,
  REVIEW_STATUSES,
  ROLES,
  SCORED_AREAS,
  TIERS,
} from '@ksp/shared';
import { COMMENT_AREAS } from '@ksp/shared/insight/comment-areas';

// GraphQL enums built from the shared vocabulary, so the API and the domain cannot drift apart.
const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ChannelEnum = asEnum(CHANNELS);
export const AreaEnum = asEnum(AREAS);
export const ScoredAreaEnum = asEnum(SCORED_AREAS);
export const CategoryEnum = asEnum(CATEGORIES);
export const TierEnum = asEnum(TIERS);
export const InquiryStatusEnum = asEnum(INQUIRY_STATUSES);
export const EditionStatusEnum = asEnum(EDITION_STATUSES);
export const GenderEnum = asEnum(GENDERS);
export const RoleEnum = asEnum(ROLES);
export const ReviewStatusEnum = asEnum(REVIEW_STATUSES);
export const ReportChapterEnum = asEnum(REPORT_CHAPTERS);
export const CommentAreaEnum = asEnum(COMMENT_AREAS);

registerEnumType(ChannelEnum, { name: 'Channel', description: 'How the observer contacted the company.' });
registerEnumType(AreaEnum, { name: 'Area', description: 'A performance area of the questionnaire; CX is reported apart.' });
registerEnumType(CommentAreaEnum, {
  name: 'CommentArea',
  description: 'An area the observer writes a comment on (reception, agent, overall impression); RESPONSE_TIME has none.',
});
registerEnumType(ScoredAreaEnum, { name: 'ScoredArea', description: 'The four areas that make up the score.' });
registerEnumType(CategoryEnum, { name: 'Category' });
registerEnumType(TierEnum, { name: 'Tier' });
registerEnumType(InquiryStatusEnum, { name: 'InquiryStatus' });
registerEnumType(EditionStatusEnum, { name: 'EditionStatus' });
registerEnumType(GenderEnum, { name: 'Gender' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(ReportChapterEnum, {
  name: 'ReportChapter',
  description: 'A chapter of the participant report (the dashboard), in the report’s order.',
});
registerEnumType(ReviewStatusEnum, {
  name: 'ReviewStatus',
  description: 'Where the review of a submitted response stands; only approved responses count.',
});
