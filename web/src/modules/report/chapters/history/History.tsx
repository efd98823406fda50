import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatPercent, NO_VALUE } from '@ksp/shared/format/number';
import { historyOption } from '@ksp/shared/charts/index';
import { formatInterval } from '@ksp/shared/format/uncertainty';
import { SCORED_AREAS } from '@ksp/shared/domain';
import { useLocale } from '@web/app/i18n/useLocale';
import { HISTORY } from '@web/app/charts/history';
import { useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import { withheldAt, withheldCells } from '../../withheld';
import { HistoryDocument } from './documents';
import type { HistoryChapterQuery } from '@web/graphql/generated/graphql';

type LikeForLike = NonNullable<NonNullable<HistoryChapterQuery['participation']>['report']>['likeForLike'];

/**
 * History: the total and the areas in this and every earlier edition, oldest first, and beside the
 * published totals each pair of consecutive editions like for like (both totals on only the scored
 * questions the two share), with a mark where the questionnaire changed. Not narrowed by channel.
 */
export default function History() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [result, reexecute] = useQuery({ query: HistoryDocument, variables: { year: report.year, companySlug: report.company.slug } });
  const data = result.data?.participation;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: t('report.chapter.history'), company: report.company.name, year: report.year });
  }, [t, report]);

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={data?.report} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          const r = data?.report;
          if (!data || !r) return null;
          const entries = [
            ...r.history.map((h, i) => ({ ...h, path: ['participation', 'report', 'history', i] as (string | number)[] })),
            {
              year: r.year,
              className: data.className,
              total: r.total,
              uncertainty: r.uncertainty,
              areas: r.areas,
              likeForLike: r.likeForLike,
              path: ['participation', 'report'] as (string | number)[],
            },
          ].sort((a, b) => a.year - b.year);
          const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
          // An earlier edition whose report was not bought has no area scores (FORBIDDEN): only its total.
          const areaValue = (e: (typeof entries)[number], area: string) => e.areas?.find((a) => a.area === area)?.score ?? null;
          // Where the edition before was not bought, the comparison is refused (FORBIDDEN) and drawn nowhere.
          const pairs = entries.flatMap((e) =>
            e.likeForLike
              ? [{ fromYear: e.likeForLike.previousYear, toYear: e.year, from: e.likeForLike.previousTotal, to: e.likeForLike.total }]
              : [],
          );
          const changedYears = entries.filter((e) => e.likeForLike?.questionnaireChanged).map((e) => e.year);
          const hasInterval = entries.some((e) => e.uncertainty?.low != null && e.uncertainty.high != null);
          // What each mark drawn means, and only the marks drawn: the band was drawn but never
          // explained, and the vertical line was explained where there was none.
          const note = [
            ...(pairs.length > 0 ? [t('history.likeForLikeNote')] : []),
            ...(hasInterval ? [t('history.intervalNote')] : []),
            ...(changedYears.length > 0 ? [t('history.questionnaireNote')] : []),
          ];
          const likeForLikeCell = (l: LikeForLike) =>
            l
              ? t('history.likeForLikeCell', {
                  previousYear: l.previousYear,
                  from: pct(l.previousTotal),
                  to: pct(l.total),
                  count: l.commonQuestions,
                })
              : NO_VALUE;
          const questionnaireCell = (l: LikeForLike) => {
            if (!l) return NO_VALUE;
            if (!l.questionnaireChanged) return t('history.questionnaireUnchanged');
            const parts = [
              ['added', l.addedQuestions.length],
              ['removed', l.removedQuestions.length],
              ['changed', l.changedQuestions.length],
            ] as const;
            return t('history.questionnaireChanges', {
              parts: parts
                .filter(([, n]) => n > 0)
                .map(([key, count]) => t(`history.${key}`, { count }))
                .join(', '),
            });
          };
          return (
            <>
              <ChapterHeading title={t('history.heading')} />
              {report.channel && <p className="notice notice--info">{t('report.allChannelsOnly')}</p>}
              {entries.length < 2 && <p className="notice">{t('history.none')}</p>}
              <ChartFigure
                title={t('history.title')}
                use={HISTORY}
                // Taller on a phone, where the legend wraps to five rows and took half the chart
                // (22rem from about 820 px up, 27rem at 360 px).
                height="max(22rem, calc(34rem - 30vw))"
                option={historyOption(
                  entries.map((e) => e.year),
                  [
                    { name: t('overview.total'), values: entries.map((e) => e.total), own: true },
                    ...SCORED_AREAS.map((a) => ({ name: t(`domain.area.${a}`), values: entries.map((e) => areaValue(e, a)) })),
                  ],
                  {
                    title: t('history.title'),
                    valueAxis: t('report.scorePercent'),
                    yearAxis: t('history.year'),
                    locale,
                    titleInChart: false,
                  },
                  {
                    likeForLike: { name: t('history.likeForLike'), pairs },
                    interval: {
                      name: t('history.interval'),
                      values: entries.map((e) =>
                        e.uncertainty?.low != null && e.uncertainty.high != null ? [e.uncertainty.low, e.uncertainty.high] : null,
                      ),
                    },
                    questionnaireChanged: { label: t('history.questionnaireChanged'), years: changedYears },
                  },
                )}
                note={note.length > 0 ? note.join(' ') : undefined}
                table={{
                  columns: [
                    t('history.year'),
                    t('history.className'),
                    t('overview.total'),
                    t('history.interval'),
                    ...SCORED_AREAS.map((a) => t(`domain.area.${a}`)),
                    t('history.likeForLikeColumn'),
                    t('history.questionnaire'),
                  ],
                  rows: entries.map((e) => ({
                    key: String(e.year),
                    cells: [
                      String(e.year),
                      e.className,
                      <Figure key="t" reason={withheldAt(cells, [...e.path, 'total'])}>
                        {pct(e.total)}
                      </Figure>,
                      formatInterval(e.uncertainty?.low, e.uncertainty?.high, locale) ?? NO_VALUE,
                      ...SCORED_AREAS.map((a) => (
                        <Figure key={a} reason={withheldAt(cells, [...e.path, 'areas'])}>
                          {pct(areaValue(e, a))}
                        </Figure>
                      )),
                      <Figure key="likeForLike" reason={withheldAt(cells, [...e.path, 'likeForLike'])}>
                        {likeForLikeCell(e.likeForLike)}
                      </Figure>,
                      <Figure key="questionnaire" reason={withheldAt(cells, [...e.path, 'likeForLike'])}>
                        {questionnaireCell(e.likeForLike)}
                      </Figure>,
                    ],
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
