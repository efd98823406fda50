import { CHANNELS, type Channel } from '@ksp/shared/domain';
import { checkEditionSettings, type SettingProblem } from '@ksp/shared/formats/edition-settings';
import type { EditionSettingsInput, EditionOperationsQuery } from '@web/graphql/generated/graphql';

type Settings = NonNullable<NonNullable<EditionOperationsQuery['edition']>['settings']>;

/** What the form holds: text as typed (a decimal comma is fine), one entry a field. */
export interface SettingsDraft {
  weeks: string;
  inquiriesPerParticipant: string;
  channelKeys: Record<Channel, string>;
  waitSeconds: Record<Channel, string>;
  attempts: Record<Channel, string>;
  minQualityScore: string;
  minCellSize: string;
  thirdChannel: string;
}

const text = (n: number) => String(n).replace('.', ',');

export function draftOf(s: Settings): SettingsDraft {
  const per = <T>(f: (c: Channel) => T) => Object.fromEntries(CHANNELS.map((c) => [c, f(c)])) as Record<Channel, T>;
  const key = (c: Channel) => s.channelKeys.find((k) => k.channel === c)?.key;
  const wait = (c: Channel) => s.waitLimits.find((w) => w.channel === c);
  return {
    weeks: s.weeks.join(' '),
    inquiriesPerParticipant: String(s.inquiriesPerParticipant),
    channelKeys: per((c) => (key(c) === undefined ? '' : text(key(c)!))),
    waitSeconds: per((c) => String(wait(c)?.waitSeconds ?? '')),
    attempts: per((c) => String(wait(c)?.attempts ?? '')),
    minQualityScore: String(s.minQualityScore),
    minCellSize: String(s.minCellSize),
    thirdChannel: s.thirdChannel,
  };
}

/** A number as typed: decimal comma or point; empty is missing; anything else NaN (the check names it). */
function num(value: string): number | undefined {
  const v = value.trim().replace(/\s/g, '').replace(',', '.');
  return v === '' ? undefined : Number(v);
}

/** The draft as the shared check and the API read it. */
export function valuesOf(d: SettingsDraft) {
  const weeks = d.weeks
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((w) => Number(w));
  const channelKeys: Partial<Record<Channel, number>> = {};
  for (const c of CHANNELS) {
    const k = num(d.channelKeys[c]);
    if (k !== undefined) channelKeys[c] = k;
  }
  const waitLimits = Object.fromEntries(CHANNELS.map((c) => [c, { waitSeconds: num(d.waitSeconds[c]), attempts: num(d.attempts[c]) }]));
  return {
    weeks,
    inquiriesPerParticipant: num(d.inquiriesPerParticipant),
    channelKeys,
    waitLimits,
    minQualityScore: num(d.minQualityScore),
    minCellSize: num(d.minCellSize),
    thirdChannel: d.thirdChannel,
  };
}

/** The form field a problem belongs to: every week's problem is the weeks field's. */
export const fieldOf = (problem: Pick<SettingProblem, 'field'>) => problem.field.replace(/\[\d+\]$/, '');

/** The browser's check: the same function the server and the questionnaire file are checked by. */
export function checkDraft(d: SettingsDraft, year: number): { input: EditionSettingsInput | null; problems: SettingProblem[] } {
  const { value, problems } = checkEditionSettings(valuesOf(d), year);
  if (!value) return { input: null, problems };
  return {
    input: {
      ...value,
      thirdChannel: value.thirdChannel,
      channelKeys: CHANNELS.filter((c) => value.channelKeys[c] !== undefined).map((channel) => ({
        channel,
        key: value.channelKeys[channel]!,
      })),
      waitLimits: CHANNELS.map((channel) => ({ channel, ...value.waitLimits[channel] })),
    },
    problems,
  };
}
