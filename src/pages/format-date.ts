/** Dates as a reader of the site's language writes them: "28 ноября 2022". */

const formatters = new Map<string, Intl.DateTimeFormat>();

export const formatDate = (iso: string, language: string, timeZone: string): string => {
  const key = `${language}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    formatters.set(key, formatter);
  }
  const parts = formatter.formatToParts(new Date(iso));
  // Russian appends " г." to the year; a date line reads better without it.
  while (parts.at(-1)?.type === 'literal') parts.pop();
  return parts.map((part) => part.value).join('');
};
