// Runs before the first paint (a plain script in the head, from a file so
// the Content Security Policy allows no inline script). The first view in
// index.html (scripts/first-view.mjs) is the default plan in English: a
// visitor whose app will open something else (a link, a saved plan, saved
// display choices, the audience window) must not see it, so it is hidden
// and the page waits for the app, as it did before there was a first view.
try {
  if (location.search || location.hash.length > 1 || localStorage.length > 0) {
    document.documentElement.classList.add('own-plan');
  }
} catch {
  // Storage refused: the app cannot tell either, so it opens the default.
}
