// Runs before the first paint (a small blocking script in <head>; a classic script, so that it also
// runs from a saved page). The hosted index.html carries the overview as the app draws it for a
// visit without a hash (written by scripts/prerender.mjs). It is shown only when the address has
// no query and no hash or just `#view=overview`, i.e. when the app will open on exactly that view;
// any other address (another view, ?lang=en, an embed) keeps "Loading…" until the app mounts, so
// nothing wrong is ever shown.
(function () {
  'use strict';
  var where = window.location;
  var overview = where.hash.length <= 1 || where.hash === '#view=overview';
  if (overview && where.search.length <= 1) document.documentElement.classList.add('pc-first-view-ok');
})();
