/**
 * Plans the store of `n` generated articles from their keys alone (no bodies), as the build would lay it out,
 * with packs planned as if every record had `recordBytes` (the mean the bench measured in a built store).
 */
import { packFiles, planIndexFiles } from '../../src/content/plan-store.ts';
import { generatedStoreKeys } from '../generate-articles.ts';
import type { PlanResult } from './bench-result.ts';

export const planLayout = (n: number, recordBytes: number): PlanResult => {
  const started = performance.now();
  let files = 0;
  let largest = 0;
  for (const { content } of planIndexFiles(generatedStoreKeys(n))) {
    files++;
    largest = Math.max(largest, Buffer.byteLength(content));
  }
  const { packs, starts } = packFiles(n, () => recordBytes);
  return {
    n,
    recordBytes,
    files: files + packs + starts + 1,
    packs,
    largestIndexKB: Number((largest / 1024).toFixed(1)),
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
};
