import { Fragment, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatGap, formatNumber, formatPercent } from '@ksp/shared/format/number';
import { classGap, sortByGap, type GapOrder } from '@ksp/shared/ranking/index';
import { groupedBarsOption, heatmapOption, heatmapWithFigures, rankedBarsOption, type HeatmapCell } from '@ksp/shared/charts/index';
import type { Channel, ScoredArea } from '@ksp/shared/domain';
import { useLocale } from '../../../../app/i18n/useLocale';
import { BARS } from '../../../../app/charts/bars';
import { HEATMAP } from '../../../../app/charts/heatmap';
import { CHAPTER_SEGMENT, parseArea, reportPath } from '../../../../app/paths';
import { NotFoundPage } from '../../../../app/NotFoundPage';
import { reportVariables, useReport } from '../../hooks/useReport';
import { ChapterHeading, ChapterState } from '../../components/ChapterState';
import { ChartFigure } from '../../components/ChartFigure';
import { Figure, Withheld } from '../../components/Withheld';
import { withheldAt, withheldCells } from '../../withheld';
import { AreaDocument } from './documents';
import { Distribution } from './Distribution';
import { TableScroll } from '../../../../app/TableScroll';

/** The performance whose distribution is open: `?prestasjon=CODE`. */
export const PERFORMANCE_PARAM = 'prestasjon';

/** Chapter 2, one page per area: against the class, per channel, per performance, performance × channel. */
export default function Areas() {
  const { area: areaParam } = useParams<{ area: string }>();
  const area = parseArea(areaParam);
  return area ? <AreaPage area={area} /> : <NotFoundPage />;
}

