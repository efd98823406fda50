/**
 * Contact times are instants (timestamptz); exports show them as the wall clock in Norway,
 * where the fieldwork happens, whatever the server's or the reader's time zone.
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const OSLO = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function osloWallClock(instant: Date): WallClock {
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(OSLO.formatToParts(instant).find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-09-10 10:15`: the contact time in Norway, to the minute (the CSV export's date cell). */
export function formatOsloDateTime(instant: Date): string {
  const t = osloWallClock(instant);
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

/**
 * The Norwegian wall clock as a Date whose UTC fields carry it. Spreadsheet dates have no time
 * zone: a writer that turns a Date into a serial day number from its UTC time (exceljs does)
 * then shows the time as it was in Norway.
 */
export function osloWallClockAsUtc(instant: Date): Date {
  const t = osloWallClock(instant);
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, instant.getUTCMilliseconds()));
}
