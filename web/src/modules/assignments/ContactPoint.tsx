import { useTranslation } from 'react-i18next';
import type { Channel } from '@ksp/shared/domain';
import { contactPointHref } from '@ksp/shared/signup/contact-points';

/**
 * How to reach the participant on the assignment's channel, as a link the phone opens: `tel:` for
 * a number, `mailto:` for an address, the page itself for a contact form, chat or Messenger (in a
 * new tab, so the form stays open). Without one, the observer is told whom to ask.
 */
export function ContactPoint({ channel, contact }: { channel: Channel; contact: string | null }) {
  const { t } = useTranslation();
  if (!contact) return <span className="contact-point contact-point--missing">{t('assignments.noContact')}</span>;
  const href = contactPointHref(channel, contact);
  if (!href) return <span className="contact-point">{contact}</span>;
  const web = href.startsWith('http');
  return (
    <a className="contact-point" href={href} {...(web ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {contact}
    </a>
  );
}