function AreaPage({ area }: { area: ScoredArea }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [search, setSearch] = useSearchParams();
  const open = search.get(PERFORMANCE_PARAM) ?? undefined;
  // Questionnaire order until the manager sorts by the gap to the class: furthest below first,
  // then furthest above, then back to questionnaire order.
  // The class figure is over all channels (domain.md): narrowed to a channel, a gap would set a
  // channel's score against all channels as if alike, so it is shown for the whole report only.
  const showGap = report.own && !report.channel;
  const [gapOrder, setGapOrder] = useState<GapOrder | null>(null);
  const nextGapOrder = () => setGapOrder((o) => (o === null ? 'ascending' : o === 'ascending' ? 'descending' : null));
  const [result, reexecute] = useQuery({ query: AreaDocument, variables: { ...reportVariables(report), area, own: report.own } });
  const data = result.data?.participation?.report;
  const cells = useMemo(() => withheldCells(result.error), [result.error]);
  const at = (...path: (string | number)[]) => withheldAt(cells, ['participation', 'report', ...path]);
  const areaName = t(`domain.area.${area}`);

  useEffect(() => {
    document.title = t('report.documentTitle', { chapter: areaName, company: report.company.name, year: report.year });
  }, [t, report, areaName]);

  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  // The gap reads by arrow and sign; the colour only repeats it.
  const gapCell = (gap: number | null) => (
    <span className={gap === null ? undefined : gap < 0 ? 'gap gap--below' : gap > 0 ? 'gap gap--above' : 'gap'}>{formatGap(gap, locale)}</span>
  );
  const toggle = (code: string) => {
    const next = new URLSearchParams(search);
    if (open === code) next.delete(PERFORMANCE_PARAM);
    else next.set(PERFORMANCE_PARAM, code);
    setSearch(next, { preventScrollReset: true });
  };

  return (
    <section aria-labelledby="chapter-heading">
      <ChapterState data={data} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })}>
        {() => {
          if (!data) return null;
          const own = data.areas[0];
          if (!own) return <p className="notice">{t('report.noData')}</p>;
          const channels = own.byChannel;
          const scored = data.performances.filter((p) => p.scored);
          const columns: Channel[] = [...new Set(scored.flatMap((p) => p.byChannel.map((c) => c.channel as Channel)))].sort(
            (a, b) => report.channels.indexOf(a) - report.channels.indexOf(b),
          );
          const bench = own.classBenchmark;
          // The class benchmark is not split by channel: narrowed, its figures say they are over all channels.
          const narrowed = report.channel !== undefined;
          const classMeanLabel = narrowed ? t('report.classMeanAllChannels') : t('report.classMean');
          const againstClass = t(narrowed ? 'areas.againstClassAllChannels' : 'areas.againstClass', { area: areaName, company: report.company.name });
          const gapOf = (p: (typeof data.performances)[number]) => (p.scored ? classGap(p.score, p.classScore) : null);
          // A performance on a channel: absent where the question does not apply there ("–"), and
          // why it is missing only where the server withheld it (a competitor's small cell).
          const onChannel = (p: (typeof scored)[number], c: Channel) => {
            const j = p.byChannel.findIndex((b) => b.channel === c);
            return { cell: p.byChannel[j], reason: j < 0 ? undefined : at('performances', data.performances.indexOf(p), 'byChannel', j, 'score') };
          };
          const heatmapCell = (p: (typeof scored)[number], c: Channel): HeatmapCell => {
            const { cell, reason } = onChannel(p, c);
            if (!cell) return null;
            return reason ? t(reason === 'tooFew' ? 'withheld.tooFewShort' : 'withheld.forbiddenShort') : cell.score;
          };
          // Rows by short label (full text in the tooltip and table); a channel the company was not
          // tested on, and a question asked only there, are left out rather than shown as all "–".
          const heat = heatmapWithFigures(scored, columns, scored.map((p) => columns.map((c) => heatmapCell(p, c))));
          return (
            <>
              <ChapterHeading title={areaName} channel={report.channel && t(`domain.channel.${report.channel}`)} />
              <dl className="kpis">
                <div className="kpi kpi--main">
                  <dt>{areaName}</dt>
                  <dd>
                    <Figure reason={at('areas', 0, 'score')}>{pct(own.score)}</Figure>
                  </dd>
                </div>
                {bench && (
                  <div className="kpi">
                    <dt>{classMeanLabel}</dt>
                    <dd>{pct(bench.mean)}</dd>
                  </div>
                )}
                {channels.map((c, i) => (
                  <div className="kpi" key={c.channel}>
                    <dt>{t(`domain.channel.${c.channel}`)}</dt>
                    <dd>
                      <Figure reason={at('areas', 0, 'byChannel', i, 'score')}>{pct(c.score)}</Figure>
                    </dd>
                  </div>
                ))}
              </dl>

              <div className="figure-grid">
                {bench && (
                  <ChartFigure
                    title={againstClass}
                    use={BARS}
                    height={`${Math.max(12, bench.members.length * 2 + 5)}rem`}
                    option={rankedBarsOption(
                      bench.members.map((m) => ({ label: m.company.name, value: m.score, own: m.company.slug === report.company.slug })),
                      bench.mean,
                      { title: againstClass, valueAxis: t('report.scorePercent'), meanLabel: classMeanLabel, locale, titleInChart: false },
                    )}
                    table={{
                      columns: [t('report.company'), t('report.score')],
                      rows: [...bench.members]
                        .sort((a, b) => (b.score ?? -1) - (a.score ?? -1))
                        .map((m) => ({ key: m.company.slug, cells: [m.company.slug === report.company.slug ? <strong key="n">{m.company.name}</strong> : m.company.name, pct(m.score)] })),
                    }}
                  />
                )}
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
                    rows: channels.map((c, i) => ({ key: c.channel, cells: [t(`domain.channel.${c.channel}`), <Figure key="v" reason={at('areas', 0, 'byChannel', i, 'score')}>{pct(c.score)}</Figure>] })),
                  }}
                />
              </div>

              <section aria-labelledby="performances-heading" className="performances">
                <h3 id="performances-heading">{t('areas.performances', { area: areaName })}</h3>
                <TableScroll label={t('areas.performances', { area: areaName })}>
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('areas.performance')}</th>
                        <th scope="col" className="num">
                          {t('report.score')}
                        </th>
                        {report.own && (
                          <th scope="col" className="num">
                            {narrowed ? t('report.classFigureAllChannels') : t('areas.classFigure')}
                          </th>
                        )}
                        {showGap && (
                          <th scope="col" className="num" aria-sort={gapOrder ?? undefined}>
                            {/* The arrow is drawn by CSS (data-sort); aria-sort on the header tells assistive technology. */}
                            <button type="button" className="sort-button" data-sort={gapOrder === 'ascending' ? 'asc' : gapOrder === 'descending' ? 'desc' : 'none'} onClick={nextGapOrder}>
                              {t('areas.gap')}
                            </button>
                          </th>
                        )}
                        <th scope="col" className="num">
                          {t('areas.weight')}
                        </th>
                        <th scope="col" className="num">
                          {t('areas.answers')}
                        </th>
                        <th scope="col">
                          <span className="visually-hidden">{t('areas.open')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {(gapOrder ? sortByGap(data.performances, gapOf, gapOrder) : data.performances).map((p) => ({ p, i: data.performances.indexOf(p) })).map(({ p, i }) => (
                        <Fragment key={p.code}>
                          <tr className={open === p.code ? 'is-open' : undefined}>
                            <th scope="row">{p.text}</th>
                            <td className="num">
                              {p.scored ? <Figure reason={at('performances', i, 'score')}>{pct(p.score)}</Figure> : <span className="withheld">{t('areas.unscored')}</span>}
                            </td>
                            {report.own && <td className="num">{p.scored ? pct(p.classScore) : '–'}</td>}
                            {showGap && <td className="num">{gapCell(gapOf(p))}</td>}
                            <td className="num">{p.maxPoints ?? '–'}</td>
                            <td className="num">
                              <Figure reason={at('performances', i, 'answers')}>{formatNumber(p.answers, 0, locale)}</Figure>
                            </td>
                            <td>
                              <button type="button" className="button button--small" aria-expanded={open === p.code} onClick={() => toggle(p.code)}>
                                {t('areas.open')}
                              </button>
                            </td>
                          </tr>
                          {open === p.code && (
                            <tr className="distribution-row">
                              <td colSpan={5 + (report.own ? 1 : 0) + (showGap ? 1 : 0)}>
                                <Distribution area={area} code={p.code} />
                                {report.own && (
                                  <Link to={reportPath(report.year, report.company.slug, CHAPTER_SEGMENT.responses, new URLSearchParams({ ...(report.channel ? { kanal: report.channel } : {}), sporsmal: p.code }))}>
                                    {t('areas.seeResponses')}
                                  </Link>
                                )}
                              </td>
                            </tr>
                          )}
                        </Fragment>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                {report.own && <p className="explanation">{t('areas.classFigureExplained')} {showGap ? t('areas.gapExplained') : t('areas.gapOnlyAllChannels')}</p>}
              </section>

              {heat.rows.length > 0 && heat.columns.length > 0 && (
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
                      cells: [p.text, ...heat.columns.map((c) => {
                        const { cell, reason } = onChannel(p, c);
                        if (!cell) return '–';
                        return reason ? <Withheld key={c} reason={reason} short /> : `${pct(cell.score)} (${formatNumber(cell.answers, 0, locale)})`;
                      })],
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
