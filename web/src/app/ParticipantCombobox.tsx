import { useMemo, useState } from 'react';
import { useCombobox } from 'downshift';
import { useTranslation } from 'react-i18next';
import { matchesSearch } from '@ksp/shared/search/fold';

export interface ParticipantOption {
  company: { slug: string; name: string };
  className: string;
}

/**
 * Staff: find a participant by typing part of its name and open it. Nearly 200 names do not
 * fit a plain dropdown; this is an ARIA 1.2 combobox (downshift) whose list narrows as one
 * types, folded as every participant search is ("aerfugl" finds "Ærfugl"). Arrow keys move,
 * Enter opens, Escape closes; each option names its class, as the old option groups did.
 */
export function ParticipantCombobox({
  participants,
  onOpen,
  label,
  disabled = false,
  className,
}: {
  participants: readonly ParticipantOption[];
  onOpen: (slug: string) => void;
  label: string;
  disabled?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const items = useMemo(() => participants.filter((p) => matchesSearch(p.company.name, query)), [participants, query]);
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = useCombobox({
    items,
    inputValue: query,
    // Nothing stays selected: choosing opens the participant, and the field is ready for the next search.
    selectedItem: null,
    itemToString: (p) => p?.company.name ?? '',
    itemToKey: (p) => p?.company.slug,
    onInputValueChange: ({ inputValue }) => setQuery(inputValue ?? ''),
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      setQuery('');
      onOpen(selectedItem.company.slug);
    },
  });
  return (
    <div className={`combobox ${className ?? ''}`}>
      <label {...getLabelProps()}>{label}</label>
      <div className="combobox__control">
        <input
          type="text"
          placeholder={disabled ? t('combobox.loading') : t('combobox.placeholder', { count: participants.length })}
          disabled={disabled}
          {...getInputProps()}
        />
        <button
          type="button"
          className="combobox__toggle"
          aria-label={t('combobox.toggle')}
          disabled={disabled}
          {...getToggleButtonProps()}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      <ul className="combobox__menu" hidden={!isOpen} {...getMenuProps()}>
        {isOpen &&
          items.map((p, index) => (
            <li
              key={p.company.slug}
              className={`combobox__item${highlightedIndex === index ? ' combobox__item--active' : ''}`}
              {...getItemProps({ item: p, index })}
            >
              <span>{p.company.name}</span> <span className="combobox__meta">{p.className}</span>
            </li>
          ))}
      </ul>
      {isOpen && items.length === 0 && (
        <p className="combobox__empty" role="status">
          {t('combobox.none')}
        </p>
      )}
    </div>
  );
}
