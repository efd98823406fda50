import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber, formatPercent, type Locale } from '@ksp/shared/format/number';
import { groupedBarsOption, numberFormat, percentFormat } from '@ksp/shared/charts/index';
import { useLocale } from '@web/app/i18n/useLocale';
import { BARS } from '@web/app/charts/bars';
import { reportVariables, useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure } from '../../components/Withheld';
import { withheldAt, withheldCells } from '../../withheld';
import { CxDocument } from './documents';
import type { CxAnswersFragment, NpsGroupsFragment } from '@web/graphql/generated/graphql';
import { TableScroll } from '@web/app/TableScroll';

export type Measure = 'csatMean' | 'csatTop2Share' | 'cesMean' | 'nps' | 'ves1Mean' | 'ves2Mean';
export const MEASURES: Measure[] = ['csatMean', 'csatTop2Share', 'cesMean', 'nps', 'ves1Mean', 'ves2Mean'];
const MEANS: Measure[] = ['csatMean', 'cesMean', 'ves1Mean', 'ves2Mean'];
/** The count of answers each measure is over (the CSAT share over the CSAT answers). */
export const ANSWERS_OF: Record<Measure, keyof Omit<CxAnswersFragment, '__typename' | ' $fragmentName'>> = {
  csatMean: 'csatAnswers',
  csatTop2Share: 'csatAnswers',
  cesMean: 'cesAnswers',
  nps: 'npsAnswers',
  ves1Mean: 'ves1Answers',
  ves2Mean: 'ves2Answers',
};

/** Each measure on its own scale: means with 2 decimals, the CSAT share in percent, NPS a whole number (−12). */
export function formatMeasure(measure: Measure, value: number | null | undefined, locale: Locale): string {
  if (measure === 'csatTop2Share') return formatPercent(value, 2, locale);
  if (measure === 'nps') return formatNumber(value, 0, locale);
  return formatNumber(value, 2, locale);
}

type Groups = NpsGroupsFragment;
/** A group's share of the NPS answers; null where the counts are withheld (a competitor's small cell) or there are none. */
const share = (part: number | null, g: Groups) => (part !== null && g.count ? (100 * part) / g.count : null);

