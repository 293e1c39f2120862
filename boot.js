// Starts the app from a file rather than an inline script, so the page's
// Content Security Policy can refuse every inline script. index.html names
// the wasm-bindgen module and the wasm in this script's data attributes
// (Trunk writes their hashed names there; see Trunk.toml), so this file
// never changes between releases.
const loader = document.querySelector('script[data-wasm]');

// The recovery message a panic leaves on the page (src/main.rs) has a
// Reload button; its click is handled here, in script, because the wasm
// has stopped by then.
addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-reload]')) location.reload();
});

// The extras (src/ui/island.rs): the app asks for them once it has drawn
// a place for them. Their script defines `wasm_bindgen`, which starts them.
addEventListener('sunset-extras', () => {
  const script = document.createElement('script');
  script.src = new URL('sunset-extras.js', loader.src).href;
  // eslint-disable-next-line no-undef
  script.onload = () => wasm_bindgen({ module_or_path: new URL('sunset-extras_bg.wasm', loader.src).href });
  script.onerror = () => console.error('The extras could not be loaded.');
  document.head.append(script);
}, { once: true });

// The app's wasm is fetched only once the first view
// (scripts/first-view.mjs) is painted: on a slow network its download
// would share the line with the style sheets that paint needs, and its
// first render, a long task on a phone, would hold the paint. A busy phone
// may paint late: giving up after half a second let the app draw the first
// frame itself, the whole wasm later. With no first view, or in a hidden
// tab (which paints nothing), it starts at once.
const { default: init } = await import(loader.dataset.js);
if (document.getElementById('first-view') && !document.documentElement.classList.contains('own-plan')) {
  await new Promise((ok) => {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) {
        observer.disconnect();
        ok();
      }
    }).observe({ type: 'paint', buffered: true });
    const hidden = () => document.hidden && ok();
    hidden();
    addEventListener('visibilitychange', hidden);
    setTimeout(ok, 3000);
  });
}
await init({ module_or_path: loader.dataset.wasm });

// Offline use (sw.js), once the app runs: its install fetches every file
// again, which would share a slow line with the app's own first download.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  (window.requestIdleCallback ?? setTimeout)(() => navigator.serviceWorker.register('./sw.js'));
}
