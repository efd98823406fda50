/** How long ago `at` was, as a count of the largest whole unit (the page words it), or null under a minute. */
export function elapsed(at: string, now: number): { unit: 'minutes' | 'hours' | 'days'; count: number } | null {
  const minutes = Math.floor((now - new Date(at).getTime()) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return null;
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 24 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
}

/** A wait on a live channel as the observer timed it: minutes and seconds, `4:05`. */
export function minutesSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** An e-mail's wait in whole days and hours: the limit is counted in business days, so minutes say nothing. */
export function daysHours(seconds: number): { days: number; hours: number } {
  const hoursTotal = Math.round(Math.max(0, seconds) / 3600);
  return { days: Math.floor(hoursTotal / 24), hours: hoursTotal % 24 };
}
