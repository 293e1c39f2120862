// A panic is a recovery message, never a frozen page: the wasm's test
// export `panic_for_tests` panics (release builds abort right after the
// hook), the page shows what happened in its language with a Reload
// button, the saved plan is untouched byte for byte, and Reload brings it
// back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { newPage, openApp, dragRange, SHOTS } from './lib.mjs';
import { useApp } from './suite.mjs';
import { readResults, planName, setPlanName, waitSavedName } from './plan-io.mjs';

const env = useApp();

/** Everything in local storage, as text. */
const storage = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

/** Calls the module's test export; returns what the abort threw. */
function panic(page) {
  return page.evaluate(async () => {
    const glue = await import(document.querySelector('script[data-js]').dataset.js);
    try {
      glue.panic_for_tests();
      return 'returned';
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  });
}

async function editedAndSaved(page, name) {
  await openApp(page, env.url);
  const slider = page.getByTestId('range-macro.real_growth_pct');
  await slider.scrollIntoViewIfNeeded();
  await dragRange(slider, [2.7, 1.6]);
  await setPlanName(page, name);
  await waitSavedName(page, name);
  // Let the address and every debounced write settle.
  await page.waitForTimeout(1500);
}

test('a panic shows the recovery message, keeps the saved plan byte for byte, and Reload restores it', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await editedAndSaved(page, 'Before the crash');
  const results = await readResults(page);
  const saved = await storage(page);

  const thrown = await panic(page);
  assert.match(thrown, /RuntimeError: unreachable/, 'release builds abort after the hook');
  const box = page.getByTestId('panic-recovery');
  await box.waitFor();
  assert.equal(await box.getAttribute('role'), 'alertdialog');
  assert.match(await box.innerText(), /Sunset Planner has stopped/);
  assert.match(await box.innerText(), /plan saved in this browser is kept/);
  const reload = page.getByTestId('panic-reload');
  assert.equal(await reload.innerText(), 'Reload the page');
  assert.ok(await reload.evaluate((b) => b === document.activeElement), 'the button has the focus');
  // The stopped app is out of reach; the message is the one thing to use.
  assert.equal(await page.locator('body > [inert]').count(), await page.locator('body > :not(#panic-recovery)').count());
  await page.screenshot({ path: join(SHOTS, 'panic-recovery.png') });

  // The only problem is the panic itself, reported in the console.
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /^console: panicked at .*a panic on purpose/s);

  await page.waitForTimeout(1500);
  assert.equal(await storage(page), saved, 'the hook and what follows leave storage as it was');

  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await page.waitForSelector('[data-testid="app-ready"]');
  assert.equal(await page.getByTestId('panic-recovery').count(), 0);
  assert.equal(await planName(page), 'Before the crash');
  assert.deepEqual(await readResults(page), results);
  assert.equal(problems.length, 1, problems.join('\n'));
  await context.close();
});

test('in French the recovery message is in French', async () => {
  const { page, context } = await newPage(env.browser);
  await openApp(page, env.url);
  await page.getByTestId('lang-fr').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await panic(page);
  const box = page.getByTestId('panic-recovery');
  await box.waitFor();
  assert.match(await box.innerText(), /Sunset Planner s’est arrêté/);
  assert.match(await box.innerText(), /plan enregistré dans ce navigateur est conservé/);
  assert.equal(await page.getByTestId('panic-reload').innerText(), 'Recharger la page');
  await page.screenshot({ path: join(SHOTS, 'panic-recovery-fr.png') });
  await context.close();
});
