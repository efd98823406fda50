import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { CHANNELS, type Channel } from '@ksp/shared/domain';
import { THIRD_CHANNELS, type SettingProblem } from '@ksp/shared/formats/edition-settings';
import { formatNumber } from '@ksp/shared/format/number';
import { formatDuration } from '@ksp/shared/format/date';
import type { EditionOperationsQuery } from '@web/graphql/generated/graphql';
import { useLocale } from '../../app/i18n/useLocale';
import { badInputMessage } from '../../app/errors';
import { useFieldProblemText } from '../../app/fieldProblems';
import { UpdateEditionSettingsDocument } from './graphql';
import { checkDraft, draftOf, fieldOf, type SettingsDraft } from './settings';

type Settings = NonNullable<NonNullable<EditionOperationsQuery['edition']>['settings']>;

/** A problem in the page's own words and language (the server's `reason`, shared/src/formats/edition-settings.ts). */
function useProblemText() {
  const text = useFieldProblemText();
  return (p: SettingProblem) => {
    if (p.reason === 'OUT_OF_RANGE') {
      return text(p, [p.max !== undefined && p.max <= 100_000 ? 'operations.problem.outOfRange' : 'operations.problem.atLeast']);
    }
    return text(p, [`operations.problem.${p.reason}`]);
  };
}

