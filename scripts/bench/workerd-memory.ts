/** Resident memory of the workerd processes this process started (Miniflare runs one per instance). */
import { execFileSync } from 'node:child_process';

/** Sum of the resident set sizes, in MB, of this process's workerd children. */
export const workerdMemoryMB = (): number => {
  const lines = execFileSync('ps', ['-o', 'rss=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const kb = lines
    .filter((line) => /workerd/.test(line))
    .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]), 0);
  return Number((kb / 1024).toFixed(0));
};
