import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '@ksp/shared/format/number';
import type { Channel, ScoredArea } from '@ksp/shared/domain';
import { useLocale } from '@web/app/i18n/useLocale';
import { CHAPTER_SEGMENT, channelQuery, reportPath } from '@web/app/paths';
import { useReport } from '../../hooks/useReport';
import type { OverviewAllChannels, OverviewReport } from './documents';
import { overviewReading } from './reading';

/** "Kort fortalt": the short reading of the figures, in sentences (reading.ts picks what to say). */
export function OverviewReading({
  data,
  all,
  channelName,
}: {
  data: OverviewReport;
  all: OverviewAllChannels;
  channelName: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  const narrowed = channelName !== undefined;
  const reading = overviewReading({
    areas: data.areas.map((a) => ({
      area: a.area as ScoredArea,
      score: a.score,
      classMean: a.classBenchmark?.mean,
      allChannels: all?.areas.find((x) => x.area === a.area)?.score,
    })),
    channelSpread: data.variation.byChannel.map((c) => ({ channel: c.channel as Channel, stdDev: c.spread.stdDev, count: c.spread.count })),
    performances: data.performances.map((p) => ({ ...p, allChannels: all?.performances.find((x) => x.code === p.code)?.score })),
    ...(narrowed ? { narrowed: { total: data.total, allChannels: all?.total } } : {}),
    improveFirst: data.improveFirst,
  });
  return (
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
              ? t('overview.strongestAreaOnChannel', {
                  channel: channelName,
                  area: t(`domain.area.${reading.strongestArea.area}`),
                  score: pct(reading.strongestArea.score),
                })
              : t('overview.strongestArea', {
                  area: t(`domain.area.${reading.strongestArea.area}`),
                  score: pct(reading.strongestArea.score),
                })}
          </li>
        )}
        {reading.weakestAgainstAllChannels === 'aboveEverywhere' && (
          <li>{t('overview.aboveAllChannelsEverywhere', { channel: channelName })}</li>
        )}
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
        {reading.weakestAgainstClass === 'atOrAboveEverywhere' && <li>{t('overview.atOrAboveClassEverywhere')}</li>}
        {typeof reading.weakestAgainstClass === 'object' && (
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
                ? t('overview.weakestPerformanceOnChannel', {
                    channel: channelName,
                    text: reading.weakestPerformance.text,
                    score: pct(reading.weakestPerformance.score),
                  })
                : t('overview.weakestPerformanceOnChannelAll', {
                    channel: channelName,
                    text: reading.weakestPerformance.text,
                    score: pct(reading.weakestPerformance.score),
                    allChannels: pct(reading.weakestPerformance.allChannels),
                  })
              : reading.weakestPerformance.classScore === undefined
                ? t('overview.weakestPerformance', { text: reading.weakestPerformance.text, score: pct(reading.weakestPerformance.score) })
                : t('overview.weakestPerformanceAgainstClass', {
                    text: reading.weakestPerformance.text,
                    score: pct(reading.weakestPerformance.score),
                    classScore: pct(reading.weakestPerformance.classScore),
                  })}
          </li>
        )}
        {reading.improveFirst && (
          <li>
            {t('insight.improveFirstReading', {
              text: reading.improveFirst.text,
              score: pct(reading.improveFirst.score),
              classScore: pct(reading.improveFirst.classScore),
            })}{' '}
            <Link to={reportPath(report.year, report.company.slug, CHAPTER_SEGMENT.insight, channelQuery(report.channel))}>
              {t('insight.improveFirstLink')}
            </Link>
          </li>
        )}
        {Object.keys(reading).length === 0 && <li>{t('overview.nothingToRead')}</li>}
        {reading.widestChannel && (
          <li>
            {t('overview.widestChannel', {
              channel: t(`domain.channel.${reading.widestChannel.channel}`),
              stdDev: formatNumber(reading.widestChannel.stdDev, 2, locale),
            })}
          </li>
        )}
      </ul>
    </section>
  );
}
