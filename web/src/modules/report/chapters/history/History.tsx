import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatPercent } from '@ksp/shared/format/number';
import { historyOption } from '@ksp/shared/charts/index';
import { SCORED_AREAS } from '@ksp/shared/domain';
import { useLocale } from '@web/app/i18n/useLocale';
import { HISTORY } from '@web/app/charts/history';
import { useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import { withheldAt, withheldCells } from '../../withheld';
import { HistoryDocument } from './documents';

/** History: the total and the areas in this and every earlier edition, oldest first. Not narrowed by channel. */
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
              areas: r.areas,
              path: ['participation', 'report'] as (string | number)[],
            },
          ].sort((a, b) => a.year - b.year);
          const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
          // An earlier edition whose report was not bought has no area scores (FORBIDDEN): only its total.
          const areaValue = (e: (typeof entries)[number], area: string) => e.areas?.find((a) => a.area === area)?.score ?? null;
          return (
            <>
              <ChapterHeading title={t('history.heading')} />
              {report.channel && <p className="notice notice--info">{t('report.allChannelsOnly')}</p>}
              {entries.length < 2 && <p className="notice">{t('history.none')}</p>}
              <ChartFigure
                title={t('history.title')}
                use={HISTORY}
                height="22rem"
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
                )}
                table={{
                  columns: [
                    t('history.year'),
                    t('history.className'),
                    t('overview.total'),
                    ...SCORED_AREAS.map((a) => t(`domain.area.${a}`)),
                  ],
                  rows: entries.map((e) => ({
                    key: String(e.year),
                    cells: [
                      String(e.year),
                      e.className,
                      <Figure key="t" reason={withheldAt(cells, [...e.path, 'total'])}>
                        {pct(e.total)}
                      </Figure>,
                      ...SCORED_AREAS.map((a) => (
                        <Figure key={a} reason={withheldAt(cells, [...e.path, 'areas'])}>
                          {pct(areaValue(e, a))}
                        </Figure>
                      )),
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
