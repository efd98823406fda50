import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '@web/app/FilterSelect';
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
  const searchId = useId();
  const classNames = edition?.classNames ?? [];
  // A class from an old link that this edition lacks is still shown as chosen; the list is then empty.
  const classOptions = className && !classNames.includes(className) ? [...classNames, className] : classNames;

  return (
    <div className="filters" role="group" aria-label={t('resultList.filters')}>
      <FilterSelect
        label={t('resultList.className')}
        value={className}
        all={t('resultList.allClasses')}
        options={classOptions.map((name) => ({ value: name, label: name }))}
        disabled={!edition}
        onChange={(value) => onClassChange(value || undefined)}
      />
      <div className="field">
        <label htmlFor={searchId}>{t('resultList.search')}</label>
        <input id={searchId} type="search" value={search} onChange={(event) => onSearchChange(event.target.value)} />
      </div>
    </div>
  );
}
