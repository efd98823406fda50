import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatNumber, formatPercent } from '@ksp/shared/format/number';
import type { ScoredArea } from '@ksp/shared/domain';
import { useLocale } from '@web/app/i18n/useLocale';
import { ErrorMessage } from '@web/app/ErrorMessage';
import { reportVariables, useReport } from '../../hooks/useReport';
import { Figure } from '../../components/Withheld';
import { withheldAt, withheldCells } from '../../withheld';
import { DistributionDocument } from './documents';

/** The answer distribution of one performance, fetched when it is opened. */
export function Distribution({ area, code }: { area: ScoredArea; code: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const report = useReport();
  const [result, reexecute] = useQuery({ query: DistributionDocument, variables: { ...reportVariables(report), area } });
  const cells = useMemo(() => withheldCells(result.error), [result.error]);
  const performances = result.data?.participation?.report?.performances;
  const index = performances?.findIndex((p) => p.code === code) ?? -1;
  const performance = performances?.[index];
  if (!performance) {
    if (result.error && !result.data)
      return <ErrorMessage error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return (
      <p className="notice" role="status">
        {t('report.loadingChapter')}
      </p>
    );
  }
  const at = (...path: (string | number)[]) => withheldAt(cells, ['participation', 'report', 'performances', index, ...path]);
  return (
    <table className="data-table distribution">
      <caption>{t('areas.distribution', { text: performance.text })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('areas.option')}</th>
          <th scope="col" className="num">
            {t('areas.points')}
          </th>
          <th scope="col" className="num">
            {t('areas.count')}
          </th>
          <th scope="col">{t('areas.share')}</th>
        </tr>
      </thead>
      <tbody>
        {performance.options.map((o, i) => (
          <tr key={o.code}>
            <th scope="row">
              {o.label}
              {o.notApplicable && <span className="withheld"> ({t('areas.notApplicable')})</span>}
            </th>
            <td className="num">{o.points ?? '–'}</td>
            <td className="num">
              <Figure reason={at('options', i, 'count')}>{formatNumber(o.count, 0, locale)}</Figure>
            </td>
            <td className="share-cell">
              <Figure reason={at('options', i, 'share')}>
                <span className="share-bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(0, Math.min(100, o.share ?? 0))}%` }} />
                </span>
                {formatPercent(o.share, 1, locale)}
              </Figure>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
