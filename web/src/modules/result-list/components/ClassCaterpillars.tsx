import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caterpillarOption } from '@ksp/shared/charts/index';
import { classMean } from '@ksp/shared/ranking/benchmark';
import { formatPercent, type Locale } from '@ksp/shared/format/number';
import { CATERPILLAR } from '@web/app/charts/caterpillar';
import { ChartFigure } from '@web/modules/report/components/ChartFigure';
import { formatInterval, formatRankRange } from '@web/modules/insight/rankRange';
import type { ResultRow } from '../graphql/documents';

interface Props {
  rows: readonly ResultRow[];
  locale: Locale;
  /** The class chosen, if any: its chart is open from the start. */
  className: string | undefined;
  ownSlug?: string | undefined;
}

/**
 * One caterpillar chart per class (domain.md "Uncertainty"): the totals sorted, each with its
 * 95 % interval, and the class mean. Each class opens on demand, so the list of all classes does
 * not draw two dozen charts at once; the numbers are one click away as a table.
 */
export function ClassCaterpillars({ rows, locale, className, ownSlug }: Props) {
  const { t } = useTranslation();
  const classes = useMemo(() => [...new Set(rows.map((r) => r.className))].sort((a, b) => a.localeCompare(b, 'nb')), [rows]);
  return (
    <section className="caterpillars" aria-labelledby="caterpillars-heading">
      <h2 id="caterpillars-heading">{t('uncertainty.chartsHeading')}</h2>
      <p className="explanation">{t('uncertainty.chartsIntro')}</p>
      {classes.map((name) => (
        <ClassChart
          key={name}
          className={name}
          rows={rows.filter((r) => r.className === name)}
          locale={locale}
          ownSlug={ownSlug}
          initiallyOpen={className === name || classes.length === 1}
        />
      ))}
    </section>
  );
}

function ClassChart({
  className,
  rows,
  locale,
  ownSlug,
  initiallyOpen,
}: {
  className: string;
  rows: readonly ResultRow[];
  locale: Locale;
  ownSlug: string | undefined;
  initiallyOpen: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const title = t('uncertainty.chartTitle', { className });
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return (
    <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{className}</summary>
      {open && (
        <ChartFigure
          title={title}
          use={CATERPILLAR}
          height={`${Math.max(12, 4 + rows.length * 1.8)}rem`}
          option={caterpillarOption(
            rows.map((r) => ({
              label: r.company.name,
              total: r.total,
              low: r.uncertainty.low ?? null,
              high: r.uncertainty.high ?? null,
              own: r.company.slug === ownSlug,
            })),
            classMean(rows.map((r) => r.total)),
            {
              title,
              titleInChart: false,
              locale,
              valueAxis: t('uncertainty.chartAxis'),
              totalLabel: t('uncertainty.chartTotal'),
              intervalLabel: t('uncertainty.chartInterval'),
              meanLabel: t('uncertainty.chartMean'),
            },
          )}
          table={{
            columns: [
              t('resultList.columns.company'),
              t('resultList.columns.total'),
              t('uncertainty.columnInterval'),
              t('uncertainty.columnRankRange'),
            ],
            rows: sorted.map((r) => ({
              key: r.company.slug,
              cells: [
                r.company.name,
                formatPercent(r.total, 2, locale),
                formatInterval(r.uncertainty.low, r.uncertainty.high, locale) ?? '–',
                formatRankRange(r.uncertainty.classRankLow, r.uncertainty.classRankHigh, locale) ?? '–',
              ],
            })),
          }}
        />
      )}
    </details>
  );
}
