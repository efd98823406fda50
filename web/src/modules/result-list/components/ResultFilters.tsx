import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionSummary } from '../graphql/documents';

interface Props {
  /** Undefined when the URL names a year without an edition. */
  edition: EditionSummary | undefined;
  className: string | undefined;
  onClassChange: (className: string | undefined) => void;
  search: string;
  onSearchChange: (search: string) => void;
}

/** The class filter (the edition is picked in the header). Each change is a navigation: the URL holds the choice. */
export function ResultFilters({ edition, className, onClassChange, search, onSearchChange }: Props) {
  const { t } = useTranslation();
  const classId = useId();
  const searchId = useId();
  const classNames = edition?.classNames ?? [];
  // A class from an old link that this edition lacks is still shown as chosen; the list is then empty.
  const classOptions = className && !classNames.includes(className) ? [...classNames, className] : classNames;

  return (
    <div className="filters" role="group" aria-label={t('resultList.filters')}>
      <div className="field">
        <label htmlFor={classId}>{t('resultList.className')}</label>
        <select
          id={classId}
          value={className ?? ''}
          disabled={!edition}
          onChange={(event) => onClassChange(event.target.value || undefined)}
        >
          <option value="">{t('resultList.allClasses')}</option>
          {classOptions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={searchId}>{t('resultList.search')}</label>
        <input id={searchId} type="search" value={search} onChange={(event) => onSearchChange(event.target.value)} />
      </div>
    </div>
  );
}
