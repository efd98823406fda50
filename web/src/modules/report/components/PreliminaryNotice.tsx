import { useTranslation } from 'react-i18next';
import type { EditionStatus } from '@web/graphql/generated/graphql';

/** Whether an edition's results are still moving: staff open its report during fieldwork and review. */
export const isPreliminary = (status: EditionStatus | null | undefined): status is 'FIELDWORK' | 'REVIEW' =>
  status === 'FIELDWORK' || status === 'REVIEW';

/**
 * Above every view of an unpublished edition's report: the figures are live (only approved
 * responses count) and will change, so nobody mistakes them for the published result.
 */
export function PreliminaryNotice({ edition, status }: { edition: string; status: EditionStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!isPreliminary(status)) return null;
  return (
    <p className="notice notice--warning" role="note">
      <strong>{t('report.preliminary', { edition, phase: t(`report.phase.${status}`) })}</strong>
    </p>
  );
}
