// A facilitator opens the app once with a network, then runs the workshop
// without one: the app must load from the offline copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newPage, openApp, testText,
} from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();

test('after one visit the app opens with no network', { timeout: 90000 }, async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const online = await testText(page, 'card-self-sufficiency-year-value');
  assert.deepEqual(problems, []);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
  assert.equal(await testText(page, 'card-self-sufficiency-year-value'), online);
  // A new tab, offline from the start, opens too.
  const second = await context.newPage();
  await second.goto(env.url);
  await second.waitForSelector('[data-testid="app-ready"]', { timeout: 30000 });
  await context.close();
});
