import { useEffect, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber, formatPercent } from '@ksp/shared/format/number';
import {
  groupedBarsOption,
  numberFormat,
  spreadOption,
  type SpreadGroup,
  type SpreadText,
  type SpreadValues,
} from '@ksp/shared/charts/index';
import { useLocale } from '@web/app/i18n/useLocale';
import { BARS } from '@web/app/charts/bars';
import { SPREAD } from '@web/app/charts/spread';
import { responsePath } from '@web/app/paths';
import { reportVariables, useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure, type FigureTable } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import { withheldAt, withheldCells, type WithheldCells } from '../../withheld';
import { VariationDocument } from './documents';
import type { SpreadAggregatesFragment, SpreadOrderFragment } from '@web/graphql/generated/graphql';

/** A spread as the query returns it: order statistics absent for a competitor (@include). */
type SpreadData = SpreadAggregatesFragment & Partial<SpreadOrderFragment>;

const values = (s: SpreadData): SpreadValues => ({
  min: s.min ?? null,
  q1: s.q1 ?? null,
  median: s.median ?? null,
  q3: s.q3 ?? null,
  max: s.max ?? null,
  mean: s.mean,
  stdDev: s.stdDev,
  count: s.count,
});

/** Chapter "Variation": box plots per channel and area with the single inquiries, and the most varying performances. */
export default function Variation() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const navigate = useNavigate();
  const [result, reexecute] = useQuery({ query: VariationDocument, variables: { ...reportVariables(report), own: report.own } });
  const data = result.data?.participation?.report;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: t('report.chapter.variation'), company: report.company.name, year: report.year });
  }, [t, report]);

  const text = (title: string): SpreadText => ({
    title,
    valueAxis: t('variation.scorePerInquiry'),
    locale,
    titleInChart: false,
    labels: {
      min: t('variation.min'),
      q1: t('variation.q1'),
      median: t('variation.median'),
      q3: t('variation.q3'),
      max: t('variation.max'),
      mean: t('variation.mean'),
      stdDev: t('variation.stdDev'),
      count: t('variation.count'),
      inquiry: t('variation.inquiry'),
      meanSd: t('variation.meanSd'),
    },
  });
  /** Opens the response behind a clicked point, in workshop mode. */
  const open = (point: { seriesIndex: number; name: string }) => {
    if (point.seriesIndex === 2 && point.name) void navigate(responsePath(report.year, report.company.slug, point.name));
  };

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={data} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!data) return null;
          const v = data.variation;
          const channelGroups: SpreadGroup[] = v.byChannel.map((c) => ({
            label: t(`domain.channel.${c.channel}`),
            spread: values(c.spread),
            ...(data.inquiries ? { points: data.inquiries.filter((i) => i.channel === c.channel) } : {}),
          }));
          const areaGroups: SpreadGroup[] = v.areas.map((a) => ({
            label: t(`domain.area.${a.area}`),
            spread: values(a.spread),
            ...(data.areas ? { points: data.areas.find((x) => x.area === a.area)?.inquiries ?? [] } : {}),
          }));
          const pct = (x: number | null | undefined) => formatPercent(x, 2, locale);
          return (
            <>
              <ChapterHeading title={t('variation.heading')} channel={report.channel && t(`domain.channel.${report.channel}`)} />
              <p className="explanation">{report.own ? t('variation.intro') : t('variation.introCompetitor')}</p>
              <dl className="kpis">
                <div className="kpi">
                  <dt>{t('variation.mean')}</dt>
                  <dd>{pct(v.total.mean)}</dd>
                </div>
                <div className="kpi">
                  <dt>{t('variation.stdDev')}</dt>
                  <dd>{formatNumber(v.total.stdDev, 2, locale)}</dd>
                </div>
                {report.own && (
                  <>
                    <div className="kpi">
                      <dt>{t('variation.min')}</dt>
                      <dd>{pct(v.total.min)}</dd>
                    </div>
                    <div className="kpi">
                      <dt>{t('variation.max')}</dt>
                      <dd>{pct(v.total.max)}</dd>
                    </div>
                  </>
                )}
                <div className="kpi">
                  <dt>{t('variation.count')}</dt>
                  <dd>{formatNumber(v.total.count, 0, locale)}</dd>
                </div>
              </dl>
              {/* The mean here weighs every inquiry alike; the total pools the points, so an inquiry
                  with more possible points weighs more. Said, so 72,21 % beside 72,36 % is no puzzle. */}
              <p className="explanation">{t('variation.meanVsTotal')}</p>
              <ChartFigure
                title={t('variation.byChannel')}
                use={SPREAD}
                height="22rem"
                option={spreadOption(channelGroups, text(t('variation.byChannel')))}
                onPointClick={open}
                table={spreadTable(channelGroups, ['participation', 'report', 'variation', 'byChannel'], cells, t, pct, (x) =>
                  formatNumber(x, 2, locale),
                )}
              />
              <ChartFigure
                title={t('variation.byArea')}
                use={SPREAD}
                height="22rem"
                option={spreadOption(areaGroups, text(t('variation.byArea')))}
                onPointClick={open}
                table={spreadTable(areaGroups, ['participation', 'report', 'variation', 'areas'], cells, t, pct, (x) =>
                  formatNumber(x, 2, locale),
                )}
              />
              {data.inquiries && data.inquiries.length > 0 && (
                <details className="panel inquiry-list">
                  <summary>{t('variation.lowestFirst', { count: data.inquiries.length })}</summary>
                  <ol>
                    {[...data.inquiries]
                      .sort((a, b) => (a.score ?? -1) - (b.score ?? -1))
                      .map((i) => (
                        <li key={i.id}>
                          <Link to={responsePath(report.year, report.company.slug, i.id)}>
                            {t('variation.inquiryLink', { id: i.id, channel: t(`domain.channel.${i.channel}`), score: pct(i.score) })}
                          </Link>
                        </li>
                      ))}
                  </ol>
                </details>
              )}
              <ChartFigure
                title={t('variation.widest')}
                use={BARS}
                height={`${Math.max(12, v.widestPerformances.length * 2.2 + 5)}rem`}
                option={groupedBarsOption(
                  v.widestPerformances.map((p) => p.shortLabel),
                  [{ name: t('variation.stdDev'), values: v.widestPerformances.map((p) => p.stdDev), own: true }],
                  {
                    title: t('variation.widest'),
                    valueAxis: t('variation.stdDev'),
                    locale,
                    titleInChart: false,
                    horizontal: true,
                    format: numberFormat(locale),
                    axisFormat: numberFormat(locale, 0),
                    max: 60,
                  },
                )}
                table={{
                  columns: [t('variation.performance'), t('variation.stdDev'), t('report.score'), t('variation.answers')],
                  rows: v.widestPerformances.map((p) => ({
                    key: p.code,
                    cells: [p.text, formatNumber(p.stdDev, 2, locale), pct(p.score), formatNumber(p.answers, 0, locale)],
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

function spreadTable(
  groups: SpreadGroup[],
  base: (string | number)[],
  cells: WithheldCells,
  t: (
    k:
      | 'variation.group'
      | 'variation.min'
      | 'variation.q1'
      | 'variation.median'
      | 'variation.q3'
      | 'variation.max'
      | 'variation.mean'
      | 'variation.stdDev'
      | 'variation.count',
  ) => string,
  pct: (x: number | null) => string,
  num: (x: number | null) => string,
): FigureTable {
  const keys = ['min', 'q1', 'median', 'q3', 'max', 'mean', 'stdDev', 'count'] as const;
  return {
    columns: [t('variation.group'), ...keys.map((k) => t(`variation.${k}`))],
    rows: groups.map((g, i) => ({
      key: g.label,
      cells: [
        g.label,
        ...keys.map((k) => (
          <Figure key={k} reason={withheldAt(cells, [...base, i, 'spread', k])}>
            {k === 'count' ? String(g.spread.count ?? '–') : k === 'stdDev' ? num(g.spread.stdDev) : pct(g.spread[k])}
          </Figure>
        )),
      ],
    })),
  };
}
