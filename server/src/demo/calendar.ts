// Pure calendar arithmetic for the fieldwork: ISO weeks and Europe/Oslo local time
// (CET +01:00, CEST +02:00 from the last Sunday of March to the last Sunday of October).

const DAY_MS = 86_400_000;

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

function fromUtcMs(ms: number): LocalDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The civil date of `weekday` (0 = Monday … 4 = Friday) in ISO `week` of `year`. */
export function dateInIsoWeek(year: number, week: number, weekday: number): LocalDate {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday1 = jan4 - jan4Dow * DAY_MS;
  return fromUtcMs(monday1 + ((week - 1) * 7 + weekday) * DAY_MS);
}

/** ISO week number of a civil date. */
export function isoWeek(date: LocalDate): { year: number; week: number } {
  const ms = Date.UTC(date.year, date.month - 1, date.day);
  const dow = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = ms + (3 - dow) * DAY_MS; // the week belongs to the year of its Thursday
  const y = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(y, 0, 1)) / (7 * DAY_MS));
  return { year: y, week };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month, 0); // day 0 of the next month = last day of `month`
  const dow = new Date(last).getUTCDay(); // Sunday = 0
  return last - dow * DAY_MS;
}

/** Europe/Oslo UTC offset in hours on a civil date (weekdays: no ambiguity at the switch). */
export function osloOffsetHours(date: LocalDate): 1 | 2 {
  const ms = Date.UTC(date.year, date.month - 1, date.day);
  return ms >= lastSunday(date.year, 3) && ms < lastSunday(date.year, 10) ? 2 : 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the Europe/Oslo offset, e.g. `2024-10-01T10:23:00+02:00`. */
export function osloIso(date: LocalDate, hour: number, minute: number): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}T${pad(hour)}:${pad(minute)}:00+${pad(osloOffsetHours(date))}:00`;
}

/** The civil date and local time written in an `osloIso` string. */
export function parseLocal(iso: string): { date: LocalDate; hour: number; minute: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date-time: ${iso}`);
  return {
    date: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
    hour: Number(m[4]),
    minute: Number(m[5]),
  };
}
