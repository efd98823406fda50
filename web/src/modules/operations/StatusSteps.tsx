import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { EDITION_STATUSES, type EditionStatus } from '@ksp/shared/domain';
import { badInputMessage } from '../../app/errors';
import { refusedRule } from '../../app/fieldProblems';
import { reviewPath } from './paths';

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

/**
 * Why a step was refused. Publishing past unreviewed responses says how many wait and leads to
 * the review, where they are dealt with; any other refusal as the server words it.
 */
export function StepRefusal({ error, year }: { error: CombinedError; year: number }) {
  const { t } = useTranslation();
  if (refusedRule(error) === 'UNREVIEWED_RESPONSES') {
    const ext = error.graphQLErrors.find((g) => g.extensions?.['rule'] === 'UNREVIEWED_RESPONSES')?.extensions ?? {};
    const submitted = Number(ext['submitted'] ?? 0);
    const returned = Number(ext['returned'] ?? 0);
    return (
      <div className="notice notice--error" role="alert">
        <p>
          {t('operations.status.unreviewed.waiting', { count: submitted })}
          {returned > 0 && ` ${t('operations.status.unreviewed.returned', { count: returned })}`}
        </p>
        <p>
          <Link to={reviewPath(year)}>{t('operations.status.unreviewed.link')}</Link>
        </p>
      </div>
    );
  }
  return (
    <p className="notice notice--error" role="alert">
      {badInputMessage(error) || t('errors.generic')}
    </p>
  );
}
