/** Reads article dates, which may omit a time or an offset, and resolves them to ISO 8601 in the site's time zone. */

/**
 * An article's date: a day, then optionally a time, then optionally an offset
 * (2022-11-28, 2022-11-28T15:30, 2022-11-28T15:30:00.5+03:00). Groups: year,
 * month, day, hour, minute, second, offset (sign, hours, minutes).
 */
export const ARTICLE_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))?)?$/;

/** A date as written: wall-clock fields, and the offset in minutes when one was given. */
export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  /** Absent for a bare date. */
  time?: { hour: number; minute: number; second: number };
  offsetMinutes?: number;
}

// Real offsets run from UTC−12:00 to UTC+14:00 (Kiribati); RFC 3339 allows no more.
const MAX_OFFSET_MINUTES = 14 * 60;
// Four-digit years only, in every time zone: ISO strings of other years ("+010000-…") are not what readers
// parse. A wall time is checked with 14 hours to spare either side, as its zone is not known yet.
const EARLIEST = Date.UTC(1000, 0, 1) + MAX_OFFSET_MINUTES * 60_000;
const LATEST = Date.UTC(10000, 0, 1) - MAX_OFFSET_MINUTES * 60_000;

/**
 * Parses "2022-11-28", "2022-11-28T15:30", "2022-11-28 15:30:00+03:00" or
 * "…Z", checking every field's range: a value that passes here is a real instant
 * that every renderer can format. Returns the reason when it is not.
 */
export const parseDateTime = (value: string): DateTimeParts | string => {
  const m = ARTICLE_DATE.exec(value);
  if (!m) return 'not in the form 2022-11-28 or 2022-11-28T15:30:00+03:00';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Checked before Date.UTC, which reads years 0–99 as 1900–1999.
  if (year < 1000) return 'only the years 1000 to 9999 are supported';
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${m[1]}-${m[2]} has no day ${day}`;
  const parts: DateTimeParts = { year, month, day };
  const time = { hour: Number(m[4] ?? 12), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0) };
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return `there is no time ${m[4]}:${m[5]}:${m[6] ?? '00'}`;
  if (m[4] !== undefined) parts.time = time;
  if (m[7] !== undefined) {
    const [hours, minutes] = [Number(m[9] ?? 0), Number(m[10] ?? 0)];
    if (minutes > 59) return `the UTC offset ${m[7]} has ${minutes} minutes`;
    const offset = (m[8] === '-' ? -1 : 1) * (hours * 60 + minutes);
    if (Math.abs(offset) > MAX_OFFSET_MINUTES) return `the UTC offset ${m[7]} is beyond ±14:00`;
    parts.offsetMinutes = offset;
  }
  const wall = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second);
  if (wall < EARLIEST || wall >= LATEST) return 'only the years 1000 to 9999 are supported';
  return parts;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The zone's UTC offset in minutes at an instant, e.g. 180 for Europe/Moscow. */
const zoneOffsetMinutes = (timeZone: string, epochMs: number): number => {
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
  const parts = parseDateTime(value);
  if (typeof parts === 'string') throw new RangeError(`not a date: ${value} (${parts})`);
  const { year, month, day } = parts;
  const { hour, minute, second } = parts.time ?? { hour: 12, minute: 0, second: 0 };
  const wall = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (parts.offsetMinutes !== undefined) return `${wall}${formatOffset(parts.offsetMinutes)}`;
  // The offset at the wall time read as UTC, then corrected once, is right
  // except within the hour a DST change skips, which no publisher schedules.
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let offset = zoneOffsetMinutes(timeZone, asUtc);
  offset = zoneOffsetMinutes(timeZone, asUtc - offset * 60_000);
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
