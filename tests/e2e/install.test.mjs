// Installable: the page links a web app manifest whose colours are the
// app's own, whose icons exist at the sizes it claims (one maskable, one
// SVG), that Chromium finds nothing to refuse, and that the service
// worker keeps for offline use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPage, launchProfile, openApp } from './lib.mjs';
import { useApp } from './suite.mjs';

const env = useApp();

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the manifest names the app, uses its colours and lists real icons; Chromium finds it installable', async (t) => {
  // An ordinary profile: Chromium never offers to install from incognito.
  const profile = mkdtempSync(join(tmpdir(), 'sunset-profile-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const { page, problems, context } = await launchProfile(profile);
  await openApp(page, env.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  const res = await page.request.get(href);
  assert.equal(res.status(), 200);
  const m = await res.json();
  assert.equal(m.name, 'Sunset Planner');
  assert.ok(m.short_name && m.short_name.length <= 12, `short_name "${m.short_name}" fits under an icon`);
  assert.equal(m.display, 'standalone');
  assert.equal(new URL(m.start_url, href).href, env.url);

  // The colours are the page's: its background and its accent.
  const css = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--accent');
    document.body.append(probe);
    const accent = getComputedStyle(probe).color;
    probe.remove();
    return {
      accent,
      paper: getComputedStyle(document.body).backgroundColor,
      meta: document.querySelector('meta[name="theme-color"]')?.content,
    };
  });
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  assert.equal(rgb(m.theme_color), css.accent);
  assert.equal(rgb(m.background_color), css.paper);
  assert.equal(css.meta, m.theme_color);

  const sizes = [];
  for (const icon of m.icons) {
    const r = await page.request.get(new URL(icon.src, href).href);
    assert.equal(r.status(), 200, icon.src);
    const body = await r.body();
    if (icon.type === 'image/png') {
      assert.equal(pngSize(body), icon.sizes, `${icon.src} is ${icon.sizes}`);
      sizes.push(`${icon.sizes}${icon.purpose === 'maskable' ? ' maskable' : ''}`);
    } else {
      assert.equal(icon.type, 'image/svg+xml');
      assert.match(body.toString('utf8'), /<svg[^>]*viewBox="0 0 512 512"/);
      sizes.push('svg');
    }
  }
  assert.deepEqual(sizes.sort(), ['192x192', '512x512', '512x512 maskable', 'svg']);

  // Chromium's own verdict, as it decides whether to offer "Install".
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  assert.deepEqual(parsed.errors, [], 'the manifest parses cleanly');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the service worker keeps the manifest and its icons for offline use', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Read outside the page, so no page fetch puts anything in the cache.
  const href = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  const manifest = await (await page.request.get(href)).json();
  const wanted = [href, ...manifest.icons.map((i) => new URL(i.src, href).href)];
  const missing = await page.evaluate(async (urls) => (
    await Promise.all(urls.map(async (u) => ((await caches.match(u)) ? null : u)))
  ).filter(Boolean), wanted);
  assert.deepEqual(missing, []);
  assert.deepEqual(problems, []);
  await context.close();
});
