import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../../src/http/http-date.ts';

describe('parseHttpDate', () => {
  it('reads the three forms of RFC 9110 §5.6.7 as the same instant', () => {
    const time = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(time);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(time);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(time);
  });

  it('reads what toUTCString writes, for any date of four-digit years', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (date) => {
          const seconds = Math.floor(date.getTime() / 1000) * 1000;
          expect(parseHttpDate(new Date(seconds).toUTCString())).toBe(seconds);
        },
      ),
    );
  });

  it('keeps years below 100 and reads two-digit rfc850 years around 1970', () => {
    expect(new Date(parseHttpDate('Mon, 01 Jan 0001 00:00:00 GMT')!).getUTCFullYear()).toBe(1);
    expect(new Date(parseHttpDate('Thursday, 01-Jan-70 00:00:00 GMT')!).getUTCFullYear()).toBe(1970);
    expect(new Date(parseHttpDate('Tuesday, 31-Dec-69 00:00:00 GMT')!).getUTCFullYear()).toBe(2069);
  });

  it('reads a leap second as the next second, and refuses days and times that do not exist', () => {
    expect(parseHttpDate('Sat, 31 Dec 2016 23:59:60 GMT')).toBe(Date.UTC(2017, 0, 1));
    for (const value of [
      'Sat, 30 Feb 2016 00:00:00 GMT',
      'Sat, 00 Jan 2016 00:00:00 GMT',
      'Sat, 01 Jan 2016 24:00:00 GMT',
      'Sat, 01 Jan 2016 00:60:00 GMT',
      'Sat, 01 Jan 2016 00:00:61 GMT',
      'Sat, 01 jan 2016 00:00:00 GMT',
      'sat, 01 Jan 2016 00:00:00 GMT',
      'Saturday, 01 Jan 2016 00:00:00 GMT',
      'Sat, 01-Jan-16 00:00:00 GMT',
      'Sat Jan 1 00:00:00 2016',
      '',
    ]) {
      expect(parseHttpDate(value), value).toBeUndefined();
    }
  });
});
