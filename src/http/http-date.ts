/**
 * Reads an HTTP-date (RFC 9110 §5.6.7) and nothing else: Date.parse would take "2099" or
 * "2099-01-01" for a date, and a conditional request would be answered from it.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// IMF-fixdate, the form to send: "Sun, 06 Nov 1994 08:49:37 GMT".
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
// Obsolete forms a recipient must still accept: "Sunday, 06-Nov-94 08:49:37 GMT" and "Sun Nov  6 08:49:37 1994".
const RFC850_DATE = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

const toTime = (year: number, month: string, day: number, hour: number, minute: number, second: number) => {
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  const date = new Date(0);
  date.setUTCFullYear(year, MONTHS.indexOf(month), day);
  // It would roll 31 Feb over into March: such a day is not a date.
  if (date.getUTCDate() !== day) return undefined;
  // A leap second (60) is allowed by the grammar, and read as the next second.
  return date.setUTCHours(hour, minute, second);
};

/** Milliseconds since the epoch, or undefined when the value is not an HTTP-date. */
export const parseHttpDate = (value: string): number | undefined => {
  const text = value.trim();
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [, day, month, year, hour, minute, second] = match;
    return toTime(Number(year), month!, Number(day), Number(hour), Number(minute), Number(second));
  }
  match = RFC850_DATE.exec(text);
  if (match) {
    const [, day, month, yy, hour, minute, second] = match;
    // RFC 9110 reads a two-digit year as the most recent past one with those digits; that needs
    // the clock, which a response here never depends on, so the fixed pivot of RFC 6265 §5.1.1 is used.
    const year = Number(yy) < 70 ? 2000 + Number(yy) : 1900 + Number(yy);
    return toTime(year, month!, Number(day), Number(hour), Number(minute), Number(second));
  }
  match = ASCTIME_DATE.exec(text);
  if (match) {
    const [, month, day, hour, minute, second, year] = match;
    return toTime(Number(year), month!, Number(day), Number(hour), Number(minute), Number(second));
  }
  return undefined;
};
