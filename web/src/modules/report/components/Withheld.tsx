import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WithheldReason } from '../withheld';

/** The words in a cell whose figure the server withheld. */
export function Withheld({ reason, short = false }: { reason: WithheldReason; short?: boolean }) {
  const { t } = useTranslation();
  const text =
    reason === 'tooFew'
      ? short
        ? t('withheld.tooFewShort')
        : t('withheld.tooFew')
      : short
        ? t('withheld.forbiddenShort')
        : t('withheld.forbidden');
  return <span className="withheld">{text}</span>;
}

/** A formatted figure, or why it is missing. */
export function Figure({ reason, children }: { reason: WithheldReason | undefined; children: ReactNode }) {
  return reason ? <Withheld reason={reason} /> : <>{children}</>;
}
