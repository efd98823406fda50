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
  const [result, reexecute] = useQuery({ query: OverviewDocument, variables: { ...reportVariables(report), own: report.own, narrowed: report.channel !== undefined } });
  const [ranks] = useQuery({ query: ClassRanksDocument, variables: { year: report.year, className: report.className } });
  const data = result.data?.participation?.report;
  // Narrowed to a channel: the own figures over all channels, to read the channel against.
  const all = result.data?.participation?.allChannels;
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
          const narrowed = channelName !== undefined;
          const allArea = (area: string) => all?.areas.find((a) => a.area === area)?.score;
          const reading = overviewReading({
            areas: data.areas.map((a) => ({ area: a.area as ScoredArea, score: a.score, classMean: a.classBenchmark?.mean, allChannels: allArea(a.area) })),
            channelSpread: data.variation.byChannel.map((c) => ({ channel: c.channel as Channel, stdDev: c.spread.stdDev, count: c.spread.count })),
            performances: data.performances.map((p) => ({ ...p, allChannels: all?.performances.find((x) => x.code === p.code)?.score })),
            ...(narrowed ? { narrowed: { total: data.total, allChannels: all?.total } } : {}),
          });
          // Narrowed, last year's total on this channel is missing also when the company took part
          // but was not tested on the channel: that is not "did not take part".
          const lastYearMissing = narrowed && typeof all?.lastYearTotal === 'number' ? t('overview.notTestedLastYear', { channel: channelName }) : t('overview.noLastYear');
          // Class figures (benchmark, mean, ranks) are over all channels; narrowed, they say so.
          const classMeanLabel = narrowed ? t('report.classMeanAllChannels') : t('report.classMean');
          const bench = data.classBenchmark.map((b) => ({ label: b.company.name, value: b.total, own: b.company.slug === report.company.slug }));
          // Narrowed: the channel beside the own total over all channels (one bar each), not a lone bar.
          const channels = narrowed
            ? [
              ...data.byChannel.map((c, i) => ({ key: c.channel, label: t(`domain.channel.${c.channel}`), total: c.total, reason: at('byChannel', i, 'total') })),
              { key: 'all', label: t('report.allChannels'), total: all?.total ?? null, reason: withheldAt(cells, ['participation', 'allChannels', 'total']) },
            ]
            : data.byChannel.map((c, i) => ({ key: c.channel, label: t(`domain.channel.${c.channel}`), total: c.total, reason: at('byChannel', i, 'total') }));
          const areaNames = data.areas.map((a) => t(`domain.area.${a.area}`));
          const hasClassAreas = data.areas.some((a) => a.classBenchmark);
          const ownName = narrowed ? t('overview.ownOnChannel', { company: report.company.name, channel: channelName }) : report.company.name;
          const ownAllName = t('overview.ownAllChannels', { company: report.company.name });
          const areasTitle = narrowed ? t('overview.areasNarrowedTitle', { channel: channelName }) : t('overview.areasTitle');
          const classTitle = narrowed ? t('overview.classTitleAllChannels', { className: report.className }) : t('overview.classTitle', { className: report.className });
          return (
            <>
              <ChapterHeading title={t('report.chapter.overview')} channel={channelName} />
              <dl className="kpis">
                <div className="kpi kpi--main">
                  <dt>{narrowed ? t('overview.totalOnChannel', { channel: channelName }) : t('overview.total')}</dt>
                  <dd>
                    <Figure reason={at('total')}>{pct(data.total)}</Figure>
                  </dd>
                </div>
                {narrowed && (
                  <div className="kpi">
                    <dt>{t('overview.totalAllChannels')}</dt>
                    <dd>
                      <Figure reason={withheldAt(cells, ['participation', 'allChannels', 'total'])}>{pct(all?.total)}</Figure>
                    </dd>
                  </div>
                )}
                <div className="kpi">
                  <dt>{narrowed ? t('overview.rankAllChannels') : t('overview.rank')}</dt>
                  <dd>
                    {row ? (
                      t('overview.rankOf', { rank: formatNumber(row.rank, 0, locale), count: formatNumber(ranks.data?.everyone.length ?? 0, 0, locale) })
                    ) : (
                      <span className="kpi__note">{t('overview.rankUnknown')}</span>
                    )}
                  </dd>
                </div>
                <div className="kpi">
                  <dt>{narrowed ? t('overview.classRankAllChannels') : t('overview.classRank')}</dt>
                  <dd>{row && classCount ? t('overview.rankOf', { rank: formatNumber(row.classRank, 0, locale), count: formatNumber(classCount, 0, locale) }) : '–'}</dd>
                </div>
                <div className="kpi">
                  <dt>{classMeanLabel}</dt>
                  <dd>
                    <Figure reason={at('classMean')}>{pct(data.classMean)}</Figure>
                  </dd>
                </div>
                <div className="kpi">
                  <dt>{narrowed ? t('overview.lastYearOnChannel', { channel: channelName }) : t('overview.lastYear')}</dt>
                  <dd>
                    <Figure reason={at('lastYearTotal')}>{data.lastYearTotal === null ? <span className="kpi__note">{lastYearMissing}</span> : pct(data.lastYearTotal)}</Figure>
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
                  {reading.channelAgainstAll && (
                    <li>
                      {t(reading.channelAgainstAll.diff < 0 ? 'overview.channelBelowAll' : 'overview.channelAboveAll', {
                        channel: channelName,
                        score: pct(reading.channelAgainstAll.score),
                        diff: t('overview.points', { value: formatNumber(Math.abs(reading.channelAgainstAll.diff), 2, locale) }),
                        allChannels: pct(reading.channelAgainstAll.allChannels),
                      })}
                    </li>
                  )}
                  {reading.strongestArea && (
                    <li>
                      {narrowed
                        ? t('overview.strongestAreaOnChannel', { channel: channelName, area: t(`domain.area.${reading.strongestArea.area}`), score: pct(reading.strongestArea.score) })
                        : t('overview.strongestArea', { area: t(`domain.area.${reading.strongestArea.area}`), score: pct(reading.strongestArea.score) })}
                    </li>
                  )}
                  {reading.weakestAgainstAllChannels === 'aboveEverywhere' && <li>{t('overview.aboveAllChannelsEverywhere', { channel: channelName })}</li>}
                  {reading.weakestAgainstAllChannels && reading.weakestAgainstAllChannels !== 'aboveEverywhere' && (
                    <li>
                      {t('overview.weakestAgainstAllChannels', {
                        channel: channelName,
                        area: t(`domain.area.${reading.weakestAgainstAllChannels.area}`),
                        diff: t('overview.points', { value: formatNumber(reading.weakestAgainstAllChannels.diff, 2, locale) }),
                      })}
                    </li>
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
                      {narrowed
                        ? reading.weakestPerformance.allChannels === undefined
                          ? t('overview.weakestPerformanceOnChannel', { channel: channelName, text: reading.weakestPerformance.text, score: pct(reading.weakestPerformance.score) })
                          : t('overview.weakestPerformanceOnChannelAll', {
                            channel: channelName, text: reading.weakestPerformance.text, score: pct(reading.weakestPerformance.score), allChannels: pct(reading.weakestPerformance.allChannels),
                          })
                        : reading.weakestPerformance.classScore === undefined
                        ? t('overview.weakestPerformance', { text: reading.weakestPerformance.text, score: pct(reading.weakestPerformance.score) })
                        : t('overview.weakestPerformanceAgainstClass', {
                          text: reading.weakestPerformance.text, score: pct(reading.weakestPerformance.score), classScore: pct(reading.weakestPerformance.classScore),
                        })}
                    </li>
                  )}
                  {Object.keys(reading).length === 0 && <li>{t('overview.nothingToRead')}</li>}
                  {reading.widestChannel && (
                    <li>{t('overview.widestChannel', { channel: t(`domain.channel.${reading.widestChannel.channel}`), stdDev: formatNumber(reading.widestChannel.stdDev, 2, locale) })}</li>
                  )}
                </ul>
              </section>

              <div className="figure-grid">
                <ChartFigure
                  title={narrowed ? t('overview.byChannelNarrowedTitle', { channel: channelName }) : t('overview.byChannelTitle')}
                  use={BARS}
                  height="16rem"
                  option={groupedBarsOption(
                    channels.map((c) => c.label),
                    [{ name: t('overview.total'), values: channels.map((c) => c.total), own: true }],
                    { title: narrowed ? t('overview.byChannelNarrowedTitle', { channel: channelName }) : t('overview.byChannelTitle'), valueAxis: t('report.totalPercent'), locale, titleInChart: false },
                  )}
                  table={{
                    columns: [t('report.channel'), t('overview.total')],
                    rows: channels.map((c) => ({ key: c.key, cells: [c.label, <Figure key="v" reason={c.reason}>{pct(c.total)}</Figure>] })),
                  }}
                />
                <ChartFigure
                  title={areasTitle}
                  use={BARS}
                  height={narrowed ? '20rem' : '16rem'}
                  option={groupedBarsOption(
                    areaNames,
                    [
                      { name: ownName, values: data.areas.map((a) => a.score), own: true },
                      // Narrowed: the same areas over all channels, first the own, then the class's.
                      ...(narrowed ? [{ name: ownAllName, values: data.areas.map((a) => allArea(a.area) ?? null) }] : []),
                      ...(hasClassAreas ? [{ name: classMeanLabel, values: data.areas.map((a) => a.classBenchmark?.mean ?? null) }] : []),
                    ],
                    { title: areasTitle, valueAxis: t('report.scorePercent'), locale, titleInChart: false, horizontal: true },
                  )}
                  table={{
                    columns: [t('report.chapter.areas'), ownName, ...(narrowed ? [ownAllName] : []), ...(hasClassAreas ? [classMeanLabel] : [])],
                    rows: data.areas.map((a, i) => ({
                      key: a.area,
                      cells: [
                        areaNames[i],
                        <Figure key="v" reason={at('areas', i, 'score')}>{pct(a.score)}</Figure>,
                        ...(narrowed ? [<Figure key="a" reason={withheldAt(cells, ['participation', 'allChannels', 'areas', all?.areas.findIndex((x) => x.area === a.area) ?? -1, 'score'])}>{pct(allArea(a.area))}</Figure>] : []),
                        ...(hasClassAreas ? [pct(a.classBenchmark?.mean)] : []),
                      ],
                    })),
                  }}
                />
              </div>
              {narrowed && <p className="explanation">{t('overview.classAllChannelsNote')}</p>}
              <ChartFigure
                title={classTitle}
                use={BARS}
                height={`${Math.max(12, bench.length * 2 + 5)}rem`}
                option={rankedBarsOption(bench, data.classMean, {
                  title: classTitle,
                  valueAxis: t('report.totalPercent'),
                  meanLabel: classMeanLabel,
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
