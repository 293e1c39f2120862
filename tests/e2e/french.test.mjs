// In French, the model's and the codec's messages are French too: the
// message at a control, the problems banner and a refused link's notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newPage, openApp,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import { fixtureFragment, loadFresh } from './plan-io.mjs';

const env = useApp();

/** Words of the English templates that must not show in French. */
const ENGLISH = /\b(must|between|got|above|link|holds|not valid|malformed|incomplete)\b/;

test('an invalid value shows the model\'s message in French, at the control and in the banner', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  await page.getByTestId('lang-fr').click();
  const input = page.getByTestId('input-macro.gdp_base');
  await input.scrollIntoViewIfNeeded();
  await input.fill('-5');
  await input.press('Enter');
  const error = page.getByTestId('error-macro.gdp_base');
  await error.waitFor();
  const at = await error.innerText();
  assert.match(at, /doit être supérieur à 0 \(valeur : -5\)/);
  assert.doesNotMatch(at, ENGLISH);
  const banner = await page.getByTestId('problems-banner').innerText();
  assert.match(banner, /doit être supérieur à 0 \(valeur : -5\)/);
  assert.doesNotMatch(banner, ENGLISH);
  // Back to English, the same problem speaks English.
  await page.getByTestId('lang-en').click();
  assert.match(await page.getByTestId('error-macro.gdp_base').innerText(), /must be above 0 \(got -5\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a refused link\'s notice follows the language', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url + fixtureFragment('hostile/truncated.link'));
  const notice = page.getByTestId('link-error');
  await notice.waitFor();
  assert.match(await notice.innerText(), /incomplete/);
  await page.getByTestId('lang-fr').click();
  await page.waitForFunction(() => /incomplet :/.test(document.querySelector('[data-testid="link-error"]')?.innerText ?? ''));
  const fr = await notice.innerText();
  assert.match(fr, /Le lien est incomplet/);
  assert.doesNotMatch(fr, ENGLISH);

  await loadFresh(page, env.url + fixtureFragment('hostile/invalid-plan.link'));
  await notice.waitFor();
  if (await page.getByTestId('lang-fr').getAttribute('aria-pressed') !== 'true') {
    await page.getByTestId('lang-fr').click();
  }
  await page.waitForFunction(() => /n’est pas valide/.test(document.querySelector('[data-testid="link-error"]')?.innerText ?? ''));
  const invalid = await notice.innerText();
  assert.match(invalid, /Le plan du lien n’est pas valide/, invalid);
  assert.doesNotMatch(invalid, ENGLISH);
  assert.deepEqual(problems, []);
  await context.close();
});
