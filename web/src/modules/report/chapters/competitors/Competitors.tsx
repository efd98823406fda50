import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatPercent } from '@ksp/shared/format/number';
import { groupedBarsOption, numberFormat, rankedBarsOption } from '@ksp/shared/charts/index';
import { CATEGORIES, SCORED_AREAS, type Channel } from '@ksp/shared/domain';
import type { CompetitorFiguresFragment } from '@web/graphql/generated/graphql';
import { useLocale } from '@web/app/i18n/useLocale';
import { BARS } from '@web/app/charts/bars';
import { channelQuery, reportPath } from '@web/app/paths';
import { reportVariables, useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import { withheldAt, withheldCells } from '../../withheld';
import { CompetitorsDocument } from './documents';
import { AnswersCount, ANSWERS_OF, formatMeasure, MEASURES, type Measure } from '../cx/Cx';

const CX_MEANS: Measure[] = ['csatMean', 'cesMean', 'ves1Mean', 'ves2Mean'];

interface Column {
  slug: string;
  name: string;
  own: boolean;
  figures: CompetitorFiguresFragment | null;
  /** Where this company's figures sit in the response, for withheld cells. */
  path: (string | number)[];
}

/** Chapter 7 (konkurrent tier): own results and the chosen competitors' side by side, aggregates only. */
export default function Competitors() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [result, reexecute] = useQuery({ query: CompetitorsDocument, variables: reportVariables(report) });
  const data = result.data?.participation?.report;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);

  useEffect(() => {
    document.title = t('report.documentTitle', {
      chapter: t('report.chapter.competitors'),
      company: report.company.name,
      year: report.year,
    });
  }, [t, report]);

  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={data} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!data) return null;
          if (data.competitors.length === 0) {
            return (
              <>
                <ChapterHeading title={t('competitors.heading')} />
                <p className="notice">{report.ownParticipation?.tier === 'ENKEL' ? t('competitors.notTier') : t('competitors.none')}</p>
              </>
            );
          }
          const base = ['participation', 'report'];
          const columns: Column[] = [
            { slug: report.company.slug, name: report.company.name, own: true, figures: data, path: base },
            ...data.competitors.map((c, i) => ({
              slug: c.company.slug,
              name: c.company.name,
              own: false,
              figures: c.report,
              path: [...base, 'competitors', i, 'report'],
            })),
          ];
          // Narrowed to a channel a company was not tested on, its cells say so: the server's "too few
          // inquiries" (none at all) would read as if it had been tested there.
          const untested = (col: Column) =>
            report.channel !== undefined && col.figures !== null && !col.figures.byChannel.some((b) => b.channel === report.channel);
          const cell = (col: Column, value: number | null | undefined, ...path: (string | number)[]) =>
            untested(col) ? (
              <span key={col.slug} className="withheld">
                {t('report.notTestedShort')}
              </span>
            ) : (
              <Figure key={col.slug} reason={withheldAt(cells, [...col.path, ...path])}>
                {pct(value)}
              </Figure>
            );
          const channels: Channel[] = report.channel
            ? [report.channel]
            : [...new Set(columns.flatMap((c) => c.figures?.byChannel.map((b) => b.channel as Channel) ?? []))];
          const header = [t('report.company'), ...columns.map((c) => c.name)];
          // A competitor's small cell (and, since complementary suppression, its neighbour) comes
          // as null: the charts say so in words rather than drawing no bar or a bar of 0.
          const missingLabel = t('withheld.tooFewShort');
          // A company narrowed to a channel it was not tested on, or a channel it was not tested on
          // beside others, says so in place of its bars.
          const notTested = (col: Column, count: number) =>
            untested(col) ? { missingLabels: Array<string>(count).fill(t('report.notTestedShort')) } : {};
          // Areas and categories: a score per key and company, as horizontal bars and a table.
          const scoresSideBySide = <K extends string>(p: {
            title: string;
            height: string;
            heading: string;
            keys: readonly K[];
            label: (key: K) => string;
            section: 'areas' | 'categories';
            scores: (col: Column) => { key: string; score?: number | null }[] | undefined;
          }) => (
            <ChartFigure
              title={p.title}
              use={BARS}
              height={p.height}
              option={groupedBarsOption(
                p.keys.map(p.label),
                columns.map((c) => ({
                  name: c.name,
                  own: c.own,
                  values: p.keys.map((k) => p.scores(c)?.find((x) => x.key === k)?.score ?? null),
                  ...notTested(c, p.keys.length),
                })),
                { title: p.title, valueAxis: t('report.scorePercent'), locale, titleInChart: false, horizontal: true, missingLabel },
              )}
              table={{
                columns: [p.heading, ...header.slice(1)],
                rows: p.keys.map((k) => ({
                  key: k,
                  cells: [
                    p.label(k),
                    ...columns.map((c) => {
                      const i = p.scores(c)?.findIndex((x) => x.key === k) ?? -1;
                      return i < 0 ? '–' : cell(c, p.scores(c)?.[i]?.score, p.section, i, 'score');
                    }),
                  ],
                })),
              }}
            />
          );
          return (
            <>
              <ChapterHeading title={t('competitors.heading')} channel={report.channel && t(`domain.channel.${report.channel}`)} />
              <p className="explanation">{t('competitors.intro')}</p>
              <ul className="link-list">
                {data.competitors.map((c) => (
                  <li key={c.company.slug}>
                    <Link to={reportPath(report.year, c.company.slug, '', channelQuery(report.channel))}>
                      {t('competitors.open', { company: c.company.name })}
                    </Link>
                  </li>
                ))}
              </ul>
              <ChartFigure
                title={t('competitors.totals')}
                use={BARS}
                height={`${Math.max(10, columns.length * 2.2 + 5)}rem`}
                option={rankedBarsOption(
                  columns.map((c) => ({
                    label: c.name,
                    value: c.figures?.total ?? null,
                    own: c.own,
                    ...(untested(c) ? { missingLabel: t('report.notTestedShort') } : {}),
                  })),
                  null,
                  {
                    title: t('competitors.totals'),
                    valueAxis: t('report.totalPercent'),
                    missingLabel: t('withheld.tooFewShort'),
                    locale,
                    titleInChart: false,
                  },
                )}
                table={{
                  columns: [t('report.company'), t('overview.total')],
                  rows: columns.map((c) => ({
                    key: c.slug,
                    cells: [c.own ? <strong key="n">{c.name}</strong> : c.name, cell(c, c.figures?.total, 'total')],
                  })),
                }}
              />
              {scoresSideBySide({
                title: t('competitors.areas'),
                height: '22rem',
                heading: t('report.chapter.areas'),
                keys: SCORED_AREAS,
                label: (a) => t(`domain.area.${a}`),
                section: 'areas',
                scores: (c) => c.figures?.areas.map((x) => ({ key: x.area, score: x.score })),
              })}
              <ChartFigure
                title={t('competitors.channels')}
                use={BARS}
                height="20rem"
                option={groupedBarsOption(
                  channels.map((ch) => t(`domain.channel.${ch}`)),
                  columns.map((c) => ({
                    name: c.name,
                    own: c.own,
                    values: channels.map((ch) => c.figures?.byChannel.find((b) => b.channel === ch)?.total ?? null),
                    missingLabels: channels.map((ch) =>
                      c.figures && !c.figures.byChannel.some((b) => b.channel === ch) ? t('report.notTestedShort') : undefined,
                    ),
                  })),
                  { title: t('competitors.channels'), valueAxis: t('report.totalPercent'), locale, titleInChart: false, missingLabel },
                )}
                table={{
                  columns: [t('report.channel'), ...header.slice(1)],
                  rows: channels.map((ch) => ({
                    key: ch,
                    cells: [
                      t(`domain.channel.${ch}`),
                      ...columns.map((c) => {
                        const i = c.figures?.byChannel.findIndex((b) => b.channel === ch) ?? -1;
                        return i < 0 ? '–' : cell(c, c.figures?.byChannel[i]?.total, 'byChannel', i, 'total');
                      }),
                    ],
                  })),
                }}
              />
              {scoresSideBySide({
                title: t('competitors.categories'),
                height: '24rem',
                heading: t('categories.category'),
                keys: CATEGORIES,
                label: (k) => t(`domain.category.${k}`),
                section: 'categories',
                scores: (c) => c.figures?.categories.map((x) => ({ key: x.category, score: x.score })),
              })}
              <ChartFigure
                title={t('competitors.cx')}
                use={BARS}
                height="22rem"
                option={groupedBarsOption(
                  CX_MEANS.map((m) => t(`cx.${m}`)),
                  columns.map((c) => ({
                    name: c.name,
                    own: c.own,
                    values: CX_MEANS.map((m) => c.figures?.cx[m] ?? null),
                    ...notTested(c, CX_MEANS.length),
                  })),
                  {
                    title: t('competitors.cx'),
                    valueAxis: t('cx.meanAxis'),
                    locale,
                    titleInChart: false,
                    horizontal: true,
                    max: 7,
                    format: numberFormat(locale),
                    axisFormat: numberFormat(locale, 0),
                    missingLabel,
                  },
                )}
                table={{
                  columns: [t('cx.measure'), ...header.slice(1)],
                  rows: MEASURES.map((m) => ({
                    key: m,
                    cells: [
                      t(`cx.${m}`),
                      ...columns.map((c) => (
                        <Figure key={c.slug} reason={withheldAt(cells, [...c.path, 'cx', m])}>
                          {formatMeasure(m, c.figures?.cx[m], locale)}
                          <AnswersCount count={c.figures?.cx[ANSWERS_OF[m]]} />
                        </Figure>
                      )),
                    ],
                  })),
                }}
              />
              <p className="explanation">{t('competitors.cxNote')}</p>
            </>
          );
        }}
      </ChapterState>
    </section>
  );
}
