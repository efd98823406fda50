import type { Channel, InquiryStatus, QuestionDef, ScoredArea } from '../domain.js';
import { cxMeasures, type CxMeasures } from './cx.js';
import type { ScoringInquiry } from './items.js';
import {
  areaScores,
  areaScoresByChannel,
  categoryScores,
  inquiryScore,
  participantTotal,
  totalsByChannel,
  type CategoryScore,
  type ChannelTotal,
} from './totals.js';

export interface ReportArea {
  area: ScoredArea;
  score: number | null;
  byChannel: { channel: Channel; score: number | null }[];
}

export interface ReportInquiry {
  inquiryId: string;
  channel: Channel;
  status: InquiryStatus;
  score: number | null;
}

/** The computed part of the GraphQL Report, field by field, so the SQL read model can be checked against it. */
export interface ParticipantReport {
  total: number | null;
  byChannel: ChannelTotal[];
  areas: ReportArea[];
  categories: CategoryScore[];
  cx: CxMeasures;
  /** In the order given. */
  inquiries: ReportInquiry[];
}

export function participantReport(questions: readonly QuestionDef[], inquiries: readonly ScoringInquiry[]): ParticipantReport {
  const perChannel = areaScoresByChannel(questions, inquiries);
  return {
    total: participantTotal(questions, inquiries),
    byChannel: totalsByChannel(questions, inquiries),
    areas: areaScores(questions, inquiries).map(({ area, score }) => ({
      area,
      score,
      byChannel: perChannel.filter((s) => s.area === area).map(({ channel, score }) => ({ channel, score })),
    })),
    categories: categoryScores(questions, inquiries),
    cx: cxMeasures(inquiries),
    inquiries: inquiries.map((i) => ({
      inquiryId: i.inquiryId,
      channel: i.channel,
      status: i.status,
      score: inquiryScore(questions, i),
    })),
  };
}
