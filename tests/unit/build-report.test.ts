import { describe, expect, it } from 'vitest';
import {
  type BuildOutput,
  count,
  formatBuildReport,
  formatBytes,
  formatDuration,
  VERBOSE_HINT,
} from '../../scripts/build-report.ts';
import type { ContentIssue, ContentWarning, WarningKind } from '../../src/content/types.ts';

const undated = (n: number): ContentWarning[] =>
  Array.from({ length: n }, (_, i) => ({
    file: `${String(i).padStart(3, '0')}_a.txt`,
    kind: 'date-fallback' as const,
    message: 'no date: using 1970-01-01 (the fallback); set "date" in its metadata',
  }));
const warning = (file: string, kind: WarningKind, message: string, line?: number): ContentWarning => ({
  file,
  kind,
  message,
  ...(line ? { line } : {}),
});
const OUTPUT: BuildOutput = {
  articles: 99_390,
  drafts: 0,
  files: 99_391,
  bytes: 731_234_567,
  version: 'f7e7d92e5a002628',
};

describe('formatBuildReport', () => {
  it('counts a kind of warning on one line, naming the first few files', () => {
    const { lines, summary } = formatBuildReport({
      errors: [],
      warnings: undated(99_390),
      output: OUTPUT,
      elapsedMs: 95_400,
    });
    expect(lines).toEqual([
      'warning: no date in 99,390 articles, 1970-01-01 used (000_a.txt, 001_a.txt, 002_a.txt, … and 99,387 more); set "date" in their metadata',
      VERBOSE_HINT,
    ]);
    expect(summary).toBe(
      'content: 99,390 articles, 99,390 warnings; wrote 99,391 files (731.2 MB) in 1 min 35 s, version f7e7d92e5a002628',
    );
  });

  it('shows a kind with only a few warnings in full, with each line', () => {
    const warnings = [
      warning('a.txt', 'control-characters', 'removed 1 control character(s), first U+0000', 3),
      warning('b.txt', 'control-characters', 'removed 2 control character(s), first U+001B', 5),
      warning('c.txt', 'slug-suffixed', 'slug "x" is taken by a.txt: using "x-abcdef"'),
    ];
    const { lines } = formatBuildReport({ errors: [], warnings, output: OUTPUT, elapsedMs: 10 });
    expect(lines).toEqual([
      'warning: c.txt: slug "x" is taken by a.txt: using "x-abcdef"',
      'warning: a.txt:3: removed 1 control character(s), first U+0000',
      'warning: b.txt:5: removed 2 control character(s), first U+001B',
    ]);
  });

  it('gives one line to each kind, however many warnings there are', () => {
    const kinds: WarningKind[] = [
      'date-fallback',
      'date-from-file-name',
      'slug-suffixed',
      'unicode-normalised',
      'control-characters',
      'ignored-file',
    ];
    const warnings = kinds.flatMap((kind) =>
      Array.from({ length: 500 }, (_, i) => warning(`${kind}-${i}.txt`, kind, 'm')),
    );
    const { lines } = formatBuildReport({ errors: [], warnings, output: OUTPUT, elapsedMs: 10 });
    expect(lines).toHaveLength(kinds.length + 1);
    expect(lines.slice(0, -1)).toEqual([
      expect.stringMatching(/^warning: no date in 500 articles, 1970-01-01 used \(date-fallback-0\.txt, /),
      expect.stringMatching(/^warning: no date in 500 articles, the date in the file name used \(/),
      expect.stringMatching(/^warning: slug taken by another article in 500 articles, a suffix added \(/),
      expect.stringMatching(/^warning: decomposed Unicode normalised to NFC in 500 files \(/),
      expect.stringMatching(/^warning: control characters removed from 500 files \(/),
      expect.stringMatching(
        /^warning: 500 files ignored \(.*, … and 497 more\); articles are \.txt \(with an optional \.yaml\) or \.md files$/,
      ),
    ]);
  });

  it('lists every error with its file, line and reason, before any warning', () => {
    const errors: ContentIssue[] = Array.from({ length: 50 }, (_, i) => ({
      file: `${i}.yaml`,
      line: i + 1,
      message: '"date" "2022-13-01" is not a valid date',
    }));
    const { lines, summary } = formatBuildReport({ errors, warnings: undated(1000), elapsedMs: 1234 });
    expect(lines.slice(0, 50)).toEqual(errors.map((e) => `error: ${e.file}:${e.line}: ${e.message}`));
    expect(lines.slice(50)).toEqual([expect.stringMatching(/^warning: no date in 1,000 articles/), VERBOSE_HINT]);
    expect(summary).toBe('content: 50 errors, 1,000 warnings; nothing was written (1.2 s)');
  });

  it('lists every warning when verbose', () => {
    const errors = [{ file: 'b.txt', line: 1, message: 'the title (line 1) is empty' }];
    const { lines } = formatBuildReport({ errors, warnings: undated(1000), elapsedMs: 1, verbose: true });
    expect(lines).toHaveLength(1001);
    expect(lines[0]).toBe('error: b.txt:1: the title (line 1) is empty');
    expect(lines[1]).toBe('warning: 000_a.txt: no date: using 1970-01-01 (the fallback); set "date" in its metadata');
    expect(lines.at(-1)).toMatch(/^warning: 999_a\.txt: /);
  });

  it('says when there is nothing to publish, and counts drafts', () => {
    const output = { articles: 0, drafts: 1, files: 1, bytes: 31, version: '0123456789abcdef' };
    const { lines, summary } = formatBuildReport({ errors: [], warnings: [], output, elapsedMs: 40 });
    expect(lines).toEqual(['warning: no articles to publish']);
    expect(summary).toBe(
      'content: 0 articles, 0 warnings, 1 draft left out; wrote 1 file (31 B) in 40 ms, version 0123456789abcdef',
    );
  });
});

describe('report figures', () => {
  it('counts with thousands separators and a plural', () => {
    expect([count(0, 'file'), count(1, 'file'), count(1234567, 'article')]).toEqual([
      '0 files',
      '1 file',
      '1,234,567 articles',
    ]);
  });

  it('gives durations in ms, seconds, then minutes', () => {
    expect([0, 999, 1000, 59_940, 60_000, 125_400].map(formatDuration)).toEqual([
      '0 ms',
      '999 ms',
      '1.0 s',
      '59.9 s',
      '1 min 00 s',
      '2 min 05 s',
    ]);
  });

  it('gives sizes in decimal units', () => {
    expect([0, 999, 1000, 48_300, 7_400_000, 1_234_000_000].map(formatBytes)).toEqual([
      '0 B',
      '999 B',
      '1.0 kB',
      '48.3 kB',
      '7.4 MB',
      '1.2 GB',
    ]);
  });
});
