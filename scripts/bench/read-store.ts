/** What the bench needs to know of a built content store: its size, slugs by position, tags by size. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compare } from '../../src/content/compile-articles.ts';
import { SITEMAP_PART, type StoreManifest, storePaths, type TagRecord } from '../../src/site/store-layout.ts';

export interface StoreView {
  count: number;
  /** The slug of the article at a position (0 = the oldest). */
  slugAt: (position: number) => string;
  /** Every tag, the largest first. */
  tags: { slug: string; count: number }[];
}

export const readStore = async (assetsDir: string): Promise<StoreView> => {
  const file = (path: string) => readFile(join(assetsDir, path), 'utf8');
  const { count } = JSON.parse(await file(storePaths.manifest)) as StoreManifest;
  const slugs: string[] = [];
  for (let part = 0; part * SITEMAP_PART < count; part++) {
    for (const line of (await file(storePaths.sitemapPart(part))).split('\n'))
      if (line) slugs.push(line.split('\t')[0]!);
  }
  const shardDir = join(assetsDir, storePaths.tagShard(0), '..');
  const tags: StoreView['tags'] = [];
  for (const shard of (await readdir(shardDir)).sort(compare)) {
    for (const tag of JSON.parse(await readFile(join(shardDir, shard), 'utf8')) as TagRecord[])
      tags.push({ slug: tag.slug, count: tag.count });
  }
  tags.sort((a, b) => b.count - a.count || compare(a.slug, b.slug));
  return { count, slugAt: (position) => slugs[position]!, tags };
};
