import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Category, Channel, Gender, InquiryStatus, ScoredArea } from '@ksp/shared';
import { CategoryEnum, ChannelEnum, GenderEnum, InquiryStatusEnum, ReportChapterEnum, ScoredAreaEnum } from '../../graphql/enums.js';
import type { ReportChapter } from '../../access/abilities.js';
import { CompanyType, ParticipationType } from '../participation/participation.types.js';
import type { ParticipationRow } from '../participation/participation.service.js';
import type { ReportScope } from './report.loaders.js';
import { Needs } from '../../access/grant.js';

// Scores are percentages 0–100 at full precision; null where there is no basis (never 0).
// Every field declares what it needs of the report's grant (`@Needs`, access/grant.ts): a
// figure over inquiries is a CELL (withheld from a competitor over a small cell, so nullable),
// and what belongs to the own report only is OWN. `basis` (not exposed) is how many inquiries
// the figures of a record are over.

/** The report root: whose report, and how it is narrowed. Field resolvers compute each section. */
@ObjectType('Report', { description: 'The participant report. Each field is computed only when asked for.' })
export class ReportType {
  participation!: ParticipationRow;
  @Field(() => ChannelEnum, { nullable: true, description: 'The channel the report is narrowed to, if any.' })
  @Needs('PUBLIC')
  channel!: Channel | null;
  @Field(() => ScoredAreaEnum, { nullable: true, description: 'The area the report is narrowed to, if any.' })
  @Needs('PUBLIC')
  area!: ScoredArea | null;
}

/**
 * What the viewer may do with a report (access/abilities.ts), for the web to offer exactly that.
 * The viewer's, not the report's figures: outside the grant zone (access/grant.ts GRANT_BOUNDARIES).
 */
@ObjectType('ReportAbilities', {
  description: 'What the viewer may do with this report: the web offers exactly these; the server still decides every request.',
})
export class ReportAbilitiesType {
  @Field(() => [ReportChapterEnum], { description: 'The chapters the viewer may open, in the report’s order.' }) chapters!: ReportChapter[];
  @Field(() => Boolean, {
    description:
      'The own report (staff, or the company’s manager with the report bought): single responses, comments and class detail. False for a chosen competitor’s aggregates.',
  })
  ownReport!: boolean;
  @Field(() => Boolean, {
    description: 'The chosen competitors side by side: the own report of a konkurrent participant that bought it; staff always.',
  })
  canSeeCompetitors!: boolean;
  @Field(() => Boolean, { description: 'The report as PDF (a competitor’s: aggregates only).' }) canDownloadPdf!: boolean;
  @Field(() => Boolean, { description: 'The individual responses as XLSX and CSV: the own report only.' }) canDownloadResponses!: boolean;
}

export const scopeOf = (report: ReportType): ReportScope => ({ participationId: report.participation.id, channel: report.channel });

@ObjectType('ChannelTotal')
export class ChannelTotalType {
  basis!: number;
  @Field(() => ChannelEnum) @Needs('AGGREGATE') channel!: Channel;
  @Field(() => Float, { nullable: true }) @Needs('CELL') total!: number | null;
}

@ObjectType('ChannelScore')
export class ChannelScoreType {
  basis!: number;
  @Field(() => ChannelEnum) @Needs('AGGREGATE') channel!: Channel;
  @Field(() => Float, { nullable: true }) @Needs('CELL') score!: number | null;
}

@Needs('OWN')
@ObjectType('BenchmarkMember')
export class BenchmarkMemberType {
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@Needs('OWN')
@ObjectType('Benchmark', {
  description:
    'Every participant of the class with its score (not split by channel), best first, and the class mean (mean of participant scores).',
})
export class BenchmarkType {
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => [BenchmarkMemberType]) members!: BenchmarkMemberType[];
}

@ObjectType('AreaScore')
export class AreaScoreType {
  report!: ReportType;
  basis!: number;
  @Field(() => ScoredAreaEnum) @Needs('AGGREGATE') area!: ScoredArea;
  @Field(() => Float, { nullable: true, description: 'RESPONSE_TIME over all inquiries, the other areas over answered ones.' })
  @Needs('CELL')
  score!: number | null;
  @Field(() => [ChannelScoreType]) @Needs('AGGREGATE') byChannel!: ChannelScoreType[];
}

