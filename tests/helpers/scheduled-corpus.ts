/**
 * Global setup of the `scheduled` test project: compiles a small corpus with
 * articles dated after one another (tests/fixtures/scheduled-seeds) into
 * dist/, where the project's Worker reads it, and starts a recording hub.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildContent } from '../../scripts/content-build.ts';
import { projectRoot } from '../../scripts/wrangler-config.ts';
import { startRecordingHub } from './recording-hub.ts';

const out = join(projectRoot, 'dist/test-corpora/scheduled');

export const SCHEDULED_CORPUS = {
  seeds: join(projectRoot, 'tests/fixtures/scheduled-seeds'),
  assets: join(out, 'assets'),
};

declare module 'vitest' {
  export interface ProvidedContext {
    hubUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { errors } = await buildContent({ ...SCHEDULED_CORPUS, quiet: true });
  if (errors > 0) throw new Error('the scheduled test corpus does not build');
  const hub = await startRecordingHub();
  project.provide('hubUrl', hub.url);
  return () => hub.close();
}
