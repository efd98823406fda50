import { useTranslation } from 'react-i18next';
import { formatPercent } from '@ksp/shared/format/number';
import { groupedBarsOption, rankedBarsOption } from '@ksp/shared/charts/index';
import { useLocale } from '@web/app/i18n/useLocale';
import { BARS } from '@web/app/charts/bars';
import { useReport } from '../../hooks/useReport';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import type { WithheldLookup } from '../../withheld';
import type { OverviewAllChannels, OverviewReport } from './documents';

/** The total on each channel; narrowed, the channel beside the own total over all channels. */
export function TotalByChannel({
  data,
  all,
  channelName,
  at,
  atAll,
}: {
  data: OverviewReport;
  all: OverviewAllChannels;
  channelName: string | undefined;
  at: WithheldLookup;
  atAll: WithheldLookup;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  const narrowed = channelName !== undefined;
  // Narrowed: the channel beside the own total over all channels (one bar each), not a lone bar.
  const channels = narrowed
    ? [
        ...data.byChannel.map((c, i) => ({
          key: c.channel,
          label: t(`domain.channel.${c.channel}`),
          total: c.total,
          reason: at('byChannel', i, 'total'),
        })),
        { key: 'all', label: t('report.allChannels'), total: all?.total ?? null, reason: atAll('total') },
      ]
    : data.byChannel.map((c, i) => ({
        key: c.channel,
        label: t(`domain.channel.${c.channel}`),
        total: c.total,
        reason: at('byChannel', i, 'total'),
      }));
  return (
    <ChartFigure
      title={narrowed ? t('overview.byChannelNarrowedTitle', { channel: channelName }) : t('overview.byChannelTitle')}
      use={BARS}
      height="16rem"
      option={groupedBarsOption(
        channels.map((c) => c.label),
        [{ name: t('overview.total'), values: channels.map((c) => c.total), own: true }],
        {
          title: narrowed ? t('overview.byChannelNarrowedTitle', { channel: channelName }) : t('overview.byChannelTitle'),
          valueAxis: t('report.totalPercent'),
          locale,
          titleInChart: false,
        },
      )}
      table={{
        columns: [t('report.channel'), t('overview.total')],
        rows: channels.map((c) => ({
          key: c.key,
          cells: [
            c.label,
            <Figure key="v" reason={c.reason}>
              {pct(c.total)}
            </Figure>,
          ],
        })),
      }}
    />
  );
}

/** The own score in each area, against the class mean (own report); narrowed, also the own score over all channels. */
export function AreaScores({
  data,
  all,
  channelName,
  classMeanLabel,
  at,
  atAll,
}: {
  data: OverviewReport;
  all: OverviewAllChannels;
  channelName: string | undefined;
  classMeanLabel: string;
  at: WithheldLookup;
  atAll: WithheldLookup;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  const narrowed = channelName !== undefined;
  const allArea = (area: string) => all?.areas.find((a) => a.area === area)?.score;
  const areaNames = data.areas.map((a) => t(`domain.area.${a.area}`));
  const hasClassAreas = data.areas.some((a) => a.classBenchmark);
  const ownName = narrowed ? t('overview.ownOnChannel', { company: report.company.name, channel: channelName }) : report.company.name;
  const ownAllName = t('overview.ownAllChannels', { company: report.company.name });
  const areasTitle = narrowed ? t('overview.areasNarrowedTitle', { channel: channelName }) : t('overview.areasTitle');
  return (
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
            <Figure key="v" reason={at('areas', i, 'score')}>
              {pct(a.score)}
            </Figure>,
            ...(narrowed
              ? [
                  <Figure key="a" reason={atAll('areas', all?.areas.findIndex((x) => x.area === a.area) ?? -1, 'score')}>
                    {pct(allArea(a.area))}
                  </Figure>,
                ]
              : []),
            ...(hasClassAreas ? [pct(a.classBenchmark?.mean)] : []),
          ],
        })),
      }}
    />
  );
}

/** Each company's total in the class, the own bar marked, with the class mean (over all channels). */
export function ClassComparison({ data, narrowed, classMeanLabel }: { data: OverviewReport; narrowed: boolean; classMeanLabel: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  const bench = data.classBenchmark.map((b) => ({ label: b.company.name, value: b.total, own: b.company.slug === report.company.slug }));
  const classTitle = narrowed
    ? t('overview.classTitleAllChannels', { className: report.className })
    : t('overview.classTitle', { className: report.className });
  return (
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
  );
}
