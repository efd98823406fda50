import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { GapOrder } from '@ksp/shared/ranking/index';
import type { ScoredArea } from '@ksp/shared/domain';
import { parseArea } from '@web/app/paths';
import { NotFoundPage } from '@web/app/NotFoundPage';
import { reportVariables, useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { withheldAt, withheldCells } from '../../withheld';
import { AreaDocument } from './documents';
import { AreaHeadline } from './AreaHeadline';
import { AreaAgainstClass, AreaByChannel } from './AreaCharts';
import { PerformanceTable } from './PerformanceTable';
import { PerformanceHeatmap } from './PerformanceHeatmap';

/** Chapter 2, one page per area: against the class, per channel, per performance, performance × channel. */
export default function Areas() {
  const { area: areaParam } = useParams<{ area: string }>();
  const area = parseArea(areaParam);
  return area ? <AreaPage area={area} /> : <NotFoundPage />;
}

/** One area: its headline figures, against the class and per channel, its performances, and the heatmap. */
function AreaPage({ area }: { area: ScoredArea }) {
  const { t } = useTranslation();
  const report = useReport();
  // Questionnaire order until the manager sorts by the gap to the class: furthest below first,
  // then furthest above, then back to questionnaire order.
  // The class figure is over all channels (domain.md): narrowed to a channel, a gap would set a
  // channel's score against all channels as if alike, so it is shown for the whole report only.
  const showGap = report.own && !report.channel;
  const [gapOrder, setGapOrder] = useState<GapOrder | null>(null);
  const nextGapOrder = () => setGapOrder((o) => (o === null ? 'ascending' : o === 'ascending' ? 'descending' : null));
  const [result, reexecute] = useQuery({ query: AreaDocument, variables: { ...reportVariables(report), area, own: report.own } });
  const data = result.data?.participation?.report;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);
  const at = (...path: (string | number)[]) => withheldAt(cells, ['participation', 'report', ...path]);
  const areaName = t(`domain.area.${area}`);

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: areaName, company: report.company.name, year: report.year });
  }, [t, report, areaName]);

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={data} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!data) return null;
          const own = data.areas[0];
          if (!own) return <p className="notice">{t('report.noData')}</p>;
          const bench = own.classBenchmark;
          // The class benchmark is not split by channel: narrowed, its figures say they are over all channels.
          const narrowed = report.channel !== undefined;
          const classMeanLabel = narrowed ? t('report.classMeanAllChannels') : t('report.classMean');
          const againstClass = t(narrowed ? 'areas.againstClassAllChannels' : 'areas.againstClass', {
            area: areaName,
            company: report.company.name,
          });
          return (
            <>
              <ChapterHeading title={areaName} channel={report.channel && t(`domain.channel.${report.channel}`)} />
              <AreaHeadline areaName={areaName} own={own} classMeanLabel={classMeanLabel} at={at} />
              <div className="figure-grid">
                {bench && <AreaAgainstClass bench={bench} title={againstClass} classMeanLabel={classMeanLabel} />}
                <AreaByChannel areaName={areaName} channels={own.byChannel} at={at} />
              </div>
              <PerformanceTable
                area={area}
                areaName={areaName}
                performances={data.performances}
                at={at}
                showGap={showGap}
                gapOrder={gapOrder}
                onSortByGap={nextGapOrder}
              />
              <PerformanceHeatmap performances={data.performances} at={at} />
            </>
          );
        }}
      </ChapterState>
    </section>
  );
}
