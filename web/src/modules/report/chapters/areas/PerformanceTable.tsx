import { Fragment } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatGap, formatNumber, formatPercent } from '@ksp/shared/format/number';
import { classGap, sortByGap, type GapOrder } from '@ksp/shared/ranking/index';
import type { ScoredArea } from '@ksp/shared/domain';
import { useLocale } from '@web/app/i18n/useLocale';
import { CHAPTER_SEGMENT, reportPath } from '@web/app/paths';
import { TableScroll } from '@web/app/TableScroll';
import { useReport } from '../../hooks/useReport';
import { Figure } from '../../components/Withheld';
import type { WithheldLookup } from '../../withheld';
import type { AreaPerformance } from './documents';
import { Distribution } from './Distribution';

/** The performance whose distribution is open: `?prestasjon=CODE`. */
export const PERFORMANCE_PARAM = 'prestasjon';

/**
 * The area's performances: score, class figure and gap to it (own report), weight, answers, and
 * a button that opens the answer distribution below the row.
 */
export function PerformanceTable({
  area,
  areaName,
  performances,
  at,
  showGap,
  gapOrder,
  onSortByGap,
}: {
  area: ScoredArea;
  areaName: string;
  performances: AreaPerformance[];
  at: WithheldLookup;
  /** Whether the gap column is shown (own report, all channels). */
  showGap: boolean;
  gapOrder: GapOrder | null;
  onSortByGap: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [search, setSearch] = useSearchParams();
  const open = search.get(PERFORMANCE_PARAM) ?? undefined;
  // The class benchmark is not split by channel: narrowed, its figures say they are over all channels.
  const narrowed = report.channel !== undefined;
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  // The gap reads by arrow and sign; the colour only repeats it.
  const gapCell = (gap: number | null) => (
    <span className={gap === null ? undefined : gap < 0 ? 'gap gap--below' : gap > 0 ? 'gap gap--above' : 'gap'}>
      {formatGap(gap, locale)}
    </span>
  );
  const gapOf = (p: AreaPerformance) => (p.scored ? classGap(p.score, p.classScore) : null);
  const toggle = (code: string) => {
    const next = new URLSearchParams(search);
    if (open === code) next.delete(PERFORMANCE_PARAM);
    else next.set(PERFORMANCE_PARAM, code);
    setSearch(next, { preventScrollReset: true });
  };

  return (
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
                  <button
                    type="button"
                    className="sort-button"
                    data-sort={gapOrder === 'ascending' ? 'asc' : gapOrder === 'descending' ? 'desc' : 'none'}
                    onClick={onSortByGap}
                  >
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
            {(gapOrder ? sortByGap(performances, gapOf, gapOrder) : performances)
              .map((p) => ({ p, i: performances.indexOf(p) }))
              .map(({ p, i }) => (
                <Fragment key={p.code}>
                  <tr className={open === p.code ? 'is-open' : undefined}>
                    <th scope="row">{p.text}</th>
                    <td className="num">
                      {p.scored ? (
                        <Figure reason={at('performances', i, 'score')}>{pct(p.score)}</Figure>
                      ) : (
                        <span className="withheld">{t('areas.unscored')}</span>
                      )}
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
                          <Link
                            to={reportPath(
                              report.year,
                              report.company.slug,
                              CHAPTER_SEGMENT.responses,
                              new URLSearchParams({ ...(report.channel ? { kanal: report.channel } : {}), sporsmal: p.code }),
                            )}
                          >
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
      {report.own && (
        <p className="explanation">
          {t('areas.classFigureExplained')} {showGap ? t('areas.gapExplained') : t('areas.gapOnlyAllChannels')}
        </p>
      )}
    </section>
  );
}
