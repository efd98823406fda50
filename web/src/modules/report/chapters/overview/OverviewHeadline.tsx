import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '@ksp/shared/format/number';
import { useLocale } from '@web/app/i18n/useLocale';
import { useReport } from '../../hooks/useReport';
import { Figure } from '../../components/Withheld';
import type { WithheldLookup } from '../../withheld';
import type { ClassRanks, OverviewAllChannels, OverviewReport } from './documents';

/**
 * The headline figures: the total (narrowed: on the channel, and over all channels), the rank
 * overall and in the class, the class mean, and last year's total with the change since.
 */
export function OverviewHeadline({
  data,
  all,
  ranks,
  channelName,
  classMeanLabel,
  at,
  atAll,
}: {
  data: OverviewReport;
  all: OverviewAllChannels;
  ranks: ClassRanks | undefined;
  /** The channel the report is narrowed to, by name; undefined over all channels. */
  channelName: string | undefined;
  classMeanLabel: string;
  at: WithheldLookup;
  atAll: WithheldLookup;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  const narrowed = channelName !== undefined;
  const row = ranks?.resultList.find((r) => r.company.slug === report.company.slug);
  const classCount = ranks?.resultList.length;
  const change = typeof data.total === 'number' && typeof data.lastYearTotal === 'number' ? data.total - data.lastYearTotal : undefined;
  // Narrowed, last year's total on this channel is missing also when the company took part
  // but was not tested on the channel: that is not "did not take part".
  const lastYearMissing =
    narrowed && typeof all?.lastYearTotal === 'number'
      ? t('overview.notTestedLastYear', { channel: channelName })
      : t('overview.noLastYear');
  return (
    <dl className="kpis">
      <div className="kpi kpi--main">
        <dt>{narrowed ? t('overview.totalOnChannel', { channel: channelName }) : t('overview.total')}</dt>
        <dd>
          <Figure reason={at('total')}>{pct(data.total)}</Figure>
        </dd>
      </div>
      {narrowed && (
        <div className="kpi">
          <dt>{t('overview.totalAllChannels')}</dt>
          <dd>
            <Figure reason={atAll('total')}>{pct(all?.total)}</Figure>
          </dd>
        </div>
      )}
      <div className="kpi">
        <dt>{narrowed ? t('overview.rankAllChannels') : t('overview.rank')}</dt>
        <dd>
          {row ? (
            t('overview.rankOf', { rank: formatNumber(row.rank, 0, locale), count: formatNumber(ranks?.everyone.length ?? 0, 0, locale) })
          ) : (
            <span className="kpi__note">{t('overview.rankUnknown')}</span>
          )}
        </dd>
      </div>
      <div className="kpi">
        <dt>{narrowed ? t('overview.classRankAllChannels') : t('overview.classRank')}</dt>
        <dd>
          {row && classCount
            ? t('overview.rankOf', { rank: formatNumber(row.classRank, 0, locale), count: formatNumber(classCount, 0, locale) })
            : '–'}
        </dd>
      </div>
      <div className="kpi">
        <dt>{classMeanLabel}</dt>
        <dd>
          <Figure reason={at('classMean')}>{pct(data.classMean)}</Figure>
        </dd>
      </div>
      <div className="kpi">
        <dt>{narrowed ? t('overview.lastYearOnChannel', { channel: channelName }) : t('overview.lastYear')}</dt>
        <dd>
          <Figure reason={at('lastYearTotal')}>
            {data.lastYearTotal === null ? <span className="kpi__note">{lastYearMissing}</span> : pct(data.lastYearTotal)}
          </Figure>
          {change !== undefined && (
            <span className="kpi__change">
              <span aria-hidden="true">{change > 0 ? '▲ ' : change < 0 ? '▼ ' : ''}</span>
              {t('overview.points', { value: `${change > 0 ? '+' : ''}${formatNumber(change, 2, locale)}` })}
            </span>
          )}
        </dd>
      </div>
    </dl>
  );
}
