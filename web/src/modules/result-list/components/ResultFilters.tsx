import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionSummary } from '../graphql/documents';

interface Props {
  editions: readonly EditionSummary[];
  /** Undefined when the URL names a year without an edition. */
  edition: EditionSummary | undefined;
  className: string | undefined;
  onEditionChange: (edition: EditionSummary) => void;
  onClassChange: (className: string | undefined) => void;
}

/** The edition picker and the class filter. Each change is a navigation: the URL holds the choice. */
export function ResultFilters({ editions, edition, className, onEditionChange, onClassChange }: Props) {
  const { t } = useTranslation();
  const editionId = useId();
  const classId = useId();
  const classNames = edition?.classNames ?? [];
  // A class from an old link that this edition lacks is still shown as chosen; the list is then empty.
  const classOptions = className && !classNames.includes(className) ? [...classNames, className] : classNames;

  return (
    <div className="filters" role="group" aria-label={t('resultList.filters')}>
      <div className="field">
        <label htmlFor={editionId}>{t('resultList.edition')}</label>
        <select
          id={editionId}
          value={edition ? String(edition.year) : ''}
          onChange={(event) => {
            const next = editions.find((e) => String(e.year) === event.target.value);
            if (next) onEditionChange(next);
          }}
        >
          {!edition && <option value="">–</option>}
          {editions.map((e) => (
            <option key={e.year} value={String(e.year)}>
              {e.status === 'PUBLISHED' ? e.name : `${e.name} (${t(`resultList.editionStatus.${e.status}`)})`}
            </option>
          ))}
        </select>
      </div>
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
    </div>
  );
}
