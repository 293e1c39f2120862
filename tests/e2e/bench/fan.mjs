// Benchmark, not a test: the Monte Carlo fan and the goal seek in headless
// Chromium on the default plan with the run switched on (10,000 paths,
// IMF-typical spreads). Prints p50/p95/max of
//   release → fan drawn    a slider's change event until the 10,000-path
//                          fan of the new plan is in the DOM (target 150 ms)
//   preview → fan drawn    an input event during a drag until the
//                          1,000-path preview is in the DOM (target 25 ms)
//   input → DOM updated    during a drag with the fan on, the input event
//                          until the first DOM mutation (target p95 8 ms)
//   goal seek per answer   each answer's time in its worker (target 50 ms)
// with the machine's load average and the workers started. Never fails
// on a figure.
import { loadavg, cpus } from 'node:os';
import { serveDist, launchBrowser, newPage, openApp } from '../lib.mjs';

const SLIDER = process.env.BENCH_SLIDER ?? 'range-macro.real_growth_pct';
const RUNS = Number(process.env.BENCH_RUNS ?? 12);

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return `p50 ${q(0.5).toFixed(1)} ms  p95 ${q(0.95).toFixed(1)} ms  max ${s[s.length - 1].toFixed(1)} ms  (n ${s.length})`;
};

const server = await serveDist();
const browser = await launchBrowser();
try {
  const { page, problems } = await newPage(browser);
  await openApp(page, server.url);
  await page.getByTestId('fan-switch-on').click();
  await page.waitForSelector('[data-testid="fan"][data-current="true"][data-paths="10000"]', { timeout: 60000 });
  const slider = page.getByTestId(SLIDER);
  await slider.scrollIntoViewIfNeeded();

  // In the page: time from an event on the slider until the fan of the
  // new request (a newer generation, `paths` paths, current) is drawn.
  const timed = (kind, value, paths) => slider.evaluate((el, [kind, value, paths]) => new Promise((ok) => {
    const fan = () => document.querySelector('[data-testid="fan"]');
    const before = Number(fan().dataset.generation);
    const done = () => {
      const f = fan();
      return f.dataset.current === 'true' && f.dataset.paths === String(paths) && Number(f.dataset.generation) > before;
    };
    const obs = new MutationObserver(() => {
      if (done()) { obs.disconnect(); ok(performance.now() - t0); }
    });
    obs.observe(document.body, { subtree: true, childList: true, attributes: true });
    const t0 = performance.now();
    if (kind === 'input') el.value = String(value);
    el.dispatchEvent(new Event(kind, { bubbles: true }));
  }), [kind, value, paths]);

  const release = [], preview = [];
  for (let i = 0; i < RUNS; i++) {
    const v = 1 + (i % 6) * 0.7;
    preview.push(await timed('input', v, 1000));
    preview.push(await timed('input', v + 0.3, 1000));
    release.push(await timed('change', null, 10000));
  }

  // Input to DOM during a drag while previews run in the workers.
  const dom = await slider.evaluate(async (el) => {
    const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
    const min = Number(el.min), max = Number(el.max), n = 100, out = [];
    for (let i = 0; i < n; i++) {
      await nextFrame();
      let domAt = null;
      const obs = new MutationObserver(() => { domAt ??= performance.now(); });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      await new Promise((ok) => setTimeout(ok, (i * 7) % 16));
      const t0 = performance.now();
      el.value = String(min + ((max - min) * (i % 2 === 0 ? i : n - i)) / n);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => queueMicrotask(ok));
      const frameAt = await nextFrame();
      obs.disconnect();
      out.push((domAt ?? frameAt) - t0);
    }
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return out;
  });

  // Goal seek: each answer's time in its worker, over a few plans.
  const seek = [];
  for (let i = 0; i < 6; i++) {
    const before = Number(await page.getByTestId('what-it-takes').getAttribute('data-generation'));
    await slider.evaluate((el, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, 2 + i * 0.5);
    await page.waitForFunction((before) => {
      const w = document.querySelector('[data-testid="what-it-takes"]');
      return Number(w.dataset.generation) > before && w.dataset.ms;
    }, before, { timeout: 60000 });
    const ms = await page.getByTestId('what-it-takes').getAttribute('data-ms');
    if (ms) seek.push(...ms.split(',').map(Number));
  }

  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  const [l1, l5, l15] = loadavg();
  console.log(`fan benchmark, default plan, 10,000 paths; ${cpus().length} cores, navigator.hardwareConcurrency ${workers}; load average ${l1.toFixed(2)} ${l5.toFixed(2)} ${l15.toFixed(2)}`);
  console.log(`release → 10,000-path fan drawn:  ${stat(release)}   (target 150 ms)`);
  console.log(`input → 1,000-path preview drawn: ${stat(preview)}   (target 25 ms)`);
  console.log(`input → DOM updated, fan on:      ${stat(dom)}   (target p95 8 ms)`);
  console.log(`goal seek, per answer in worker:  ${seek.length ? stat(seek) : 'no answers read'}   (target 50 ms)`);
  if (problems.length) console.log(`page problems: ${problems.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
}
