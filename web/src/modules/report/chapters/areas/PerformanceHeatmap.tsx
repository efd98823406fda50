import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '@ksp/shared/format/number';
import { heatmapOption, heatmapWithFigures, type HeatmapCell } from '@ksp/shared/charts/index';
import type { Channel } from '@ksp/shared/domain';
import { useLocale } from '@web/app/i18n/useLocale';
import { HEATMAP } from '@web/app/charts/heatmap';
import { useReport } from '../../hooks/useReport';
import { ChartFigure } from '../../components/ChartFigure';
import { Withheld } from '../../components/Withheld';
import type { WithheldLookup } from '../../withheld';
import type { AreaPerformance } from './documents';

/** The area's scored performances × the channels: each score, with its number of answers in the table. */
export function PerformanceHeatmap({ performances, at }: { performances: AreaPerformance[]; at: WithheldLookup }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  const scored = performances.filter((p) => p.scored);
  const columns: Channel[] = [...new Set(scored.flatMap((p) => p.byChannel.map((c) => c.channel as Channel)))].sort(
    (a, b) => report.channels.indexOf(a) - report.channels.indexOf(b),
  );
  // A performance on a channel: absent where the question does not apply there ("–"), and
  // why it is missing only where the server withheld it (a competitor's small cell).
  const onChannel = (p: AreaPerformance, c: Channel) => {
    const j = p.byChannel.findIndex((b) => b.channel === c);
    return { cell: p.byChannel[j], reason: j < 0 ? undefined : at('performances', performances.indexOf(p), 'byChannel', j, 'score') };
  };
  const heatmapCell = (p: AreaPerformance, c: Channel): HeatmapCell => {
    const { cell, reason } = onChannel(p, c);
    if (!cell) return null;
    return reason ? t(reason === 'tooFew' ? 'withheld.tooFewShort' : 'withheld.forbiddenShort') : cell.score;
  };
  // Rows by short label (full text in the tooltip and table); a channel the company was not
  // tested on, and a question asked only there, are left out rather than shown as all "–".
  const heat = heatmapWithFigures(
    scored,
    columns,
    scored.map((p) => columns.map((c) => heatmapCell(p, c))),
  );
  if (heat.rows.length === 0 || heat.columns.length === 0) return null;
  return (
    <ChartFigure
      title={t('areas.heatmap')}
      use={HEATMAP}
      height={`${Math.max(14, heat.rows.length * 2.4 + 6)}rem`}
      option={heatmapOption(
        heat.rows.map((p) => ({ label: p.shortLabel, full: p.text })),
        heat.columns.map((c) => t(`domain.channel.${c}`)),
        heat.values,
        { title: t('areas.heatmap'), valueLabel: t('report.score'), locale, titleInChart: false },
      )}
      table={{
        columns: [t('areas.performance'), ...heat.columns.map((c) => t(`domain.channel.${c}`))],
        rows: heat.rows.map((p) => ({
          key: p.code,
          cells: [
            p.text,
            ...heat.columns.map((c) => {
              const { cell, reason } = onChannel(p, c);
              if (!cell) return '–';
              return reason ? <Withheld key={c} reason={reason} short /> : `${pct(cell.score)} (${formatNumber(cell.answers, 0, locale)})`;
            }),
          ],
        })),
      }}
    />
  );
}
