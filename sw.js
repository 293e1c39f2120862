// Offline support for workshops with no network. Network first, so an
// online visitor always gets the newest release; the last good copy of
// each file answers when the network is gone. Plans never pass through
// here: they live in the URL fragment and local storage.
const CACHE = 'sunset-planner-v3';

// On install, keep the page, every file it loads (their names carry
// content hashes, so they are read from the page rather than listed here),
// and the web app manifest with its icons, for installing offline.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const index = new URL('./', self.registration.scope).href;
    const page = await fetch(index, { cache: 'no-cache' });
    if (!page.ok) return;
    const html = await page.clone().text();
    await cache.put(index, page);
    // Attribute values may be unquoted: the release page is minified.
    const assets = [...html.matchAll(/\b(?:href|src|data-js|data-wasm)\s*=\s*["']?([^"'\s>]+\.(?:js|wasm|css|svg|webmanifest))/g)]
      .map((m) => new URL(m[1], index).href);
    // The simulation worker and the extras, which the app starts after the first paint
    // (its names carry no hash; index.html builds it).
    assets.push(...['sunset-worker_loader.js', 'sunset-worker.js', 'sunset-worker_bg.wasm',
      'sunset-extras.js', 'sunset-extras_bg.wasm']
      .map((name) => new URL(name, index).href));
    const keep = async (url) => {
      const res = await fetch(url, { cache: 'no-cache' });
      if (res.ok) await cache.put(url, res.clone());
      return res;
    };
    await Promise.all([...new Set(assets)].map(async (url) => {
      const res = await keep(url);
      if (res.ok && url.endsWith('.webmanifest')) {
        const icons = (await res.json()).icons ?? [];
        await Promise.all(icons.map((icon) => keep(new URL(icon.src, url).href)));
      }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok) await cache.put(req.mode === 'navigate' ? new URL('./', self.registration.scope).href : req, res.clone());
      return res;
    } catch (offline) {
      const key = req.mode === 'navigate' ? new URL('./', self.registration.scope).href : req;
      return (await cache.match(key, { ignoreSearch: true })) ?? Response.error();
    }
  })());
});
