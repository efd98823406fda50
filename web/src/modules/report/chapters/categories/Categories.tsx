import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatPercent } from '@ksp/shared/format/number';
import { groupedBarsOption } from '@ksp/shared/charts/index';
import type { Channel } from '@ksp/shared/domain';
import { useLocale } from '@web/app/i18n/useLocale';
import { BARS } from '@web/app/charts/bars';
import { reportVariables, useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import { withheldAt, withheldCells } from '../../withheld';
import { CategoriesDocument } from './documents';

/** Chapter 3, categories: own score, class mean and per channel. */
export default function Categories() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [result, reexecute] = useQuery({ query: CategoriesDocument, variables: { ...reportVariables(report), own: report.own } });
  const categories = result.data?.participation?.report?.categories;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);
  const at = (...path: (string | number)[]) => withheldAt(cells, ['participation', 'report', 'categories', ...path]);

  useEffect(() => {
    document.title = t('report.documentTitle', {
      chapter: t('report.chapter.categories'),
      company: report.company.name,
      year: report.year,
    });
  }, [t, report]);

  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={categories} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!categories) return null;
          const names = categories.map((c) => t(`domain.category.${c.category}`));
          const hasClass = categories.some((c) => c.classBenchmark);
          // The class benchmark is not split by channel: narrowed, its figures say they are over all channels.
          const classMeanLabel = report.channel ? t('report.classMeanAllChannels') : t('report.classMean');
          const ownName = report.channel
            ? t('overview.ownOnChannel', { company: report.company.name, channel: t(`domain.channel.${report.channel}`) })
            : report.company.name;
          const channels: Channel[] = report.channels.filter((ch) => categories.some((c) => c.byChannel.some((b) => b.channel === ch)));
          return (
            <>
              <ChapterHeading title={t('categories.heading')} channel={report.channel && t(`domain.channel.${report.channel}`)} />
              <p className="explanation">{t('categories.intro')}</p>
              <ChartFigure
                title={t('categories.title')}
                use={BARS}
                height="18rem"
                option={groupedBarsOption(
                  names,
                  [
                    { name: ownName, values: categories.map((c) => c.score), own: true },
                    ...(hasClass ? [{ name: classMeanLabel, values: categories.map((c) => c.classBenchmark?.mean ?? null) }] : []),
                  ],
                  { title: t('categories.title'), valueAxis: t('report.scorePercent'), locale, titleInChart: false, horizontal: true },
                )}
                table={{
                  columns: [t('categories.category'), ownName, ...(hasClass ? [classMeanLabel] : [])],
                  rows: categories.map((c, i) => ({
                    key: c.category,
                    cells: [
                      names[i],
                      <Figure key="v" reason={at(i, 'score')}>
                        {pct(c.score)}
                      </Figure>,
                      ...(hasClass ? [pct(c.classBenchmark?.mean)] : []),
                    ],
                  })),
                }}
              />
              {channels.length > 1 && (
                <ChartFigure
                  title={t('categories.byChannel')}
                  use={BARS}
                  height="20rem"
                  option={groupedBarsOption(
                    names,
                    channels.map((ch) => ({
                      name: t(`domain.channel.${ch}`),
                      values: categories.map((c) => c.byChannel.find((b) => b.channel === ch)?.score ?? null),
                    })),
                    { title: t('categories.byChannel'), valueAxis: t('report.scorePercent'), locale, titleInChart: false },
                  )}
                  table={{
                    columns: [t('categories.category'), ...channels.map((ch) => t(`domain.channel.${ch}`))],
                    rows: categories.map((c, i) => ({
                      key: c.category,
                      cells: [
                        names[i],
                        ...channels.map((ch) => {
                          const j = c.byChannel.findIndex((b) => b.channel === ch);
                          return j < 0 ? (
                            '–'
                          ) : (
                            <Figure key={ch} reason={at(i, 'byChannel', j, 'score')}>
                              {pct(c.byChannel[j]?.score)}
                            </Figure>
                          );
                        }),
                      ],
                    })),
                  }}
                />
              )}
            </>
          );
        }}
      </ChapterState>
    </section>
  );
}
