/** The identities of seed files, by which the build cache (scripts/build-cache.ts) knows them unchanged. */
import { type Stats, statSync } from 'node:fs';
import { join } from 'node:path';

/** What identifies a source file's content without reading it, as make and rsync judge it: sizes and modification times. */
export interface SourceIdentity {
  size: number;
  mtimeMs: number;
  sidecar: string | null;
  sidecarSize: number;
  sidecarMtimeMs: number;
}

/** A picture from seeds/ an article shows, as it was: a changed picture changes the article's meta (its size, its URL). */
export interface PictureIdentity {
  name: string;
  size: number;
  mtimeMs: number;
}

/** What of a file's stats its identity holds. */
type FileStats = Pick<Stats, 'size' | 'mtimeMs'>;

/** A source's identity from the stats of its file and of its sidecar, if it has one. */
export const identityOf = (file: FileStats, sidecar?: { name: string; stats: FileStats }): SourceIdentity => ({
  size: file.size,
  mtimeMs: file.mtimeMs,
  sidecar: sidecar?.name ?? null,
  sidecarSize: sidecar?.stats.size ?? 0,
  sidecarMtimeMs: sidecar?.stats.mtimeMs ?? 0,
});

export const sourceIdentity = (dir: string, name: string, sidecar: string | undefined): SourceIdentity =>
  identityOf(statSync(join(dir, name)), sidecar ? { name: sidecar, stats: statSync(join(dir, sidecar)) } : undefined);

export const pictureIdentity = (dir: string, name: string): PictureIdentity => {
  const stats = statSync(join(dir, name), { throwIfNoEntry: false });
  return { name, size: stats?.size ?? -1, mtimeMs: stats?.mtimeMs ?? -1 };
};

export const sameSource = (a: SourceIdentity, b: SourceIdentity) =>
  a.size === b.size &&
  a.mtimeMs === b.mtimeMs &&
  a.sidecar === b.sidecar &&
  a.sidecarSize === b.sidecarSize &&
  a.sidecarMtimeMs === b.sidecarMtimeMs;
