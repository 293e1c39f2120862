// The strict page: the release build carries a Content Security Policy
// that allows no inline script and no other origin, the browser enforces
// it, and the app does everything a person does under it (edit, share,
// QR, export, tooltip, French) with no violation, no console error and
// no request to any other origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIST, newPage, openApp, dragRange,
} from './lib.mjs';
import { useApp } from './suite.mjs';
import { setPlanName, waitSavedName } from './plan-io.mjs';

const env = useApp();

/** The policy of the built page as { directive: [sources] }. */
function builtPolicy() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const meta = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0])
    .filter((m) => /http-equiv\s*=\s*["']?content-security-policy/i.test(m));
  assert.equal(meta.length, 1, 'one policy <meta> in dist/index.html');
  const content = meta[0].match(/content\s*=\s*"([^"]*)"/i)?.[1];
  assert.ok(content, 'the policy has content');
  return { html, policy: Object.fromEntries(content.split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [name, ...sources] = d.split(/\s+/); return [name, sources]; })) };
}

test('the built page carries a policy with no inline script and no other origin', () => {
  const { html, policy } = builtPolicy();
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy['default-src'], ["'self'"]);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  for (const [name, sources] of Object.entries(policy)) {
    for (const s of sources) {
      // Keywords, or the data:/blob: schemes (in-page images only).
      assert.ok(/^'[a-z-]+'$/.test(s) || (name === 'img-src' && ['data:', 'blob:'].includes(s)),
        `${name} allows only this origin, not "${s}"`);
      assert.notEqual(s, "'unsafe-eval'", `${name} allows no eval`);
    }
  }
  // The policy comes before anything the page loads.
  const at = html.search(/http-equiv\s*=\s*["']?content-security-policy/i);
  assert.ok(at < html.search(/<(link|script)\b/i), 'the policy precedes every <link> and <script>');
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) assert.match(m[1], /\bsrc\s*=/, `no inline script: ${m[0]}`);
});

test('the browser enforces the policy: inline script, another origin\'s script and a <style> element are refused', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await openApp(page, env.url);
  const result = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const inline = document.createElement('script');
    inline.textContent = 'window.injected = true;';
    document.body.append(inline);
    // Refused before any request is made (port 9 on loopback answers nothing anyway).
    const foreign = document.createElement('script');
    foreign.src = 'http://127.0.0.2:9/x.js';
    document.body.append(foreign);
    const style = document.createElement('style');
    style.textContent = 'body { display: none; }';
    document.head.append(style);
    await new Promise((ok) => setTimeout(ok, 200));
    return { ran: window.injected === true, hidden: getComputedStyle(document.body).display === 'none', seen };
  });
  assert.equal(result.ran, false, 'the inline script did not run');
  assert.equal(result.hidden, false, 'the <style> element did not apply');
  assert.deepEqual(result.seen.sort(), ['script-src-elem http://127.0.0.2:9/x.js', 'script-src-elem inline', 'style-src-elem inline']);
  // What was provoked shows as console errors, and nothing else does.
  assert.ok(problems.length > 0, 'the violations were reported');
  assert.ok(problems.every((p) => /Content Security Policy|CSP violation|^request failed: .* csp$/.test(p)), problems.join('\n'));
  await context.close();
});

test('loading, editing, sharing, the QR code and every export touch no other origin and break no rule', { timeout: 120000 }, async () => {
  const { page, problems, context } = await newPage(env.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  const origin = new URL(env.url).origin;
  const foreign = [];
  const local = [];
  const judge = (url) => {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
    if (u.origin === origin) { local.push(u.pathname); return true; }
    foreign.push(url);
    return false;
  };
  // Refuse any other origin at the network, and record it.
  await context.route('**/*', (route) => (judge(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  context.on('request', (r) => { if (!r.url().startsWith(origin)) judge(r.url()); });

  await openApp(page, env.url);
  await page.evaluate(() => navigator.serviceWorker.ready);

  // Edit: a slider drag and a typed name.
  const slider = page.getByTestId('range-macro.real_growth_pct');
  await slider.scrollIntoViewIfNeeded();
  await dragRange(slider, [2.6, 1.9]);
  await setPlanName(page, 'Strict page');
  await waitSavedName(page, 'Strict page');

  // The tooltip places itself with a computed style attribute. (The
  // chart is scrolled into view first: the plan section opened above.)
  await page.getByTestId('need-line').scrollIntoViewIfNeeded();
  const need = await page.getByTestId('need-line').boundingBox();
  await page.mouse.move(need.x + need.width / 3, need.y + need.height / 2);
  await page.getByTestId('tooltip').waitFor({ state: 'visible' });

  // Share, then the QR code.
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-copied').waitFor();
  await page.getByTestId('qr-button').click();
  await page.locator('[data-testid="qr-svg"] svg').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('qr-panel').waitFor({ state: 'detached' });

  // Every export.
  for (const id of ['export-json', 'export-csv', 'export-svg', 'export-png']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    assert.ok(dl.suggestedFilename(), `${id} downloads a file`);
  }

  // French, then a reload (the service worker answers).
  await page.getByTestId('lang-fr').click();
  await page.reload();
  await page.waitForSelector('[data-testid="app-ready"]');

  assert.deepEqual(foreign, [], 'no request left this origin');
  assert.ok(local.some((p) => p.endsWith('.wasm')), `the requests were watched: ${local.join(' ')}`);
  assert.deepEqual(problems, []);
  await context.close();
});
