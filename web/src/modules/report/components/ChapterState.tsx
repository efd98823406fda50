import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { NoDataYet } from '@web/app/NoDataYet';
import { onlyWithheld } from '../withheld';

/**
 * A chapter's loading and error states in words. With data (even partial, some cells
 * withheld) the chapter renders what it got; without, it says why.
 */
export function ChapterState({
  data,
  error,
  retry,
  children,
}: {
  data: unknown;
  error: CombinedError | undefined;
  retry: () => void;
  children: () => ReactNode;
}) {
  const { t } = useTranslation();
  if (data) {
    // Partial data: withheld cells are marked where they stand; any other failure is said once on top.
    return (
      <>
        {error && !onlyWithheld(error) && (
          <p className="notice notice--error" role="alert">
            {t('report.partial')}
          </p>
        )}
        {children()}
      </>
    );
  }
  return <NoDataYet error={error} retry={retry} loading={t('report.loadingChapter')} level={2} />;
}

/** The chapter's heading and, when narrowed, which channel it shows. */
export function ChapterHeading({ title, channel }: { title: string; channel?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="chapter-heading">
      <h2 id="chapter-heading">{title}</h2>
      {channel && <span className="badge">{t('report.narrowedTo', { channel })}</span>}
    </div>
  );
}
