import { describe, expect, it } from 'vitest';
import { isValidTimeZone, toZonedIso } from '../../src/content/zoned-date.ts';

describe('toZonedIso', () => {
  it('reads a bare date as noon in the time zone', () => {
    expect(toZonedIso('2022-11-28', 'Europe/Moscow')).toBe('2022-11-28T12:00:00+03:00');
    expect(toZonedIso('2022-11-28', 'America/Los_Angeles')).toBe('2022-11-28T12:00:00-08:00');
  });

  it('reads a time without an offset as wall-clock time there, seconds optional, fractions dropped', () => {
    expect(toZonedIso('2023-05-01T09:30', 'Europe/Moscow')).toBe('2023-05-01T09:30:00+03:00');
    expect(toZonedIso('2023-05-01 09:30:15.250', 'Europe/Moscow')).toBe('2023-05-01T09:30:15+03:00');
  });

  it('keeps an explicit offset, and writes Z as +00:00', () => {
    expect(toZonedIso('2023-05-01T09:30:00+05:00', 'Europe/Moscow')).toBe('2023-05-01T09:30:00+05:00');
    expect(toZonedIso('2023-05-01T09:30:00Z', 'Europe/Moscow')).toBe('2023-05-01T09:30:00+00:00');
  });

  it('uses the offset the zone had on that date', () => {
    // Moscow kept summer time until 2011, and +04:00 all year until October 2014.
    expect(toZonedIso('2010-07-01', 'Europe/Moscow')).toBe('2010-07-01T12:00:00+04:00');
    expect(toZonedIso('2010-01-01', 'Europe/Moscow')).toBe('2010-01-01T12:00:00+03:00');
    expect(toZonedIso('2013-01-01', 'Europe/Moscow')).toBe('2013-01-01T12:00:00+04:00');
  });

  // The offset of the wall time read as UTC is an hour off near a change; the second look corrects it.
  it('gives the offset in force at the wall time, in the hours around a daylight-saving change', () => {
    // Berlin, spring: 02:00 became 03:00 on 2023-03-26 (01:00 UTC).
    expect(toZonedIso('2023-03-26T01:30', 'Europe/Berlin')).toBe('2023-03-26T01:30:00+01:00');
    expect(toZonedIso('2023-03-26T03:30', 'Europe/Berlin')).toBe('2023-03-26T03:30:00+02:00');
    // Berlin, autumn: 03:00 became 02:00 on 2023-10-29 (01:00 UTC).
    expect(toZonedIso('2023-10-29T01:30', 'Europe/Berlin')).toBe('2023-10-29T01:30:00+02:00');
    expect(toZonedIso('2023-10-29T03:30', 'Europe/Berlin')).toBe('2023-10-29T03:30:00+01:00');
    // New York, spring: 02:00 became 03:00 on 2023-03-12 (07:00 UTC).
    expect(toZonedIso('2023-03-12T03:30', 'America/New_York')).toBe('2023-03-12T03:30:00-04:00');
    expect(toZonedIso('2023-03-12T01:30', 'America/New_York')).toBe('2023-03-12T01:30:00-05:00');
  });

  it('writes offsets that are not whole hours, either side of UTC', () => {
    expect(toZonedIso('2023-01-01', 'Asia/Kathmandu')).toBe('2023-01-01T12:00:00+05:45');
    expect(toZonedIso('2023-01-01', 'America/St_Johns')).toBe('2023-01-01T12:00:00-03:30');
    expect(toZonedIso('2023-01-01', 'UTC')).toBe('2023-01-01T12:00:00+00:00');
  });

  it('refuses what is not a date', () => {
    for (const bad of ['28.11.2022', '2022-11', '2022-11-28T9:30', 'yesterday', '2022-11-28T09:30+3'])
      expect(() => toZonedIso(bad, 'Europe/Moscow')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and nothing else', () => {
    expect(isValidTimeZone('Europe/Moscow')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
