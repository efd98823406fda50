import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '@ksp/shared/format/number';
import { useLocale } from '@web/app/i18n/useLocale';
import { formatRankRange } from './rankRange';

/** The uncertainty of a published total as the API gives it (ResultRow.uncertainty, Report.uncertainty). */
export interface RankCertaintyUncertainty {
  low?: number | null;
  high?: number | null;
  rankLow?: number | null;
  rankHigh?: number | null;
  classRankLow?: number | null;
  classRankHigh?: number | null;
  tiedWith?: readonly { slug: string; name: string }[];
}

export interface RankCertaintyProps {
  /** The published total, over all channels. */
  total: number;
  uncertainty: RankCertaintyUncertainty;
  /** The published rank over the edition and the number of participants ranked. */
  rank?: { rank: number; count: number };
  /** The published rank within the class, the class's size and its name. */
  classRank?: { rank: number; count: number; className: string };
  /** A heading level for "How sure is the result?"; none to leave the heading to the page. */
  headingLevel?: 2 | 3;
}

/**
 * How sure a total and its ranks are, in words (domain.md "Uncertainty"): the 95 % interval of
 * the total, the rank interval over the edition and over the class, and who it is statistically
 * tied with. Reusable: the overview shows it, and the insight page can.
 */
export function RankCertainty({ total, uncertainty: u, rank, classRank, headingLevel = 3 }: RankCertaintyProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const pct = (v: number) => formatPercent(v, 2, locale);
  const range = formatRankRange(u.rankLow, u.rankHigh, locale);
  const classRange = formatRankRange(u.classRankLow, u.classRankHigh, locale);
  const hasInterval = typeof u.low === 'number' && typeof u.high === 'number';
  return (
    <section className="rank-certainty" aria-label={t('uncertainty.heading')}>
      <Heading className="rank-certainty__heading">{t('uncertainty.heading')}</Heading>
      {!hasInterval ? (
        <p>{t('uncertainty.none')}</p>
      ) : (
        <>
          <p>{t('uncertainty.interval', { total: pct(total), low: pct(u.low!), high: pct(u.high!) })}</p>
          {rank && range && (
            <p>
              {t('uncertainty.rank', {
                rank: formatNumber(rank.rank, 0, locale),
                count: formatNumber(rank.count, 0, locale),
                range,
              })}
            </p>
          )}
          {classRank && classRange && (
            <p>
              {t('uncertainty.classRank', {
                rank: formatNumber(classRank.rank, 0, locale),
                count: formatNumber(classRank.count, 0, locale),
                className: classRank.className,
                range: classRange,
              })}
            </p>
          )}
          {u.tiedWith && (
            <p>
              {u.tiedWith.length > 0
                ? t('uncertainty.tiedWith', { names: u.tiedWith.map((c) => c.name).join(', ') })
                : t('uncertainty.tiedWithNone')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
