import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDITION_STATUSES, type EditionStatus } from '@ksp/shared/domain';

/**
 * The edition's status as a stepper (PLANNING → FIELDWORK → REVIEW → PUBLISHED) and the next step
 * as a button that first says in words what the step changes and asks to confirm.
 */
export function StatusSteps({ status, busy, onAdvance }: { status: EditionStatus; busy: boolean; onAdvance: (to: EditionStatus) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const at = EDITION_STATUSES.indexOf(status);
  const next = EDITION_STATUSES[at + 1];
  return (
    <div className="operations__status">
      <ol className="status-steps" aria-label={t('operations.status.label')}>
        {EDITION_STATUSES.map((s, i) => (
          <li
            key={s}
            className={i < at ? 'status-steps__done' : i === at ? 'status-steps__current' : undefined}
            aria-current={i === at ? 'step' : undefined}
          >
            {t(`operations.status.name.${s}`)}
          </li>
        ))}
      </ol>
      {next && !confirming && (
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={busy}>
          {t('operations.status.advance', { status: t(`operations.status.name.${next}`) })}
        </button>
      )}
      {next && confirming && (
        <div className="notice operations__confirm" role="alertdialog" aria-labelledby={headingId}>
          <p id={headingId}>
            <strong>{t('operations.status.confirmHeading', { status: t(`operations.status.name.${next}`) })}</strong>
          </p>
          <p>{t(`operations.status.effect.${next as Exclude<EditionStatus, 'PLANNING'>}`)}</p>
          <p className="operations__buttons">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onAdvance(next);
              }}
            >
              {t('operations.status.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('operations.status.cancel')}
            </button>
          </p>
        </div>
      )}
      {!next && <p>{t('operations.status.final')}</p>}
    </div>
  );
}
