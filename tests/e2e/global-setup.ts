import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the extension once for the whole end-to-end run (the tests load
 * what `npm run build` ships, not a dev build) and serves the fixture pages.
 * Set SC_E2E_SKIP_BUILD=1 to reuse `.output/` while iterating.
 */
export default async function setup(project: TestProject) {
  if (!process.env.SC_E2E_SKIP_BUILD) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  const { url, server } = await startServer(fileURLToPath(new URL('../pages', import.meta.url)));
  project.provide('baseUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
