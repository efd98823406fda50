import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatPercent, type Locale } from '@ksp/shared/format/number';
import type { ResultRow } from '../graphql/documents';
import { sortRows, type Sort, type SortKey } from '../hooks/useResultList';
import { TableScroll } from '@web/app/TableScroll';
import { formatInterval, formatRankRange } from '@web/modules/insight/rankRange';

interface Props {
  rows: readonly ResultRow[];
  caption: string;
  /** A class is chosen: the rank shown is the rank within the class. */
  byClass: boolean;
  locale: Locale;
  busy: boolean;
  /** Last year's totals by company; undefined while loading. */
  lastYear?: ReadonlyMap<string, number> | undefined;
  sort?: Sort;
  onSort?: (key: SortKey) => void;
  /** The dashboard of a company the viewer may open, if any. */
  linkFor?: (slug: string) => string | undefined;
  /** The signed-in manager's company: its row stands out. */
  ownSlug?: string | undefined;
}

const COLLATOR_LOCALE: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A signed change in percentage points, `+0,98` / `−1,20`, with an arrow that is not the only sign. */
function Change({ value, locale }: { value: number | undefined; locale: Locale }) {
  if (value === undefined) return <>–</>;
  const text = `${value > 0 ? '+' : ''}${formatNumber(value, 2, locale)}`;
  return (
    <>
      <span aria-hidden="true" className="change-arrow">
        {value > 0.005 ? '▲' : value < -0.005 ? '▼' : ''}
      </span>{' '}
      {text}
    </>
  );
}

/**
 * A second line under the rank and the total, shown only where the table is narrow (styles.css):
 * there the rank interval and the total's interval move under the figure they qualify instead of
 * taking two columns of their own, which pushed last year and the change out of sight at tablet
 * width. Hidden, it is not read either; on a wide screen the columns say it.
 */
function Narrow({ children }: { children: ReactNode }) {
  return <span className="narrow-line">{children}</span>;
}

export function ResultTable({ rows, caption, byClass, locale, busy, lastYear, sort, onSort, linkFor, ownSlug }: Props) {
  const { t } = useTranslation();
  const sorted = useMemo(
    () => sortRows(rows, byClass, new Intl.Collator(COLLATOR_LOCALE[locale]), sort, lastYear),
    [rows, byClass, locale, sort, lastYear],
  );
  const showLastYear = lastYear !== undefined && lastYear.size > 0;
  // The rank interval beside the published rank: over the class when a class is chosen, as the rank is.
  const rankRangeText = ({ uncertainty: u }: ResultRow) => {
    const range = byClass ? formatRankRange(u.classRankLow, u.classRankHigh, locale) : formatRankRange(u.rankLow, u.rankHigh, locale);
    return range === null ? '–' : t('uncertainty.rankRange', { range });
  };
  const intervalText = ({ uncertainty: u }: ResultRow) => formatInterval(u.low, u.high, locale) ?? '–';
  const header = (key: SortKey, label: string, className: string, narrow?: string) => {
    const active = sort?.key === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
        {onSort ? (
          // The arrow is drawn by CSS (data-sort); aria-sort on the header tells assistive technology.
          <button
            type="button"
            className="sort-button"
            data-sort={active ? (sort.descending ? 'desc' : 'asc') : 'none'}
            onClick={() => onSort(key)}
          >
            {label}
          </button>
        ) : (
          label
        )}
        {narrow && <Narrow>{narrow}</Narrow>}
      </th>
    );
  };
  return (
    <TableScroll label={caption}>
      <table className="result-table" aria-busy={busy}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header(
              'rank',
              byClass ? t('resultList.columns.classRank') : t('resultList.columns.rank'),
              'col-rank',
              t('uncertainty.columnRankRange'),
            )}
            <th scope="col" className="col-rank-range">
              {t('uncertainty.columnRankRange')}
            </th>
            {header('company', t('resultList.columns.company'), 'col-company')}
            <th scope="col" className="col-class">
              {t('resultList.columns.className')}
            </th>
            {header('total', t('resultList.columns.total'), 'col-total', t('uncertainty.columnInterval'))}
            <th scope="col" className="col-interval">
              {t('uncertainty.columnInterval')}
            </th>
            {showLastYear && header('lastYear', t('resultList.columns.lastYear'), 'col-last')}
            {showLastYear && header('change', t('resultList.columns.change'), 'col-change')}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const last = lastYear?.get(row.company.slug);
            const link = linkFor?.(row.company.slug);
            return (
              <tr key={row.company.slug} className={row.company.slug === ownSlug ? 'is-own' : undefined}>
                <td className="col-rank">
                  {formatNumber(byClass ? row.classRank : row.rank, 0, locale)}
                  <Narrow>{rankRangeText(row)}</Narrow>
                </td>
                <td className="col-rank-range">{rankRangeText(row)}</td>
                <th scope="row" className="col-company">
                  {link ? <Link to={link}>{row.company.name}</Link> : row.company.name}
                  {row.company.slug === ownSlug && <span className="own-tag"> ({t('resultList.own')})</span>}
                </th>
                <td className="col-class">{row.className}</td>
                <td className="col-total">
                  {formatPercent(row.total, 2, locale)}
                  <Narrow>{intervalText(row)}</Narrow>
                </td>
                <td className="col-interval">{intervalText(row)}</td>
                {showLastYear && <td className="col-last">{formatPercent(last, 2, locale)}</td>}
                {showLastYear && (
                  <td className="col-change">
                    <Change value={last === undefined ? undefined : row.total - last} locale={locale} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