@ObjectType('CategoryScore')
export class CategoryScoreType {
  report!: ReportType;
  basis!: number;
  @Field(() => CategoryEnum) @Needs('AGGREGATE') category!: Category;
  @Field(() => Float, { nullable: true }) @Needs('CELL') score!: number | null;
  @Field(() => [ChannelScoreType]) @Needs('AGGREGATE') byChannel!: ChannelScoreType[];
}

@ObjectType('CxValues', { description: 'The international CX questions over answered inquiries, each on its own scale.' })
export class CxValuesType {
  basis!: number;
  @Field(() => Float, { nullable: true, description: 'CSAT mean, 1–5.' }) @Needs('CELL') csatMean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of CSAT answers 4 or 5, in percent.' }) @Needs('CELL') csatTop2Share!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'CES mean, 1–7.' }) @Needs('CELL') cesMean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Net Promoter Score, −100 to 100.' }) @Needs('CELL') nps!: number | null;
  @Field(() => Float, { nullable: true, description: 'VES(1) mean, 1–7.' }) @Needs('CELL') ves1Mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'VES(2) mean, 1–7.' }) @Needs('CELL') ves2Mean!: number | null;
}

@ObjectType('NpsDistribution', {
  description: 'NPS answers: detractors 0–6, passives 7–8, promoters 9–10. Null where withheld (a competitor’s small cell).',
})
export class NpsDistributionType {
  basis!: number;
  @Field(() => Int, { nullable: true }) @Needs('CELL') detractors!: number;
  @Field(() => Int, { nullable: true }) @Needs('CELL') passives!: number;
  @Field(() => Int, { nullable: true }) @Needs('CELL') promoters!: number;
  @Field(() => Int, { nullable: true }) @Needs('CELL') count!: number;
}

// The answers behind each measure, beside it (an NPS of −75 over 4 answers reads differently
// from one over 40). Figures of the CX cell: a competitor sees them only where the cell is shown.
// Not itself a GraphQL type (nothing returns it): ChannelCx and CxReport inherit its fields.
@ObjectType('CxAnsweredValues')
export class CxAnsweredValuesType extends CxValuesType {
  @Field(() => Int, { nullable: true, description: 'How many answered the CSAT question (the basis of csatMean and csatTop2Share).' })
  @Needs('CELL')
  csatAnswers!: number | null;
  @Field(() => Int, { nullable: true, description: 'How many answered the CES question.' }) @Needs('CELL') cesAnswers!: number | null;
  @Field(() => Int, { nullable: true, description: 'How many answered the NPS question.' }) @Needs('CELL') npsAnswers!: number | null;
  @Field(() => Int, { nullable: true, description: 'How many answered VES(1).' }) @Needs('CELL') ves1Answers!: number | null;
  @Field(() => Int, { nullable: true, description: 'How many answered VES(2).' }) @Needs('CELL') ves2Answers!: number | null;
}

@ObjectType('ChannelCx')
export class ChannelCxType extends CxAnsweredValuesType {
  @Field(() => ChannelEnum) @Needs('AGGREGATE') channel!: Channel;
  @Field(() => NpsDistributionType) @Needs('AGGREGATE') npsDistribution!: NpsDistributionType;
}

@ObjectType('CxReport')
export class CxReportType extends CxAnsweredValuesType {
  report!: ReportType;
  @Field(() => NpsDistributionType) @Needs('AGGREGATE') npsDistribution!: NpsDistributionType;
  @Field(() => [ChannelCxType]) @Needs('AGGREGATE') byChannel!: ChannelCxType[];
}

