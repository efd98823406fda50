import { useTranslation } from 'react-i18next';
import { formatNumber } from '@ksp/shared/format/number';
import type { ObserverPoolQuery } from '../../graphql/generated/graphql';
import { useLocale } from '../../app/i18n/useLocale';
import { TableScroll } from '../../app/TableScroll';

type Pool = ObserverPoolQuery['observers'];
type Item = Pool['items'][number];

/** The page of observers: one row each, a column per fieldwork week, conflicts opening to their companies. */
export function PoolTable({ pool, caption }: { pool: Pool; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <TableScroll label={caption}>
      <table className="data-table pool-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('observers.columns.id')}</th>
            <th scope="col">{t('observers.columns.name')}</th>
            <th scope="col">{t('observers.columns.gender')}</th>
            <th scope="col">{t('observers.columns.ageBand')}</th>
            <th scope="col">{t('observers.columns.region')}</th>
            <th scope="col" className="num">
              {t('observers.columns.quality')}
            </th>
            {pool.fieldworkWeeks.map((w) => (
              <th scope="col" key={w} className="num">
                {t('observers.columns.week', { week: w })}
              </th>
            ))}
            <th scope="col">{t('observers.columns.conflicts')}</th>
            <th scope="col" className="num">
              {t('observers.columns.assignments')}
            </th>
          </tr>
        </thead>
        <tbody>
          {pool.items.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.id}</th>
              <td>{o.name ?? '–'}</td>
              <td>{t(`domain.gender.${o.gender}`)}</td>
              <td>{o.ageBand}</td>
              <td>{o.region ?? '–'}</td>
              <td className="num">
                {formatNumber(o.qualityScore, o.qualityScore !== null && !Number.isInteger(o.qualityScore) ? 2 : 0, locale)}{' '}
                <span className={o.passesQuality ? 'pool-table__pass' : 'pool-table__fail'}>
                  {o.passesQuality ? t('observers.passes') : t('observers.fails')}
                </span>
              </td>
              {o.availability.map((a) => (
                <td key={a.week} className="num">
                  <span aria-hidden="true">{a.available ? '✓' : '✗'}</span>
                  <span className="visually-hidden">{a.available ? t('observers.available') : t('observers.unavailable')}</span>
                </td>
              ))}
              <td>
                <Conflicts observer={o} />
              </td>
              <td className="num">{formatNumber(o.assignments, 0, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The count, opening (a disclosure: works by touch and keyboard, not only on hover) to the companies and why. */
function Conflicts({ observer }: { observer: Item }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (observer.conflicts.length === 0) return <>0</>;
  return (
    <details className="pool-table__conflicts">
      <summary>{formatNumber(observer.conflicts.length, 0, locale)}</summary>
      <ul>
        {observer.conflicts.map((c) => (
          <li key={c.company.slug}>
            {c.company.name}: {c.reasons.map((r) => t(`observers.reason.${r}`)).join(', ')}
          </li>
        ))}
      </ul>
    </details>
  );
}
