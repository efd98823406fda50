import { useTranslation } from 'react-i18next';
import { formatPercent } from '@ksp/shared/format/number';
import { useLocale } from '@web/app/i18n/useLocale';
import { Figure } from '../../components/Withheld';
import type { WithheldLookup } from '../../withheld';
import type { AreaScore } from './documents';

/** The area's headline figures: its score, the class mean, and its score on each channel. */
export function AreaHeadline({
  areaName,
  own,
  classMeanLabel,
  at,
}: {
  areaName: string;
  own: AreaScore;
  classMeanLabel: string;
  at: WithheldLookup;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pct = (v: number | null | undefined) => formatPercent(v, 2, locale);
  const bench = own.classBenchmark;
  return (
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
      {own.byChannel.map((c, i) => (
        <div className="kpi" key={c.channel}>
          <dt>{t(`domain.channel.${c.channel}`)}</dt>
          <dd>
            <Figure reason={at('areas', 0, 'byChannel', i, 'score')}>{pct(c.score)}</Figure>
          </dd>
        </div>
      ))}
    </dl>
  );
}
