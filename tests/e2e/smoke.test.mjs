// The app loads from the release build, renders the default plan with no
// console error or failed request, and a slider drag changes the headline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  newPage, openApp, mouseDrag, testText, SHOTS,
} from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();

test('opens on the default plan with no errors and a slider redraws the headline', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  assert.match(await page.title(), /Sunset Planner/);

  const card = 'card-cumulative-gap-value';
  const before = await testText(page, card);
  const slider = page.getByTestId('range-macro.real_growth_pct');
  await slider.scrollIntoViewIfNeeded();
  await mouseDrag(page, slider, 0.05);
  await page.waitForFunction(
    ([id, old]) => document.querySelector(`[data-testid="${id}"]`)?.innerText !== old,
    [card, before],
  );
  const after = await testText(page, card);
  assert.notEqual(after, before, 'the cumulative gap should change when growth falls');

  await page.screenshot({ path: join(SHOTS, 'smoke.png'), fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});
