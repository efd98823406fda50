import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { EditionParticipantsDocument } from '../graphql/shell';

/** Staff: open the same chapter for any participant of the edition (unpublished editions included). */
export function ParticipantSwitcher({ year, company }: { year: number; company: string }) {
  const { t } = useTranslation();
  const id = useId();
  const location = useLocation();
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: EditionParticipantsDocument, variables: { year } });
  const participants = data?.editionParticipants ?? [];
  const classes = [...new Set(participants.map((p) => p.className))];
  return (
    <div className="header-field header-field--light">
      <label htmlFor={id}>{t('report.switcher')}</label>
      <select
        id={id}
        value={company}
        disabled={!data}
        onChange={(e) => {
          const rest = location.pathname.split('/').slice(4).join('/').replace(/^besvarelser\/.+$/, 'besvarelser');
          void navigate(`/rapport/${year}/${encodeURIComponent(e.target.value)}${rest ? `/${rest}` : ''}${location.search}`);
        }}
      >
        {!data && <option value={company}>{t('report.switcherLoading')}</option>}
        {classes.map((className) => (
          <optgroup key={className} label={className}>
            {participants
              .filter((p) => p.className === className)
              .map((p) => (
                <option key={p.company.slug} value={p.company.slug}>
                  {p.company.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
