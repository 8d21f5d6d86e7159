// Loads the app without any inline script, so that a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') holds. Also serves the reload button of the error panel,
// which must work after the wasm instance has died.
import init from './plan-compare.js';

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action="reload"]') : null;
  if (target) {
    window.location.reload();
  }
});

function showLoadFailure(error) {
  console.error('plan-compare failed to start', error);
  const panel = document.createElement('section');
  panel.className = 'fatal-error';
  panel.setAttribute('role', 'alert');
  panel.setAttribute('data-testid', 'fatal-error');
  const title = document.createElement('h2');
  title.textContent = '应用无法启动 · The app could not start';
  const hint = document.createElement('p');
  hint.textContent = '请重新加载页面,或换用较新的浏览器。Please reload the page, or use a recent browser.';
  const detail = document.createElement('pre');
  detail.textContent = String(error);
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('data-action', 'reload');
  button.textContent = '重新加载 · Reload';
  panel.append(title, hint, detail, button);
  document.body.prepend(panel);
}

init({ module_or_path: new URL('./plan-compare_bg.wasm', import.meta.url) }).catch(showLoadFailure);
