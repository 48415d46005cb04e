import { describe, expect, it } from 'vitest';
import { archiveCount, archivePage, currentPage, formerPage, parsePage } from '../../src/site/pagination.ts';

describe('page numbers', () => {
  it('reads whole numbers from 1, and nothing else', () => {
    expect(parsePage(undefined)).toBe(1);
    expect(parsePage('7')).toBe(7);
    for (const bad of ['', '0', '-1', 'abc', '1.5', '01', '1e3', '999999999999', ' 2'])
      expect(parsePage(bad)).toBeUndefined();
  });
});

describe('archive pages', () => {
  it('hold the newest items in the subscription document, linked to the newest full archive page', () => {
    expect(currentPage(45, 20)).toEqual({ start: 25, end: 45, full: false, complete: false, prevArchive: 2 });
    expect(currentPage(40, 20)).toEqual({ start: 20, end: 40, full: false, complete: false, prevArchive: 1 });
    expect(currentPage(20, 20)).toEqual({ start: 0, end: 20, full: false, complete: true });
    expect(currentPage(0, 20)).toEqual({ start: 0, end: 0, full: false, complete: true });
  });

  it('link the subscription document to a full page that, with the older ones, holds everything before it', () => {
    for (let count = 21; count < 200; count++) {
      const current = currentPage(count, 20);
      const archive = archivePage(count, 20, current.prevArchive!)!;
      expect(archive.full, `${count}`).toBe(true);
      expect(archive.end, `${count}`).toBeGreaterThanOrEqual(current.start);
    }
  });

  it('count from the oldest: full pages never change, the last one fills up', () => {
    expect(archiveCount(0, 20)).toBe(0);
    expect([1, 19, 20, 21, 40, 45].map((count) => archiveCount(count, 20))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(archivePage(45, 20, 1)).toEqual({
      start: 0,
      end: 20,
      archive: 1,
      full: true,
      complete: false,
      nextArchive: 2,
    });
    expect(archivePage(45, 20, 3)).toEqual({
      start: 40,
      end: 45,
      archive: 3,
      full: false,
      complete: false,
      prevArchive: 2,
    });
    // The same page at any later count: the same items and links.
    expect(archivePage(1000, 20, 2)).toEqual(archivePage(45, 20, 2));
    // Just filled: its next-archive page exists, empty.
    expect(archivePage(40, 20, 3)).toMatchObject({ start: 40, end: 40, full: false });
    expect(archivePage(45, 20, 4)).toBeUndefined();
    expect(archivePage(45, 20, 0)).toBeUndefined();
    expect(archivePage(0, 20, 1)).toBeUndefined();
  });

  it('send a former ?page=N (counted from the newest) to the page that holds its first item now', () => {
    expect(formerPage(45, 20, 1)).toEqual({});
    // Page 2 began with the 21st newest: index 24 from the oldest, on archive page 2.
    expect(formerPage(45, 20, 2)).toEqual({ archive: 2 });
    expect(formerPage(45, 20, 3)).toEqual({ archive: 1 });
    expect(formerPage(45, 20, 4)).toBeUndefined();
    expect(formerPage(0, 20, 1)).toEqual({});
  });
});
