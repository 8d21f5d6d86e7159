// The app shell, on the optimised release build: it renders the five plans, in Chinese by default
// and in English with lang=en, with no console error and no failed request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, DIST, ROOT } from './harness.mjs';

const env = useBrowser();

test('the release build is the optimised one', () => {
  // scripts/test.sh names wasm-bindgen's output, i.e. the wasm before wasm-opt ran on it; the
  // shipped wasm is plan-compare_bg.wasm, and the same bytes as a string in plan-compare.wasm.js
  // (for a copy of the page opened from disk) and in the single file.
  const unoptimised = process.env.PLAN_COMPARE_BINDGEN_WASM;
  assert.ok(unoptimised && fs.existsSync(unoptimised), `unoptimised wasm not found: ${unoptimised}`);
  const shipped = fs.readFileSync(path.join(DIST, 'plan-compare_bg.wasm'));
  assert.equal(shipped.subarray(0, 4).toString('latin1'), '\0asm', 'a wasm module');
  const carried = (file) => {
    const text = fs.readFileSync(path.join(DIST, file), 'utf8');
    const start = text.indexOf('window.planCompareWasm = "') + 'window.planCompareWasm = '.length;
    const end = text.indexOf('";\n', start) + 1;
    return Buffer.from((0, eval)(text.slice(start, end)), 'latin1');
  };
  assert.ok(carried('plan-compare.wasm.js').equals(shipped), 'plan-compare.wasm.js carries the same wasm');
  assert.ok(carried('plan-compare.html').equals(shipped), 'the single file carries the same wasm');
  assert.ok(!fs.readFileSync(path.join(DIST, 'plan-compare.bundle.js'), 'utf8').includes('window.planCompareWasm = "'), 'the script the page loads does not carry the wasm');
  const before = fs.statSync(unoptimised).size;
  assert.ok(shipped.length < before * 0.9, `shipped wasm ${shipped.length} B is not much smaller than wasm-bindgen's ${before} B: wasm-opt did not run`);
});

test('shows all five plans in Chinese, cleanly', async () => {
  const page = await openPage(env.browser, env.url);
  await page.getByTestId('plan-list').waitFor();
  assert.equal(await page.getByTestId('plan').count(), 5);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  const text = await page.getByTestId('plan-list').innerText();
  for (const city of ['武汉', '长沙', '天津', '武威']) assert.ok(text.includes(city), `missing ${city}`);
  assert.ok(text.includes('天津市新一代人工智能产业发展三年行动计划'));
  assert.equal(await page.getByTestId('loading').count(), 0, 'the static first view is replaced');
  assert.equal(await page.getByTestId('app-root').count(), 1, 'rendered once');
  assert.equal(await page.getByTestId('truncated-warning').count(), 1, 'the cut-off source is flagged');
  assert.deepEqual(page.problems, []);
});

test('a host that refuses the .wasm file still runs the app, from its copy as a script', async () => {
  // Some servers answer 404 for a file type they do not know.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const loaded = [];
  page.on('response', (r) => loaded.push(`${r.status()} ${new URL(r.url()).pathname.split('/').pop()}`));
  await page.route('**/plan-compare_bg.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(`${env.url}#lang=en`);
  await page.getByTestId('plan-list').waitFor();
  assert.equal(await page.getByTestId('plan').count(), 5);
  assert.ok(loaded.includes('404 plan-compare_bg.wasm') && loaded.includes('200 plan-compare.wasm.js'), loaded.join(', '));
  assert.equal(await page.getByTestId('fatal-error').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The page as it is before the app runs: the bundle is not loaded. */
async function beforeTheApp(address) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/plan-compare.bundle.js', (route) => route.abort());
  await page.goto(address);
  return page;
}

test('the hosted page paints the overview before the app runs, only where the app opens on it', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<div id="app" data-prerendered="">/);
  assert.doesNotMatch(html.slice(html.indexOf('<div id="app"')), /data-testid="(?!loading")|<script/, 'inert: no test ids, no script');

  // No hash, or one that names the overview alone: the overview the app draws, five cards,
  // already on screen.
  let page;
  for (const address of [env.url, `${env.url}#view=overview`]) {
    page = await beforeTheApp(address);
    const overview = page.locator('#app .pc-first-view');
    assert.ok(await overview.isVisible(), address);
    assert.equal(await page.locator('#app .pc-first-view .pc-card').count(), 5);
    assert.match(await overview.innerText(), /天津市新一代人工智能产业发展三年行动计划/);
    assert.equal(await page.getByTestId('loading').isVisible(), false);
    await page.context().close();
  }

  // Any other address shows "Loading…" until the app has drawn what it asks for.
  for (const address of [`${env.url}#view=compare`, `${env.url}#lang=en`, `${env.url}#view=overview&lang=en`, `${env.url}?lang=en`]) {
    page = await beforeTheApp(address);
    assert.equal(await page.locator('#app .pc-first-view').isVisible(), false, address);
    assert.ok(await page.getByTestId('loading').isVisible(), address);
    await page.context().close();
  }

  // The app takes over: its own overview, once, and nothing of the pre-rendered one is left.
  page = await openPage(env.browser, env.url);
  await page.getByTestId('plan-list').waitFor();
  assert.equal(await page.locator('#app .pc-first-view').count(), 0);
  assert.equal(await page.locator('#app[data-prerendered]').count(), 0);
  assert.equal(await page.locator('.pc-card').count(), 5);
  assert.deepEqual(page.problems, []);
});

test('speaks English with lang=en', async () => {
  const page = await openPage(env.browser, `${env.url}#lang=en`);
  await page.getByTestId('plan-list').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const text = await page.locator('body').innerText();
  assert.ok(text.includes('AI Plan Compare'));
  assert.ok(text.includes('Wuhan') && text.includes('Tianjin') && text.includes('Wuwei'));
  assert.deepEqual(page.problems, []);
});

test('an unreadable language parameter falls back to Chinese with a notice', async () => {
  const page = await openPage(env.browser, `${env.url}?lang=xx`);
  await page.getByTestId('notice').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(page.problems, []);
});

test('the server the README serve command runs serves the app', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['scripts/static-server.mjs', '--dir', 'dist', '--port', '0'], { cwd: ROOT });
  try {
    const served = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const page = await openPage(env.browser, served);
    await page.getByTestId('plan-list').waitFor();
    assert.equal(await page.getByTestId('plan').count(), 5);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    child.kill();
  }
});