/** The edition's settings: a form while it is being planned, read only afterwards. */
export function SettingsForm({
  year,
  settings,
  editable,
  onSaved,
}: {
  year: number;
  settings: Settings;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [problems, setProblems] = useState<SettingProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useMutation(UpdateEditionSettingsDocument);
  const problemText = useProblemText();
  const id = useId();

  if (!editable) {
    const key = (c: Channel) => settings.channelKeys.find((k) => k.channel === c)?.key;
    return (
      <dl className="settings-list">
        <dt>{t('operations.settings.weeks')}</dt>
        <dd>{settings.weeks.length ? settings.weeks.join(', ') : '–'}</dd>
        <dt>{t('operations.settings.inquiriesPerParticipant')}</dt>
        <dd>{formatNumber(settings.inquiriesPerParticipant, 0, locale)}</dd>
        {CHANNELS.map((c) => {
          const wait = settings.waitLimits.find((w) => w.channel === c);
          return (
            <div key={c} className="settings-list__group">
              <dt>{t(`domain.channel.${c}`)}</dt>
              <dd>
                {t('operations.settings.channelSummary', {
                  key: key(c) === undefined ? '–' : formatNumber(key(c)!, 2, locale),
                  wait: formatDuration(wait?.waitSeconds ?? null, locale),
                  attempts: formatNumber(wait?.attempts ?? null, 0, locale),
                })}
              </dd>
            </div>
          );
        })}
        <dt>{t('operations.settings.minQualityScore')}</dt>
        <dd>{formatNumber(settings.minQualityScore, 0, locale)}</dd>
        <dt>{t('operations.settings.minCellSize')}</dt>
        <dd>{formatNumber(settings.minCellSize, 0, locale)}</dd>
        <dt>{t('operations.settings.thirdChannel')}</dt>
        <dd>{t(`domain.channel.${settings.thirdChannel}`)}</dd>
      </dl>
    );
  }

  const problemsOf = (field: string) => problems.filter((p) => fieldOf(p) === field);
  const set = (change: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setSaved(false);
  };
  const field = (
    name: string,
    label: string,
    input: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode,
    hint?: string,
  ) => {
    const mine = problemsOf(name);
    const inputId = `${id}-${name}`;
    const describedBy = [hint ? `${inputId}-hint` : '', mine.length ? `${inputId}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field" key={name}>
        <label htmlFor={inputId}>{label}</label>
        {input({ id: inputId, 'aria-invalid': mine.length > 0, 'aria-describedby': describedBy })}
        {hint && (
          <small id={`${inputId}-hint`} className="field__hint">
            {hint}
          </small>
        )}
        {mine.length > 0 && (
          <small id={`${inputId}-error`} className="field__error">
            {[...new Set(mine.map(problemText))].join(' ')}
          </small>
        )}
      </div>
    );
  };
  const text =
    (name: string, value: string, onChange: (v: string) => void, inputMode: 'numeric' | 'decimal' = 'numeric') =>
    // Called as a function, not rendered as a component: the input keeps its focus while typing.
    (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => (
      <input {...props} type="text" inputMode={inputMode} value={value} name={name} onChange={(e) => onChange(e.target.value)} />
    );

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const checked = checkDraft(draft, year);
    setProblems(checked.problems);
    if (!checked.input) return;
    const result = await update({ year, input: checked.input });
    const fields = result.error?.graphQLErrors.flatMap((g) =>
      Array.isArray(g.extensions?.['fields']) ? (g.extensions['fields'] as SettingProblem[]) : [],
    );
    if (fields && fields.length > 0) setProblems(fields);
    else if (!result.error) {
      setSaved(true);
      onSaved();
    }
  };

  const generalError =
    error && !error.graphQLErrors.some((g) => Array.isArray(g.extensions?.['fields']))
      ? badInputMessage(error) || t('errors.generic')
      : null;

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="filters">
        {field(
          'weeks',
          t('operations.settings.weeks'),
          text('weeks', draft.weeks, (v) => set({ weeks: v })),
          t('operations.settings.weeksHint'),
        )}
        {field(
          'inquiriesPerParticipant',
          t('operations.settings.inquiriesPerParticipant'),
          text('inquiriesPerParticipant', draft.inquiriesPerParticipant, (v) => set({ inquiriesPerParticipant: v })),
        )}
        {field(
          'minQualityScore',
          t('operations.settings.minQualityScore'),
          text('minQualityScore', draft.minQualityScore, (v) => set({ minQualityScore: v })),
        )}
        {field(
          'minCellSize',
          t('operations.settings.minCellSize'),
          text('minCellSize', draft.minCellSize, (v) => set({ minCellSize: v })),
        )}
        {field('thirdChannel', t('operations.settings.thirdChannel'), (props) => (
          <select {...props} value={draft.thirdChannel} onChange={(e) => set({ thirdChannel: e.target.value })}>
            {THIRD_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`domain.channel.${c}`)}
              </option>
            ))}
          </select>
        ))}
      </div>
      {problemsOf('channelKeys').length > 0 && (
        <p className="field__error" role="alert">
          {problemsOf('channelKeys').map(problemText).join(' ')}
        </p>
      )}
      {CHANNELS.map((c) => (
        <fieldset key={c} className="filters settings-form__channel">
          <legend>{t(`domain.channel.${c}`)}</legend>
          {field(
            `channelKeys.${c}`,
            t('operations.settings.key'),
            text(`key-${c}`, draft.channelKeys[c], (v) => set({ channelKeys: { ...draft.channelKeys, [c]: v } }), 'decimal'),
          )}
          {field(
            `waitLimits.${c}.waitSeconds`,
            t('operations.settings.waitSeconds'),
            text(`wait-${c}`, draft.waitSeconds[c], (v) => set({ waitSeconds: { ...draft.waitSeconds, [c]: v } })),
          )}
          {field(
            `waitLimits.${c}.attempts`,
            t('operations.settings.attempts'),
            text(`attempts-${c}`, draft.attempts[c], (v) => set({ attempts: { ...draft.attempts, [c]: v } })),
          )}
        </fieldset>
      ))}
      {generalError && (
        <p className="notice notice--error" role="alert">
          {generalError}
        </p>
      )}
      <p role="status">
        {saved ? t('operations.settings.saved') : problems.length > 0 ? t('operations.settings.fix', { count: problems.length }) : ''}
      </p>
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? t('operations.settings.saving') : t('operations.settings.save')}
      </button>
    </form>
  );
}
