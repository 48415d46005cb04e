/** Resolves article dates, which may omit a time or an offset, to ISO 8601 in the site's time zone. */

/**
 * An article's date: a day, then optionally a time, then optionally an offset
 * (2022-11-28, 2022-11-28T15:30, 2022-11-28T15:30:00.5+03:00). Groups: year,
 * month, day, hour, minute, second, offset.
 */
export const ARTICLE_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The zone's UTC offset in minutes at an instant, e.g. 180 for Europe/Moscow. */
const offsetMinutes = (timeZone: string, epochMs: number): number => {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(epochMs)
    .find((part) => part.type === 'timeZoneName')?.value;
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? '');
  if (!m) throw new RangeError(`cannot resolve the UTC offset of time zone "${timeZone}"`);
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
};

const formatOffset = (minutes: number): string =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/**
 * "2022-11-28" → "2022-11-28T12:00:00+03:00" for Europe/Moscow. A time without
 * an offset is wall-clock time in `timeZone`; an explicit offset is kept. A bare
 * date means noon there, so that readers from UTC-9 to UTC+14 all show that day.
 */
export const toZonedIso = (value: string, timeZone: string): string => {
  const m = ARTICLE_DATE.exec(value);
  if (!m) throw new RangeError(`not a date: ${value}`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
    Number(m[i] ?? (i === 4 ? 12 : 0)),
  ) as [number, number, number, number, number, number];
  const wall = `${m[1]}-${m[2]}-${m[3]}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (m[7]) return `${wall}${m[7] === 'Z' ? '+00:00' : m[7]}`;
  // The offset at the wall time read as UTC, then corrected once, is right
  // except within the hour a DST change skips, which no publisher schedules.
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let offset = offsetMinutes(timeZone, asUtc);
  offset = offsetMinutes(timeZone, asUtc - offset * 60_000);
  return `${wall}${formatOffset(offset)}`;
};

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};
