import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber, formatPercent } from '@ksp/shared/format/number';
import { groupedBarsOption, rankedBarsOption } from '@ksp/shared/charts/index';
import type { Channel, ScoredArea } from '@ksp/shared/domain';
import { useLocale } from '../../../../app/i18n/useLocale';
import { BARS } from '../../../../app/charts/bars';
import { reportVariables, useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import { withheldAt, withheldCells } from '../../withheld';
import { ClassRanksDocument, OverviewDocument } from './documents';
import { overviewReading } from './reading';

/** Chapter 1, "Total": the own total, ranks, class mean, last year, channels, and a short reading. */
export default function Overview() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [result, reexecute] = useQuery({ query: OverviewDocument, variables: { ...reportVariables(report), own: report.own } });
  const [ranks] = useQuery({ query: ClassRanksDocument, variables: { year: report.year, className: report.className } });
  const data = result.data?.participation?.report;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);
  const at = (...path: (string | number)[]) => withheldAt(cells, ['participation', 'report', ...path]);

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: t('report.chapter.overview'), company: report.company.name, year: report.year });
  }, [t, report]);

  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  const channelName = report.channel ? t(`domain.channel.${report.channel}`) : undefined;

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={data} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!data) return null;
          const row = ranks.data?.resultList.find((r) => r.company.slug === report.company.slug);
          const classCount = ranks.data?.resultList.length;
          const change = typeof data.total === 'number' && typeof data.lastYearTotal === 'number' ? data.total - data.lastYearTotal : undefined;
          const reading = overviewReading({
            areas: data.areas.map((a) => ({ area: a.area as ScoredArea, score: a.score, classMean: a.classBenchmark?.mean })),
            channelSpread: data.variation.byChannel.map((c) => ({ channel: c.channel as Channel, stdDev: c.spread.stdDev, count: c.spread.count })),
            performances: data.performances,
          });
          const bench = data.classBenchmark.map((b) => ({ label: b.company.name, value: b.total, own: b.company.slug === report.company.slug }));
          const channels = data.byChannel;
          const areaNames = data.areas.map((a) => t(`domain.area.${a.area}`));
          const hasClassAreas = data.areas.some((a) => a.classBenchmark);
          return (
            <>
              <ChapterHeading title={t('report.chapter.overview')} channel={channelName} />
              <dl className="kpis">
                <div className="kpi kpi--main">
                  <dt>{t('overview.total')}</dt>
                  <dd>
                    <Figure reason={at('total')}>{pct(data.total)}</Figure>
                  </dd>
                </div>
                <div className="kpi">
                  <dt>{t('overview.rank')}</dt>
                  <dd>
                    {row ? (
                      t('overview.rankOf', { rank: formatNumber(row.rank, 0, locale), count: formatNumber(ranks.data?.everyone.length ?? 0, 0, locale) })
                    ) : (
                      <span className="kpi__note">{t('overview.rankUnknown')}</span>
                    )}
                  </dd>
                </div>
                <div className="kpi">
                  <dt>{t('overview.classRank')}</dt>
                  <dd>{row && classCount ? t('overview.rankOf', { rank: formatNumber(row.classRank, 0, locale), count: formatNumber(classCount, 0, locale) }) : '–'}</dd>
                </div>
                <div className="kpi">
                  <dt>{t('overview.classMean')}</dt>
                  <dd>
                    <Figure reason={at('classMean')}>{pct(data.classMean)}</Figure>
                  </dd>
                </div>
                <div className="kpi">
                  <dt>{t('overview.lastYear')}</dt>
                  <dd>
                    <Figure reason={at('lastYearTotal')}>{data.lastYearTotal === null ? <span className="kpi__note">{t('overview.noLastYear')}</span> : pct(data.lastYearTotal)}</Figure>
                    {change !== undefined && (
                      <span className="kpi__change">
                        <span aria-hidden="true">{change > 0 ? '▲ ' : change < 0 ? '▼ ' : ''}</span>
                        {t('overview.points', { value: `${change > 0 ? '+' : ''}${formatNumber(change, 2, locale)}` })}
                      </span>
                    )}
                  </dd>
                </div>
              </dl>

              <section className="reading" aria-labelledby="reading-heading">
                <h3 id="reading-heading">{t('overview.reading')}</h3>
                <ul>
                  {reading.strongestArea && (
                    <li>{t('overview.strongestArea', { area: t(`domain.area.${reading.strongestArea.area}`), score: pct(reading.strongestArea.score) })}</li>
                  )}
                  {reading.weakestAgainstClass === 'aboveEverywhere' && <li>{t('overview.aboveClassEverywhere')}</li>}
                  {reading.weakestAgainstClass && reading.weakestAgainstClass !== 'aboveEverywhere' && (
                    <li>
                      {t('overview.weakestAgainstClass', {
                        area: t(`domain.area.${reading.weakestAgainstClass.area}`),
                        diff: t('overview.points', { value: formatNumber(reading.weakestAgainstClass.diff, 2, locale) }),
                      })}
                    </li>
                  )}
                  {reading.weakestPerformance && (
                    <li>
                      {reading.weakestPerformance.classScore === undefined
                        ? t('overview.weakestPerformance', { text: reading.weakestPerformance.text, score: pct(reading.weakestPerformance.score) })
                        : t('overview.weakestPerformanceAgainstClass', {
                          text: reading.weakestPerformance.text, score: pct(reading.weakestPerformance.score), classScore: pct(reading.weakestPerformance.classScore),
                        })}
                    </li>
                  )}
                  {reading.widestChannel && (
                    <li>{t('overview.widestChannel', { channel: t(`domain.channel.${reading.widestChannel.channel}`), stdDev: formatNumber(reading.widestChannel.stdDev, 2, locale) })}</li>
                  )}
                </ul>
              </section>

              <div className="figure-grid">
                <ChartFigure
                  title={t('overview.byChannelTitle')}
                  use={BARS}
                  height="16rem"
                  option={groupedBarsOption(
                    channels.map((c) => t(`domain.channel.${c.channel}`)),
                    [{ name: t('overview.total'), values: channels.map((c) => c.total), own: true }],
                    { title: t('overview.byChannelTitle'), valueAxis: t('report.totalPercent'), locale, titleInChart: false },
                  )}
                  table={{
                    columns: [t('report.channel'), t('overview.total')],
                    rows: channels.map((c, i) => ({ key: c.channel, cells: [t(`domain.channel.${c.channel}`), <Figure key="v" reason={at('byChannel', i, 'total')}>{pct(c.total)}</Figure>] })),
                  }}
                />
                <ChartFigure
                  title={t('overview.areasTitle')}
                  use={BARS}
                  height="16rem"
                  option={groupedBarsOption(
                    areaNames,
                    [
                      { name: report.company.name, values: data.areas.map((a) => a.score), own: true },
                      ...(hasClassAreas ? [{ name: t('report.classMean'), values: data.areas.map((a) => a.classBenchmark?.mean ?? null) }] : []),
                    ],
                    { title: t('overview.areasTitle'), valueAxis: t('report.scorePercent'), locale, titleInChart: false, horizontal: true },
                  )}
                  table={{
                    columns: [t('report.chapter.areas'), report.company.name, ...(hasClassAreas ? [t('report.classMean')] : [])],
                    rows: data.areas.map((a, i) => ({
                      key: a.area,
                      cells: [areaNames[i], <Figure key="v" reason={at('areas', i, 'score')}>{pct(a.score)}</Figure>, ...(hasClassAreas ? [pct(a.classBenchmark?.mean)] : [])],
                    })),
                  }}
                />
              </div>
              <ChartFigure
                title={t('overview.classTitle', { className: report.className })}
                use={BARS}
                height={`${Math.max(12, bench.length * 2 + 5)}rem`}
                option={rankedBarsOption(bench, data.classMean, {
                  title: t('overview.classTitle', { className: report.className }),
                  valueAxis: t('report.totalPercent'),
                  meanLabel: t('report.classMean'),
                  missingLabel: t('withheld.tooFewShort'),
                  locale,
                  titleInChart: false,
                })}
                table={{
                  columns: [t('report.company'), t('overview.total')],
                  rows: [...data.classBenchmark]
                    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1))
                    .map((b) => ({
                      key: b.company.slug,
                      cells: [b.company.slug === report.company.slug ? <strong key="n">{b.company.name}</strong> : b.company.name, pct(b.total)],
                    })),
                }}
              />
            </>
          );
        }}
      </ChapterState>
    </section>
  );
}
