import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Channel } from '@ksp/shared/domain';
import { withChannel } from './NotTested';

/**
 * Narrows every report view to one channel: `?kanal=PHONE`. The choice lives in the URL. A
 * channel the company was not tested on (a shared link, another edition) stays the choice shown,
 * marked as such, so the dropdown never says "all channels" beside a narrowed view.
 */
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
        onChange={(e) => setParams(withChannel(params, (e.target.value || undefined) as Channel | undefined))}
      >
        <option value="">{t('report.allChannels')}</option>
        {channels.map((c) => (
          <option key={c} value={c}>
            {t(`domain.channel.${c}`)}
          </option>
        ))}
        {channel && !channels.includes(channel) && (
          <option value={channel}>{t('report.notTestedOption', { channel: t(`domain.channel.${channel}`) })}</option>
        )}
      </select>
    </div>
  );
}
