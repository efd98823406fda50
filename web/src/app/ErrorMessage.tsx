import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { badInputDetail, badInputMessage, errorKind } from './errors';

interface Props {
  error: CombinedError;
  onRetry?: () => void;
}

/**
 * An error a person understands, with a way to try again where trying again can help: not for
 * a bad request, which would only be refused again as it is (the page's fields are the way out).
 */
export function ErrorMessage({ error, onRetry }: Props) {
  const { t, i18n } = useTranslation();
  const kind = errorKind(error);
  const detail = kind === 'badInput' ? badInputDetail(error) : null;
  const text =
    detail && i18n.exists(`errors.reason.${detail.reason}`)
      ? t('errors.badInputField', {
          field: i18n.exists(`errors.field.${detail.field}`) ? t(`errors.field.${detail.field}` as 'errors.field.search') : detail.field,
          reason: t(`errors.reason.${detail.reason}` as 'errors.reason.OUT_OF_RANGE'),
        })
      : kind === 'badInput'
        ? t('errors.badInput', { message: badInputMessage(error) })
        : t(`errors.${kind}`);
  return (
    <div className="notice notice--error" role="alert">
      <p>{text}</p>
      {onRetry && kind !== 'forbidden' && kind !== 'notFound' && kind !== 'badInput' && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
