import { useTranslation } from 'react-i18next';
import { formatPercent } from '@ksp/shared/format/number';
import { groupedBarsOption, rankedBarsOption } from '@ksp/shared/charts/index';
import { useLocale } from '@web/app/i18n/useLocale';
import { BARS } from '@web/app/charts/bars';
import { useReport } from '../../hooks/useReport';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import type { WithheldLookup } from '../../withheld';
import type { AreaClassBenchmark, AreaScore } from './documents';

/** The area's score against each company in the class, the own bar marked, with the class mean. */
export function AreaAgainstClass({ bench, title, classMeanLabel }: { bench: AreaClassBenchmark; title: string; classMeanLabel: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  return (
    <ChartFigure
      title={title}
      use={BARS}
      height={`${Math.max(12, bench.members.length * 2 + 5)}rem`}
      option={rankedBarsOption(
        bench.members.map((m) => ({ label: m.company.name, value: m.score, own: m.company.slug === report.company.slug })),
        bench.mean,
        { title, valueAxis: t('report.scorePercent'), meanLabel: classMeanLabel, locale, titleInChart: false },
      )}
      table={{
        columns: [t('report.company'), t('report.score')],
        rows: [...bench.members]
          .sort((a, b) => (b.score ?? -1) - (a.score ?? -1))
          .map((m) => ({
            key: m.company.slug,
            cells: [m.company.slug === report.company.slug ? <strong key="n">{m.company.name}</strong> : m.company.name, pct(m.score)],
          })),
      }}
    />
  );
}

/** The area's score on each channel the company was tested on. */
export function AreaByChannel({ areaName, channels, at }: { areaName: string; channels: AreaScore['byChannel']; at: WithheldLookup }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  return (
    <ChartFigure
      title={t('areas.byChannel', { area: areaName })}
      use={BARS}
      height="16rem"
      option={groupedBarsOption(
        channels.map((c) => t(`domain.channel.${c.channel}`)),
        [{ name: areaName, values: channels.map((c) => c.score), own: true }],
        { title: t('areas.byChannel', { area: areaName }), valueAxis: t('report.scorePercent'), locale, titleInChart: false },
      )}
      table={{
        columns: [t('report.channel'), t('report.score')],
        rows: channels.map((c, i) => ({
          key: c.channel,
          cells: [
            t(`domain.channel.${c.channel}`),
            <Figure key="v" reason={at('areas', 0, 'byChannel', i, 'score')}>
              {pct(c.score)}
            </Figure>,
          ],
        })),
      }}
    />
  );
}