/** Chapter 4, CX: the five international measures, per channel, against the class. */
export default function Cx() {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [result, reexecute] = useQuery({
    query: CxDocument,
    variables: { ...reportVariables(report), own: report.own, narrowed: report.channel !== undefined },
  });
  const cx = result.data?.participation?.report?.cx;
  const all = result.data?.participation?.allChannels?.cx;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);
  const at = (...path: (string | number)[]) => withheldAt(cells, ['participation', 'report', 'cx', ...path]);

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: t('report.chapter.cx'), company: report.company.name, year: report.year });
  }, [t, report]);

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={cx} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!cx) return null;
          const channelName = report.channel && t(`domain.channel.${report.channel}`);
          // Narrowed, the report's own figures are the channel's: its one channel column would repeat
          // them, and the own figures over all channels stand beside them instead.
          const channels = channelName ? [] : cx.byChannel;
          const allPath = ['participation', 'allChannels', 'cx'];
          const groupRows: { key: string; label: string; groups: Groups; at: (...p: (string | number)[]) => ReturnType<typeof at> }[] =
            channelName
              ? [
                  { key: report.channel!, label: channelName, groups: cx.npsDistribution, at: (...p) => at('npsDistribution', ...p) },
                  ...(all
                    ? [
                        {
                          key: 'all',
                          label: t('report.allChannels'),
                          groups: all.npsDistribution,
                          at: (...p: (string | number)[]) => withheldAt(cells, [...allPath, 'npsDistribution', ...p]),
                        },
                      ]
                    : []),
                ]
              : [
                  ...channels.map((c, i) => ({
                    key: c.channel,
                    label: t(`domain.channel.${c.channel}`),
                    groups: c.npsDistribution,
                    at: (...p: (string | number)[]) => at('byChannel', i, 'npsDistribution', ...p),
                  })),
                  { key: 'all', label: t('report.allChannels'), groups: cx.npsDistribution, at: (...p) => at('npsDistribution', ...p) },
                ];
          const ownLabel = channelName
            ? t('cx.ownOnChannel', { own: report.own ? t('cx.own') : report.company.name, channel: channelName })
            : report.own
              ? t('cx.own')
              : report.company.name;
          const ownAllLabel = t('cx.ownAllChannels', { own: report.own ? t('cx.own') : report.company.name });
          const classLabel = channelName ? t('report.classMeanAllChannels') : t('cx.classMean');
          const meansTitle = channelName ? t('cx.meansNarrowedTitle', { channel: channelName }) : t('cx.meansTitle');
          return (
            <>
              <ChapterHeading title={t('cx.heading')} channel={report.channel && t(`domain.channel.${report.channel}`)} />
              <p className="explanation">{t('cx.intro')}</p>
              <TableScroll label={t('cx.heading')}>
                <table className="data-table cx-table">
                  <caption className="visually-hidden">{t('cx.heading')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cx.measure')}</th>
                      <th scope="col" className="num">
                        {ownLabel}
                      </th>
                      {all && (
                        <th scope="col" className="num">
                          {ownAllLabel}
                        </th>
                      )}
                      {cx.classMean && (
                        <th scope="col" className="num">
                          {classLabel}
                        </th>
                      )}
                      {channels.map((c) => (
                        <th scope="col" className="num" key={c.channel}>
                          {t(`domain.channel.${c.channel}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {MEASURES.map((m) => (
                      <tr key={m}>
                        <th scope="row">{t(`cx.${m}`)}</th>
                        <td className="num strong">
                          <Figure reason={at(m)}>
                            {formatMeasure(m, cx[m], locale)}
                            <AnswersCount count={cx[ANSWERS_OF[m]]} />
                          </Figure>
                        </td>
                        {all && (
                          <td className="num">
                            <Figure reason={withheldAt(cells, [...allPath, m])}>{formatMeasure(m, all[m], locale)}</Figure>
                          </td>
                        )}
                        {cx.classMean && <td className="num">{formatMeasure(m, cx.classMean[m], locale)}</td>}
                        {channels.map((c, i) => (
                          <td className="num" key={c.channel}>
                            <Figure reason={at('byChannel', i, m)}>
                              {formatMeasure(m, c[m], locale)}
                              <AnswersCount count={c[ANSWERS_OF[m]]} />
                            </Figure>
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <ul className="explanation cx-questions">
                <li>{t('cx.ves1Explained')}</li>
                <li>{t('cx.ves2Explained')}</li>
              </ul>
              <div className="figure-grid">
                <ChartFigure
                  title={meansTitle}
                  use={BARS}
                  height="18rem"
                  option={groupedBarsOption(
                    MEANS.map((m) => t(`cx.${m}`)),
                    [
                      { name: ownLabel, values: MEANS.map((m) => cx[m]), own: true },
                      ...(all ? [{ name: ownAllLabel, values: MEANS.map((m) => all[m]) }] : []),
                      ...(cx.classMean ? [{ name: classLabel, values: MEANS.map((m) => cx.classMean?.[m] ?? null) }] : []),
                    ],
                    {
                      title: meansTitle,
                      valueAxis: t('cx.meanAxis'),
                      locale,
                      titleInChart: false,
                      horizontal: true,
                      max: 7,
                      format: numberFormat(locale),
                      axisFormat: numberFormat(locale, 0),
                    },
                  )}
                  table={{
                    columns: [t('cx.measure'), ownLabel, ...(all ? [ownAllLabel] : []), ...(cx.classMean ? [classLabel] : [])],
                    rows: MEANS.map((m) => ({
                      key: m,
                      cells: [
                        t(`cx.${m}`),
                        formatMeasure(m, cx[m], locale),
                        ...(all ? [formatMeasure(m, all[m], locale)] : []),
                        ...(cx.classMean ? [formatMeasure(m, cx.classMean[m], locale)] : []),
                      ],
                    })),
                  }}
                />
                <ChartFigure
                  title={t('cx.npsTitle')}
                  use={BARS}
                  height="18rem"
                  option={groupedBarsOption(
                    groupRows.map((r) => r.label),
                    [
                      { name: t('cx.detractors'), values: groupRows.map((r) => share(r.groups.detractors, r.groups)), colour: '#D55E00' },
                      { name: t('cx.passives'), values: groupRows.map((r) => share(r.groups.passives, r.groups)), colour: '#8a94a3' },
                      { name: t('cx.promoters'), values: groupRows.map((r) => share(r.groups.promoters, r.groups)), colour: '#0072B2' },
                    ],
                    {
                      title: t('cx.npsTitle'),
                      valueAxis: t('areas.share'),
                      locale,
                      titleInChart: false,
                      horizontal: true,
                      stacked: true,
                      format: percentFormat(locale, 0),
                    },
                  )}
                  table={{
                    columns: [t('report.channel'), t('cx.detractors'), t('cx.passives'), t('cx.promoters'), t('cx.npsAxis')],
                    rows: groupRows.map((r) => ({
                      key: r.key,
                      cells: [
                        r.label,
                        <Figure
                          key="d"
                          reason={r.at('detractors')}
                        >{`${r.groups.detractors} (${formatPercent(share(r.groups.detractors, r.groups), 0, locale)})`}</Figure>,
                        <Figure
                          key="p"
                          reason={r.at('passives')}
                        >{`${r.groups.passives} (${formatPercent(share(r.groups.passives, r.groups), 0, locale)})`}</Figure>,
                        <Figure
                          key="r"
                          reason={r.at('promoters')}
                        >{`${r.groups.promoters} (${formatPercent(share(r.groups.promoters, r.groups), 0, locale)})`}</Figure>,
                        formatNumber(
                          r.groups.promoters !== null && r.groups.detractors !== null
                            ? share(r.groups.promoters - r.groups.detractors, r.groups)
                            : null,
                          0,
                          locale,
                        ),
                      ],
                    })),
                  }}
                />
              </div>
            </>
          );
        }}
      </ChapterState>
    </section>
  );
}

/** "4 svar" under a measure: how many answers it rests on (none where there were none). */
export function AnswersCount({ count }: { count: number | null | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (count === null || count === undefined || count === 0) return null;
  return <span className="answers-count">{t('cx.answers', { count, formatted: formatNumber(count, 0, locale) })}</span>;
}
