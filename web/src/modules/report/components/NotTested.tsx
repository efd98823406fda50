import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Channel } from '@ksp/shared/domain';
import { CHANNEL_PARAM } from '@web/app/paths';

/** The same view with another channel (or none): only `?kanal=` changes; a page of responses belongs to the old one. */
export function withChannel(search: URLSearchParams, channel: Channel | undefined): URLSearchParams {
  const next = new URLSearchParams(search);
  if (channel) next.set(CHANNEL_PARAM, channel);
  else next.delete(CHANNEL_PARAM);
  next.delete('etter');
  return next;
}

/**
 * A channel the company was not tested on has no figures at all: said in words, with the
 * channels it was tested on (and all channels) one click away, instead of empty axes.
 */
export function NotTested({
  company,
  year,
  channel,
  channels,
  level = 2,
}: {
  company: string;
  year: number;
  channel: Channel;
  channels: readonly Channel[];
  /** 2 where it stands for the chapter, 3 above a chapter that still shows (competitors). */
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [search] = useSearchParams();
  const name = t(`domain.channel.${channel}`);
  const Heading = level === 2 ? 'h2' : 'h3';
  const to = (c: Channel | undefined) => {
    const query = withChannel(search, c).toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  return (
    <section className="not-tested notice notice--info" aria-labelledby="not-tested-heading">
      <Heading id="not-tested-heading">{t('report.notTestedHeading', { channel: name })}</Heading>
      <p>{t('report.notTested', { company, channel: name, year })}</p>
      <p>{t('report.notTestedOffer', { company })}</p>
      <ul className="not-tested__channels">
        {channels.map((c) => (
          <li key={c}>
            <Link className="button button--small" to={to(c)}>
              {t(`domain.channel.${c}`)}
            </Link>
          </li>
        ))}
        <li>
          <Link className="button button--small" to={to(undefined)}>
            {t('report.allChannels')}
          </Link>
        </li>
      </ul>
    </section>
  );
}
