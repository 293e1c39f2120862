// The set-up every end-to-end file shares: the release dist/ served on
// loopback and one Chromium, started before the file's tests and closed
// after them. Kept apart from lib.mjs, which the benchmark imports outside
// the test runner.
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { serveDist, launchBrowser, SHOTS } from './lib.mjs';

/** Returns `env`; inside tests read `env.url` and `env.browser`. */
export function useApp() {
  const env = { url: null, browser: null, server: null };
  before(async () => {
    env.server = await serveDist();
    env.url = env.server.url;
    env.browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
