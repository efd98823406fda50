import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { reportVariables, useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { withheldAt, withheldCells } from '../../withheld';
import { ClassRanksDocument, OverviewDocument } from './documents';
import { OverviewHeadline } from './OverviewHeadline';
import { OverviewReading } from './OverviewReading';
import { AreaScores, ClassComparison, TotalByChannel } from './OverviewCharts';
import { CorrectionsNotice } from './CorrectionsNotice';
import { RankCertainty } from '@web/modules/insight/RankCertainty';

/** Chapter 1, "Total": the own total, ranks, class mean, last year, channels, and a short reading. */
export default function Overview() {
  const { t } = useTranslation();
  const report = useReport();
  const [result, reexecute] = useQuery({
    query: OverviewDocument,
    variables: { ...reportVariables(report), own: report.own, narrowed: report.channel !== undefined },
  });
  const [ranks] = useQuery({ query: ClassRanksDocument, variables: { year: report.year, className: report.className } });
  const data = result.data?.participation?.report;
  const ownRow = ranks.data?.resultList.find((r) => r.company.slug === report.company.slug);
  // Narrowed to a channel: the own figures over all channels, to read the channel against.
  const all = result.data?.participation?.allChannels;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);
  const at = (...path: (string | number)[]) => withheldAt(cells, ['participation', 'report', ...path]);
  const atAll = (...path: (string | number)[]) => withheldAt(cells, ['participation', 'allChannels', ...path]);

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: t('report.chapter.overview'), company: report.company.name, year: report.year });
  }, [t, report]);

  const channelName = report.channel ? t(`domain.channel.${report.channel}`) : undefined;

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={data} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!data) return null;
          const narrowed = channelName !== undefined;
          // Class figures (benchmark, mean, ranks) are over all channels; narrowed, they say so.
          const classMeanLabel = narrowed ? t('report.classMeanAllChannels') : t('report.classMean');
          return (
            <>
              <ChapterHeading title={t('report.chapter.overview')} channel={channelName} />
              {data.corrections && data.corrections.length > 0 && (
                <CorrectionsNotice corrections={data.corrections} year={report.year} company={report.company.slug} />
              )}
              <OverviewHeadline
                data={data}
                all={all}
                ranks={ranks.data}
                channelName={channelName}
                classMeanLabel={classMeanLabel}
                at={at}
                atAll={atAll}
              />
              {ownRow && ranks.data && (
                // How sure the published total (over all channels) and its ranks are; public, as the list is.
                <RankCertainty
                  total={ownRow.total}
                  uncertainty={ownRow.uncertainty}
                  rank={{ rank: ownRow.rank, count: ranks.data.everyone.length }}
                  classRank={{ rank: ownRow.classRank, count: ranks.data.resultList.length, className: report.className }}
                />
              )}
              <OverviewReading data={data} all={all} channelName={channelName} />
              <div className="figure-grid">
                <TotalByChannel data={data} all={all} channelName={channelName} at={at} atAll={atAll} />
                <AreaScores data={data} all={all} channelName={channelName} classMeanLabel={classMeanLabel} at={at} atAll={atAll} />
              </div>
              {narrowed && <p className="explanation">{t('overview.classAllChannelsNote')}</p>}
              <ClassComparison data={data} narrowed={narrowed} classMeanLabel={classMeanLabel} />
            </>
          );
        }}
      </ChapterState>
    </section>
  );
}
