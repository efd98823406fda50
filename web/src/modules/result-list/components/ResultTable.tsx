import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, type Locale } from '@ksp/shared/format/number';
import type { ResultRow } from '../graphql/documents';
import { sortRows } from '../hooks/useResultList';

interface Props {
  rows: readonly ResultRow[];
  caption: string;
  /** A class is chosen: the rank shown is the rank within the class. */
  byClass: boolean;
  locale: Locale;
  busy: boolean;
}

const COLLATOR_LOCALE: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

export function ResultTable({ rows, caption, byClass, locale, busy }: Props) {
  const { t } = useTranslation();
  const sorted = useMemo(
    () => sortRows(rows, byClass, new Intl.Collator(COLLATOR_LOCALE[locale])),
    [rows, byClass, locale],
  );
  return (
    <div className="table-scroll">
      <table className="result-table" aria-busy={busy}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-rank">
              {byClass ? t('resultList.columns.classRank') : t('resultList.columns.rank')}
            </th>
            <th scope="col" className="col-company">
              {t('resultList.columns.company')}
            </th>
            <th scope="col" className="col-class">
              {t('resultList.columns.className')}
            </th>
            <th scope="col" className="col-total">
              {t('resultList.columns.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.company.slug}>
              <td className="col-rank">{formatNumber(byClass ? row.classRank : row.rank, 0, locale)}</td>
              <th scope="row" className="col-company">
                {row.company.name}
              </th>
              <td className="col-class">{row.className}</td>
              <td className="col-total">{formatPercent(row.total, 2, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
