import { graphql } from '@web/graphql/generated';

/**
 * CX: the five measures, per channel, the NPS groups and (own report) the class means. Narrowed
 * to a channel, the own measures over all channels too: the class means are not split by channel.
 */
export const CxDocument = graphql(`
  query CxChapter($year: Int!, $companySlug: String!, $channel: Channel, $own: Boolean!, $narrowed: Boolean!) {
    participation(year: $year, companySlug: $companySlug) {
      allChannels: report @include(if: $narrowed) {
        cx {
          ...CxMeasures
          npsDistribution {
            ...NpsGroups
          }
        }
      }
      report(channel: $channel) {
        cx {
          ...CxMeasures
          npsDistribution {
            ...NpsGroups
          }
          byChannel {
            channel
            ...CxMeasuresByChannel
            npsDistribution {
              ...NpsGroups
            }
          }
          classMean @include(if: $own) {
            csatMean
            csatTop2Share
            cesMean
            nps
            ves1Mean
            ves2Mean
          }
        }
      }
    }
  }
`);

export const CxMeasuresFragment = graphql(`
  fragment CxMeasures on CxReport {
    csatMean
    csatTop2Share
    cesMean
    nps
    ves1Mean
    ves2Mean
    ...CxAnswers
  }
`);

/** The answers behind each measure: a small basis is read beside its figure. */
export const CxAnswersFragment = graphql(`
  fragment CxAnswers on CxReport {
    csatAnswers
    cesAnswers
    npsAnswers
    ves1Answers
    ves2Answers
  }
`);

export const CxChannelAnswersFragment = graphql(`
  fragment CxChannelAnswers on ChannelCx {
    csatAnswers
    cesAnswers
    npsAnswers
    ves1Answers
    ves2Answers
  }
`);

export const CxMeasuresByChannelFragment = graphql(`
  fragment CxMeasuresByChannel on ChannelCx {
    csatMean
    csatTop2Share
    cesMean
    nps
    ves1Mean
    ves2Mean
    ...CxChannelAnswers
  }
`);

export const NpsGroupsFragment = graphql(`
  fragment NpsGroups on NpsDistribution {
    promoters
    passives
    detractors
    count
  }
`);
