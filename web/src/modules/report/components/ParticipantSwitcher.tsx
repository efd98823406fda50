import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { ParticipantCombobox } from '@web/app/ParticipantCombobox';
import { EditionParticipantsDocument } from '../graphql/shell';

/** Staff: open the same chapter for any participant of the edition (unpublished editions included), found by typing. */
export function ParticipantSwitcher({ year, company }: { year: number; company: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: EditionParticipantsDocument, variables: { year } });
  const participants = (data?.editionParticipants ?? []).filter((p) => p.company.slug !== company);
  return (
    <div className="header-field header-field--light">
      <ParticipantCombobox
        label={t('report.switcher')}
        participants={participants}
        disabled={!data}
        onOpen={(slug) => {
          const rest = location.pathname
            .split('/')
            .slice(4)
            .join('/')
            .replace(/^besvarelser\/.+$/, 'besvarelser');
          void navigate(`/rapport/${year}/${encodeURIComponent(slug)}${rest ? `/${rest}` : ''}${location.search}`);
        }}
      />
    </div>
  );
}
