import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatShortDate } from '@ksp/shared/format/date';
import { useLocale } from '@web/app/i18n/useLocale';
import { responsePath } from '@web/app/paths';
import type { OverviewReport } from './documents';

type Corrections = NonNullable<OverviewReport['corrections']>;

/**
 * The own report says that responses were changed after publication, and when last: the
 * result moved since it was published. Each correction (newest first, as the server sends them)
 * opens the response it changed.
 */
export function CorrectionsNotice({ corrections, year, company }: { corrections: Corrections; year: number; company: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const latest = corrections[0];
  if (!latest) return null;
  return (
    <div className="notice notice--warning corrections" role="note">
      <p>
        <strong>{t('corrections.notice', { count: corrections.length, date: formatShortDate(latest.at, locale) })}</strong>
      </p>
      <details>
        <summary>{t('corrections.show')}</summary>
        <ul className="corrections__list">
          {corrections.map((c, i) => (
            <li key={`${c.inquiryId}-${c.at}-${i}`}>
              <span>{formatShortDate(c.at, locale)}</span>{' '}
              <Link to={responsePath(year, company, c.inquiryId)}>{t('responses.inquiry', { id: c.inquiryId })}</Link>
              {': '}
              <span>{c.reason}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
