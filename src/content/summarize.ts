/** Summaries (the lead paragraph, cut at a word boundary), word counts and reading time. */
import { truncate } from './truncate.ts';

export const SUMMARY_LENGTH = 280;

export const summarize = (paragraph: string, maxLength = SUMMARY_LENGTH): string =>
  truncate(paragraph.replace(/\s+/g, ' ').trim(), maxLength);

/** Words as a reader counts them: runs of letters or digits, hyphenated words as one. */
export const countWords = (text: string): number => text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;

/** Reading time at 180 words a minute, a common figure for Russian text on screen. */
export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / 180));
