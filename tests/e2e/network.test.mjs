// Workshops on a real network: `make run HOST=0.0.0.0` serves to the room,
// the app opened at the computer's network address gives a QR code phones
// can open, and a page opened at this computer's loopback address says in
// its QR panel that phones cannot open it and how to serve to the room.
// The QR code has a full-screen view, at the error correction level with
// the fewest (so the largest) modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import {
  newPage, openApp, serveDist, ROOT, SHOTS,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import { waitUrlFollows } from './plan-io.mjs';

const env = useApp();

/** The focused element's data-testid. */
const focused = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);

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

  // The check reads the hostname as the browser's URL parser writes it.
  assert.deepEqual(await page.evaluate(() => ['http://127.1/', 'http://[0:0:0:0:0:0:0:1]/', 'http://LocalHost./']
    .map((u) => new URL(u).hostname)), ['127.0.0.1', '[::1]', 'localhost.']);

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

// Byte-mode capacity of QR versions 1–40 at error correction L and M
// (ISO/IEC 18004, table 7).
const CAPACITY = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858, 929, 1003,
    1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779,
    857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331],
};
/** Modules on a side of the smallest code holding `bytes` at `level`. */
const modules = (bytes, level) => 17 + 4 * (CAPACITY[level].findIndex((c) => c >= bytes) + 1);

test('the QR code is at level L and has a full-screen view that Escape and Close leave', async () => {
  const { page, problems, context } = await newPage(env.browser, { viewport: { width: 1280, height: 720 } });
  await openApp(page, env.url);
  const url = await waitUrlFollows(page);
  const opener = page.getByTestId('qr-button');
  await opener.click();
  const svg = page.locator('[data-testid="qr-svg"] svg');
  await svg.waitFor();
  // The side in modules, quiet zone (4 each side) left out.
  const side = Number((await svg.getAttribute('viewBox')).split(' ')[2]) - 8;
  const bytes = Buffer.byteLength(url);
  assert.equal(side, modules(bytes, 'L'), `${bytes}-byte link`);
  assert.ok(side < modules(bytes, 'M'), `${side} modules at L, ${modules(bytes, 'M')} at M`);

  const button = page.getByTestId('qr-full-button');
  await button.focus();
  await page.keyboard.press('Enter');
  const full = page.getByTestId('qr-full');
  await full.waitFor();
  assert.equal(await full.locator('svg').evaluate((e) => e.outerHTML), await svg.evaluate((e) => e.outerHTML));
  const box = await full.locator('svg').boundingBox();
  assert.ok(box.height >= 0.95 * 720 && box.width >= 0.95 * 720, `full-screen code is ${box.width}×${box.height}`);
  assert.ok(box.x >= 0 && box.y >= -1 && box.x + box.width <= 1280 && box.y + box.height <= 721, JSON.stringify(box));
  // The Close button does not cover the code.
  const close = await page.getByTestId('qr-full-close').boundingBox();
  assert.ok(close.x >= box.x + box.width || close.y >= box.y + box.height, `Close at ${JSON.stringify(close)}`);
  await page.screenshot({ path: join(SHOTS, 'qr-full.png') });
  assert.equal(await focused(page), 'qr-full-close');
  // Escape leaves the full screen, not the panel; the focus goes back.
  await page.keyboard.press('Escape');
  await full.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('qr-panel').count(), 1);
  assert.equal(await focused(page), 'qr-full-button');
  // So does Close.
  await page.keyboard.press('Enter');
  await full.waitFor();
  await page.getByTestId('qr-full-close').click();
  await full.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'qr-full-button');
  await page.keyboard.press('Escape');
  await page.getByTestId('qr-panel').waitFor({ state: 'detached' });

  // In French too.
  await page.getByTestId('lang-fr').click();
  await opener.click();
  assert.equal(await button.innerText(), 'Plein écran');
  assert.deepEqual(problems, []);
  await context.close();
});