@Needs('OWN')
@ObjectType('InquiryScore', { description: 'One approved inquiry and its own score.' })
export class InquiryScoreType {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => InquiryStatusEnum) status!: InquiryStatus;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@Needs('OWN')
@ObjectType('InquiryAreaScore', { description: "One inquiry's score within an area." })
export class InquiryAreaScoreType {
  @Field(() => ID) id!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

/** A line of the class's public result list. */
@Needs('AGGREGATE')
@ObjectType('BenchmarkEntry')
export class BenchmarkEntryType {
  @Field(() => CompanyType) company!: CompanyType;
  @Field(() => Float, { nullable: true }) total!: number | null;
}

@Needs('OWN')
@ObjectType('RolePlay')
export class RolePlayType {
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
}

@Needs('OWN')
@ObjectType('ChannelCount')
export class ChannelCountType {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Int) count!: number;
}

@Needs('OWN')
@ObjectType('GenderCount')
export class GenderCountType {
  @Field(() => GenderEnum) gender!: Gender;
  @Field(() => Int) count!: number;
}

@Needs('OWN')
@ObjectType('AgeBandCount')
export class AgeBandCountType {
  @Field(() => String, { description: '18–29, 30–39, 40–49, 50–59 or 60+ (age in the edition year).' }) band!: string;
  @Field(() => Int) count!: number;
}

@Needs('OWN')
@ObjectType('Background', { description: 'How the company was examined: role plays, channels, and the observers (gender and age only).' })
export class BackgroundType {
  @Field(() => [RolePlayType]) rolePlays!: RolePlayType[];
  @Field(() => [ChannelEnum]) channels!: Channel[];
  @Field(() => [ChannelCountType]) inquiriesByChannel!: ChannelCountType[];
  @Field(() => Int) unanswered!: number;
  @Field(() => [GenderCountType]) observerGenders!: GenderCountType[];
  @Field(() => [AgeBandCountType]) observerAgeBands!: AgeBandCountType[];
}

/**
 * A pair of consecutive editions the company took part in, on the same footing: both totals over
 * only the scored questions the two questionnaires share (docs/domain.md "Across editions").
 */
@Needs('OWN')
@ObjectType('LikeForLike', {
  description:
    'This edition against the previous edition the company took part in, like for like: both totals recomputed on only the scored questions ' +
    'common to the two questionnaires (same code, read, offered and scored alike), and what changed. Own report only.',
})
export class LikeForLikeType {
  @Field(() => Int, { description: 'The previous edition the company took part in.' }) previousYear!: number;
  @Field(() => Float, { nullable: true, description: 'The previous edition’s total on the common questions (null: no basis).' })
  previousTotal!: number | null;
  @Field(() => Float, { nullable: true, description: 'This edition’s total on the common questions (null: no basis).' })
  total!: number | null;
  @Field(() => Int, { description: 'How many scored questions the two totals are over.' }) commonQuestions!: number;
  @Field(() => Boolean, { description: 'Whether any scored question was added, removed or changed between the two editions.' })
  questionnaireChanged!: boolean;
  @Field(() => [String], { description: 'Codes of scored questions new in this edition.' }) addedQuestions!: string[];
  @Field(() => [String], { description: 'Codes of scored questions of the previous edition no longer asked.' }) removedQuestions!: string[];
  @Field(() => [String], { description: 'Codes of scored questions asked in both, but worded, offered on channels or scored differently.' })
  changedQuestions!: string[];
}

/**
 * The company in an earlier edition. It carries that edition's own grant (not the grant of the
 * report it was reached from): its public total is always there, everything narrower only where
 * that edition's report may be read.
 */
@ObjectType('HistoryEntry', {
  description:
    'The company in an earlier edition, part of the own report. That edition’s rules apply: its total as on that year’s result list always; ' +
    'the total narrowed to a channel and the area scores only where that edition’s report was bought (FORBIDDEN otherwise).',
})
export class HistoryEntryType {
  /** That edition's report, opened under its own grant. */
  report!: ReportType;
  @Field(() => Int) @Needs('PUBLIC') year!: number;
  @Field(() => String) @Needs('PUBLIC') className!: string;
  @Field(() => ParticipationType, { description: 'That participation: its report where the viewer may read it.' })
  @Needs('PUBLIC')
  participation!: ParticipationType;
}
