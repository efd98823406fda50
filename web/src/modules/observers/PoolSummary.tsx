import { useTranslation } from 'react-i18next';
import { formatNumber } from '@ksp/shared/format/number';
import type { ObserverPoolQuery } from '../../graphql/generated/graphql';
import { useLocale } from '../../app/i18n/useLocale';

type Pool = ObserverPoolQuery['observers'];

/** The whole pool at a glance: how many, how many pass the quality threshold, and who is free in each fieldwork week. */
export function PoolSummary({ pool }: { pool: Pool }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, 0, locale);
  const { summary } = pool;
  return (
    <div className="pool-summary">
      <p>
        {t('observers.summary', {
          count: summary.observers,
          formatted: n(summary.observers),
          passing: n(summary.passingQuality),
          threshold: n(pool.minQualityScore),
        })}
      </p>
      {summary.weeks.length > 0 ? (
        <ul className="pool-summary__weeks">
          {summary.weeks.map((w) => (
            <li key={w.week}>{t('observers.weekSummary', { week: w.week, available: n(w.available), passing: n(w.availablePassing) })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('observers.noWeeks')}</p>
      )}
    </div>
  );
}
