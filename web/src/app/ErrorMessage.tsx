import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { badInputMessage, errorKind } from './errors';

interface Props {
  error: CombinedError;
  onRetry?: () => void;
}

/** An error a person understands, with a way to try again where trying again can help. */
export function ErrorMessage({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const kind = errorKind(error);
  const text = kind === 'badInput' ? t('errors.badInput', { message: badInputMessage(error) }) : t(`errors.${kind}`);
  return (
    <div className="notice notice--error" role="alert">
      <p>{text}</p>
      {onRetry && kind !== 'forbidden' && kind !== 'notFound' && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
