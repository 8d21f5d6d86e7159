// Starts the app. A classic script (not a module) so that it also runs from a saved page or the
// single-file build opened from disk, where browsers block module scripts and fetch. The wasm comes
// inline (window.planCompareWasm, a one-character-per-byte string written by scripts/bundle.mjs), so nothing is fetched
// and a strict CSP (script-src 'self' 'wasm-unsafe-eval') holds: no inline script, no eval.
/* global wasm_bindgen */
(function () {
  'use strict';
  var html = document.documentElement;
  // The single-file build keeps its own source, so that "download offline copy" can hand it over
  // unchanged even after the app has rewritten the page.
  if (html.hasAttribute('data-single-file') && !window.planCompareOfflineSource) {
    window.planCompareOfflineSource = '<!DOCTYPE html>\n' + html.outerHTML;
  }

  // The reload button of the error panel must work after the wasm instance has died.
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-action="reload"]') : null;
    if (target) window.location.reload();
  });

  function showLoadFailure(error) {
    console.error('plan-compare failed to start', error);
    var panel = document.createElement('section');
    panel.className = 'fatal-error';
    panel.setAttribute('role', 'alert');
    panel.setAttribute('data-testid', 'fatal-error');
    var title = document.createElement('h2');
    title.textContent = '应用无法启动 · The app could not start';
    var hint = document.createElement('p');
    hint.textContent = '请重新加载页面,或换用较新的浏览器。Please reload the page, or use a recent browser.';
    var detail = document.createElement('pre');
    detail.textContent = String(error);
    var button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('data-action', 'reload');
    button.textContent = '重新加载 · Reload';
    panel.append(title, hint, detail, button);
    document.body.prepend(panel);
  }

  function decode(binary) {
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function start() {
    try {
      var bytes = decode(window.planCompareWasm);
      window.planCompareWasm = undefined;
      wasm_bindgen({ module_or_path: bytes }).catch(showLoadFailure);
    } catch (error) {
      showLoadFailure(error);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
