/**
 * What the content build prints when it ends: every error with its file and
 * line first, then warnings counted by kind (or every one, verbose), then one
 * summary line. Pure: the script prints the lines it returns.
 */
import { FALLBACK_DATE } from '../src/content/compile-articles.ts';
import { type ContentIssue, type ContentWarning, formatIssue, type WarningKind } from '../src/content/types.ts';

/** What a successful build wrote. */
export interface BuildOutput {
  articles: number;
  drafts: number;
  /** Files written: the content store's packs, index files and manifest. */
  files: number;
  bytes: number;
  version: string;
}

export interface BuildReport {
  errors: readonly ContentIssue[];
  warnings: readonly ContentWarning[];
  /** Absent when the build failed, and so wrote nothing. */
  output?: BuildOutput;
  elapsedMs: number;
  /** List every warning on its own line instead of counting them by kind. */
  verbose?: boolean;
}

/** How many files a warning group names before "… and N more". */
export const GROUP_SAMPLE = 3;

/** How the report tells a reader to see every warning. */
export const VERBOSE_HINT =
  'note: to list every warning, run with --verbose, or set CONTENT_VERBOSE=1 (for npm run dev and wrangler deploy)';

interface Group {
  /** Counts articles or other files. */
  noun: 'article' | 'file';
  /** The line's text, given the count with its noun ("3 articles"). */
  text: (count: string) => string;
  /** What to do about it, after the file list. */
  advice?: string;
}

// One entry per kind: a kind the compiler adds without a line here fails to typecheck. Printed in this order.
const GROUPS: Record<WarningKind, Group> = {
  'date-fallback': {
    noun: 'article',
    text: (count) => `no date in ${count}, ${FALLBACK_DATE} used`,
    advice: 'set "date" in their metadata',
  },
  'date-from-file-name': {
    noun: 'article',
    text: (count) => `no date in ${count}, the date in the file name used`,
    advice: 'set "date" in their metadata',
  },
  'slug-suffixed': {
    noun: 'article',
    text: (count) => `slug taken by another article in ${count}, a suffix added`,
    advice: 'set "slug" in their metadata to choose one',
  },
  'summary-in-feeds': {
    noun: 'article',
    text: (count) => `${count} too large for a feed item, carried in feeds as the summary and a link`,
    advice: 'the limit is 2 MB a feed page over FEED_PAGE_SIZE items',
  },
  'unicode-normalised': { noun: 'file', text: (count) => `decomposed Unicode normalised to NFC in ${count}` },
  'control-characters': { noun: 'file', text: (count) => `control characters removed from ${count}` },
  'ignored-file': {
    noun: 'file',
    text: (count) => `${count} ignored`,
    advice: 'articles are .txt (with an optional .yaml) or .md files',
  },
  'date-without-time': {
    noun: 'article',
    text: (count) => `date without a time of day in ${count}, 12:00 in the site's time zone used in aggregators' feeds`,
    advice: 'give the time, e.g. 2022-11-28T09:30:00',
  },
  'picture-narrow': {
    noun: 'article',
    text: (count) => `lead picture narrower than Dzen's 700 px in ${count}`,
  },
  'picture-unused': {
    noun: 'file',
    text: (count) => `pictures used by no article: ${count}`,
    advice: 'name them in an article\'s "image" or show them in a Markdown article',
  },
};

const numberFormat = new Intl.NumberFormat('en-US');

/** 1 article, 99,390 articles. */
export const count = (n: number, noun: string): string => `${numberFormat.format(n)} ${noun}${n === 1 ? '' : 's'}`;

/** 850 ms, 4.2 s, 2 min 05 s. */
export const formatDuration = (ms: number): string => {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
};

/** Decimal units, as file managers and `ls -h --si` show them: 512 B, 48.3 kB, 1.2 GB. */
export const formatBytes = (bytes: number): string => {
  const units = ['kB', 'MB', 'GB', 'TB'];
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes;
  let unit = '';
  for (const next of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value.toFixed(1)} ${unit}`;
};

const warningLine = (warning: ContentIssue) => `warning: ${formatIssue(warning)}`;

/** One line per kind; a kind with only a few warnings is shown in full, as each file's message says more. */
const groupedWarnings = (warnings: readonly ContentWarning[]): { lines: string[]; truncated: boolean } => {
  const byKind = new Map<WarningKind, ContentWarning[]>(Object.keys(GROUPS).map((kind) => [kind as WarningKind, []]));
  for (const warning of warnings) byKind.get(warning.kind)!.push(warning);
  const lines: string[] = [];
  let truncated = false;
  for (const [kind, group] of byKind) {
    if (group.length <= GROUP_SAMPLE) {
      lines.push(...group.map(warningLine));
      continue;
    }
    truncated = true;
    const { noun, text, advice } = GROUPS[kind];
    const files = [...new Set(group.map((w) => w.file))];
    const shown = files.slice(0, GROUP_SAMPLE).join(', ');
    const more = files.length > GROUP_SAMPLE ? `, … and ${numberFormat.format(files.length - GROUP_SAMPLE)} more` : '';
    lines.push(`warning: ${text(count(group.length, noun))} (${shown}${more})${advice ? `; ${advice}` : ''}`);
  }
  return { lines, truncated };
};

/** What to print, in order: every error, then the warnings, then the one-line summary. */
export const formatBuildReport = ({
  errors,
  warnings,
  output,
  elapsedMs,
  verbose = false,
}: BuildReport): { lines: string[]; summary: string } => {
  const lines = errors.map((error) => `error: ${formatIssue(error)}`);
  if (verbose) lines.push(...warnings.map(warningLine));
  else {
    const grouped = groupedWarnings(warnings);
    lines.push(...grouped.lines);
    if (grouped.truncated) lines.push(VERBOSE_HINT);
  }
  const took = formatDuration(elapsedMs);
  if (!output) {
    const summary = `content: ${count(errors.length, 'error')}, ${count(warnings.length, 'warning')}; nothing was written (${took})`;
    return { lines, summary };
  }
  if (output.articles === 0) lines.push('warning: no articles to publish');
  const drafts = output.drafts ? `, ${count(output.drafts, 'draft')} left out` : '';
  const summary =
    `content: ${count(output.articles, 'article')}, ${count(warnings.length, 'warning')}${drafts}; ` +
    `wrote ${count(output.files, 'file')} (${formatBytes(output.bytes)}) in ${took}, version ${output.version}`;
  return { lines, summary };
};
