/** Dates as a reader of the site's language writes them: "28 ноября 2022". */
import { timeZoneError } from '../site/site-config.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

export const formatDate = (iso: string, language: string, timeZone: string): string => {
  const key = `${language}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    } catch (error) {
      // The one setting the Worker checks where it is used (site-config.ts): a zone Intl does not know.
      throw error instanceof RangeError ? timeZoneError(timeZone) : error;
    }
    formatters.set(key, formatter);
  }
  const parts = formatter.formatToParts(new Date(iso));
  // Russian appends " г." to the year; a date line reads better without it.
  while (parts.at(-1)?.type === 'literal') parts.pop();
  return parts.map((part) => part.value).join('');
};
