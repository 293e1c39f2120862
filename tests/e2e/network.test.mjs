// Workshops on a real network: `make run HOST=0.0.0.0` serves to the room,
// the app opened at the computer's network address gives a QR code phones
// can open, and a page opened at this computer's loopback address says in
// its QR panel that phones cannot open it and how to serve to the room.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import {
  newPage, openApp, serveDist, ROOT, SHOTS,
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

test('make run HOST=0.0.0.0 serves to the network; from the network address the QR code carries that address', async (t) => {
  // What `make run` runs (-n: printed, not run): the host goes to trunk.
  const run = (...args) => execFileSync('make', ['-n', 'run', ...args], { cwd: ROOT }).toString();
  assert.match(run('HOST=0.0.0.0', 'PORT=9123'), /trunk serve .*--address "0\.0\.0\.0" --port "9123"/);
  assert.match(run(), /trunk serve .*--address "127\.0\.0\.1" --port "8080"/, 'loopback stays the default');

  // The app served on every address, as `trunk serve --address 0.0.0.0`
  // does, and opened at this computer's network address, as a phone does.
  const lan = Object.values(networkInterfaces()).flat().find((a) => a.family === 'IPv4' && !a.internal);
  if (!lan) {
    t.skip('this machine has no network address besides loopback');
    return;
  }
  const server = await serveDist(undefined, { host: '0.0.0.0' });
  try {
    const url = `http://${lan.address}:${server.port}/`;
    const { page, problems, context } = await newPage(env.browser, { viewport: { width: 1280, height: 720 } });
    await openApp(page, url);
    assert.ok((await page.getByTestId('share-url').inputValue()).startsWith(`${url}#plan=`));
    await page.getByTestId('qr-button').click();
    await page.getByTestId('qr-svg').waitFor();
    assert.equal(await page.getByTestId('qr-local-only').count(), 0, 'no warning on a network address');
    await page.keyboard.press('Escape');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});
