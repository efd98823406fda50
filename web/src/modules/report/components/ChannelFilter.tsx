import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Channel } from '@ksp/shared/domain';
import { CHANNEL_PARAM } from '../../../app/paths';

/** Narrows every report view to one channel: `?kanal=PHONE`. The choice lives in the URL. */
export function ChannelFilter({ channels, channel }: { channels: readonly Channel[]; channel: Channel | undefined }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = useId();
  return (
    <div className="header-field header-field--light">
      <label htmlFor={id}>{t('report.channel')}</label>
      <select
        id={id}
        value={channel ?? ''}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          if (e.target.value) next.set(CHANNEL_PARAM, e.target.value);
          else next.delete(CHANNEL_PARAM);
          // A page of responses belongs to the old selection.
          next.delete('etter');
          setParams(next);
        }}
      >
        <option value="">{t('report.allChannels')}</option>
        {channels.map((c) => (
          <option key={c} value={c}>
            {t(`domain.channel.${c}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
