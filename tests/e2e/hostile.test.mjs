// Bad input never costs work: every hostile link fixture shows its own
// message while the plan on screen and the saved plan stay exactly as they
// were; names carrying markup show as text; corrupt saved data and a full
// storage are reported and lose nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  newPage, openApp, ROOT, SHOTS,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import {
  readResults, planName, setPlanName, stored, waitSavedName, waitUrlFollows, fixtureFragment, loadFresh,
  KEY_CURRENT, KEY_PREVIOUS, KEY_UNREADABLE,
} from './plan-io.mjs';

const env = useApp();

/** The words each error kind's message carries (LinkError's Display). */
const MESSAGES = {
  empty: /holds no plan/,
  truncated: /incomplete/,
  bad_character: /never appears in a plan link/,
  corrupt: /damaged/,
  too_large: /unpacks to more than/,
  newer: /newer release/,
  unknown_tag: /not a Sunset Planner plan link/,
  shape: /malformed/,
  invalid: /not valid/,
};

/** expected.tsv: file, kind ('ok' opens; no kind: no plan in the link). */
function hostileFixtures() {
  const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile', 'expected.tsv'), 'utf8');
  return text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [file, kind] = l.split('\t');
    return { file, kind };
  });
}

test('each hostile link shows its message; the plan on screen and the saved plan are untouched', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  await setPlanName(page, 'Mine');
  await waitSavedName(page, 'Mine');
  const mine = await readResults(page);
  const saved = await stored(page);

  const failing = hostileFixtures().filter((f) => f.kind !== 'ok');
  assert.ok(failing.length >= 12, `${failing.length} hostile fixtures`);
  for (const { file, kind } of failing) {
    const fragment = fixtureFragment(`hostile/${file}`);
    await loadFresh(page, env.url + fragment);
    if (fragment.includes('plan=')) {
      const banner = page.getByTestId('link-error');
      await banner.waitFor();
      const message = await banner.innerText();
      assert.match(message, /could not be opened/, file);
      assert.match(message, MESSAGES[kind], `${file}: ${message}`);
      if (kind === 'invalid') assert.ok((await banner.locator('li').count()) >= 1, `${file} lists its problems`);
      if (file === 'absurd-numbers.link') await page.screenshot({ path: join(SHOTS, 'hostile-link.png') });
    } else {
      assert.equal(await page.getByTestId('link-error').count(), 0, file);
    }
    assert.equal(await page.getByTestId('plan-name').innerText(), 'Mine', file);
    assert.deepEqual(await readResults(page), mine, file);
    assert.equal(await stored(page), saved, `${file}: the saved plan is unchanged`);
    assert.equal(await stored(page, KEY_PREVIOUS), null, file);
  }

  // Dismissing the message puts the plan on screen back in the address.
  await loadFresh(page, env.url + fixtureFragment('hostile/truncated.link'));
  await page.getByTestId('link-error-dismiss').click();
  await page.getByTestId('link-error').waitFor({ state: 'detached' });
  await waitUrlFollows(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('names carrying HTML and script open as plain text', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await page.addInitScript(() => { window.alert = () => { window.pwned = true; }; });
  await openApp(page, env.url + fixtureFragment('hostile/html-names.link'));
  const expected = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'links', 'html-names.plan.json'), 'utf8'));
  assert.equal(await page.getByTestId('link-error').count(), 0);
  assert.equal(await page.getByTestId('plan-name').innerText(), expected.meta.name);
  assert.equal(await planName(page), expected.meta.name);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('.app script, .app img, .app iframe').count(), 0);
  await page.screenshot({ path: join(SHOTS, 'html-names.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('corrupt saved data is reported and kept aside, never overwritten in silence', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  const corrupt = '{"app":"sunset-planner","record":1,"saved_at_ms":17';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY_CURRENT, corrupt]);
  await loadFresh(page, env.url);
  const banner = page.getByTestId('saved-error');
  await banner.waitFor();
  assert.match(await banner.innerText(), /damaged/);
  assert.equal(await stored(page, KEY_UNREADABLE), corrupt);
  await page.screenshot({ path: join(SHOTS, 'saved-error.png') });

  // Work goes on and is saved again.
  await setPlanName(page, 'After the damage');
  await waitSavedName(page, 'After the damage');
  assert.equal(await stored(page, KEY_UNREADABLE), corrupt);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a full storage says the plan was not saved, and the plan stays on screen and in the address', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await page.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key && window.storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, KEY_CURRENT);
  await openApp(page, env.url);
  await setPlanName(page, 'Saved before');
  await waitSavedName(page, 'Saved before');
  const saved = await stored(page);

  const before = await page.evaluate(() => location.href);
  await page.evaluate(() => { window.storageFull = true; });
  await setPlanName(page, 'Not saved yet');
  const banner = page.getByTestId('storage-error');
  await banner.waitFor();
  assert.match(await banner.innerText(), /full/);
  assert.equal(await stored(page), saved, 'the last good save is intact');
  assert.equal(await planName(page), 'Not saved yet');
  const url = await waitUrlFollows(page, before);
  assert.match(url, /#plan=2\./);

  await page.evaluate(() => { window.storageFull = false; });
  await setPlanName(page, 'Saved again');
  await waitSavedName(page, 'Saved again');
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('blocked storage is reported once at start-up and the app still works and shares', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await openApp(page, env.url);
  const banner = page.getByTestId('storage-error');
  await banner.waitFor();
  assert.match(await banner.innerText(), /does not let the page save/);
  const first = await page.evaluate(() => location.href);
  await setPlanName(page, 'Only in the link');
  const url = await waitUrlFollows(page, first);
  const b = await newPage(env.browser);
  await openApp(b.page, url);
  assert.equal(await planName(b.page), 'Only in the link');
  assert.deepEqual(problems, []);
  assert.deepEqual(b.problems, []);
  await context.close();
  await b.context.close();
});
