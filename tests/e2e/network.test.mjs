// Workshops on a real network: a page opened at this computer's loopback
// address says in its QR panel that phones cannot open it and how to serve
// to the room.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  newPage, openApp, SHOTS,
} from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();

test('on 127.0.0.1 and localhost the QR panel says phones cannot open the address, in English and French', async () => {
  const { page, problems, context } = await newPage(env.browser, { viewport: { width: 1280, height: 720 } });
  await openApp(page, env.url);
  assert.match(env.url, /^http:\/\/127\.0\.0\.1:/);
  await page.getByTestId('qr-button').click();
  const note = page.getByTestId('qr-local-only');
  await note.waitFor();
  const text = await note.innerText();
  assert.match(text, /^Phones cannot open this address/);
  assert.match(text, /make run HOST=0\.0\.0\.0/);
  // The note, the code and the Close button all fit a 1280×720 screen.
  for (const id of ['qr-local-only', 'qr-close']) {
    const box = await page.getByTestId(id).boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 720, `${id} at ${JSON.stringify(box)}`);
  }
  await page.screenshot({ path: join(SHOTS, 'qr-local-only.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-fr').click();
  await page.getByTestId('qr-button').click();
  const fr = await note.innerText();
  assert.match(fr, /^Les téléphones ne peuvent pas ouvrir cette adresse/);
  assert.match(fr, /make run HOST=0\.0\.0\.0/);
  await page.keyboard.press('Escape');

  // The presenter's QR code (Q) says so too, and so does localhost.
  await page.goto(env.url.replace('127.0.0.1', 'localhost'));
  await page.waitForSelector('[data-island="files"] > *', { timeout: 30000 });
  await page.getByTestId('present-button').click();
  await page.getByTestId('presenter-scenario').waitFor();
  await page.keyboard.press('q');
  await page.getByTestId('qr-svg').waitFor();
  assert.match(await note.innerText(), /make run HOST=0\.0\.0\.0/);
  assert.deepEqual(problems, []);
  await context.close();
});
