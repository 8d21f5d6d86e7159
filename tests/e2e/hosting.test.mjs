// Strict hosting: no inline script or style, zero CSP violations under the strict policy, no request
// beyond the app's own static files, and it works from a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, DIST } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const BASE = '/tools/plan-compare/';
const env = useBrowser({ base: BASE, csp: CSP });

test('the hosted page has no inline script and no style attribute', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\ssrc=/, 'every script is a file');
    assert.equal(body.trim(), '', 'and has no inline code');
  }
  assert.ok(!/\sstyle\s*=/.test(html), 'no style attribute');
  assert.ok(!/<style/.test(html), 'no style element');
  assert.ok(!/\son[a-z]+\s*=/.test(html), 'no inline event handler');
});

test('under the strict CSP and a sub-path: every view works, no violation, only own files requested', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${env.url}#lang=en`);
  await page.getByTestId('plan-list').waitFor();
  await page.getByTestId('tab-explore').click();
  await page.getByTestId('search').pressSequentially('数据');
  await page.waitForFunction(() => document.querySelectorAll('mark.pc-hit').length > 0);
  await page.getByTestId('tab-compare').click();
  const chart = page.getByTestId('chart').first();
  const [png] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('export-png').click()]);
  assert.equal(fs.readFileSync(await png.path()).subarray(1, 4).toString(), 'PNG', 'PNG export works under the CSP');
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('milestone').first().hover();
  await page.getByTestId('tab-reader').click();
  await page.getByTestId('source-text').waitFor();
  await page.getByTestId('embed-button').click();
  await page.getByTestId('embed-code').waitFor();
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  const own = new URL(env.url).origin + BASE;
  const foreign = requests.filter((r) => !r.startsWith(own) && !r.startsWith('data:') && !r.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'no request beyond the app\'s own static files');
  assert.ok(requests.some((r) => r.endsWith(`${BASE}plan-compare.bundle.js`)), 'files load relative to the sub-path');
  // The wasm is fetched (and compiled as it streams in); its copy as a script is only for a page
  // opened from disk.
  assert.ok(requests.some((r) => r.endsWith(`${BASE}plan-compare_bg.wasm`)), 'the wasm is fetched beside the script');
  assert.ok(!requests.some((r) => r.includes('plan-compare.wasm.js')), 'the wasm script is not loaded on the web');
  assert.equal(await page.locator('[style]').count(), 0, 'no style attribute was set at run time');
  await context.close();
});

test('the embed code names the sub-path and the current view', async () => {
  const page = await openPage(env.browser, `${env.url}#view=compare&lang=en&per_year=1`);
  await page.getByTestId('embed-button').click();
  const snippet = await page.locator('#pc-embed-snippet').inputValue();
  assert.match(snippet, new RegExp(`data-plan-compare="${env.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#view=compare&lang=en&per_year=1&embed=1"`));
  assert.match(snippet, /\/tools\/plan-compare\/embed\.js/);
  assert.match(snippet, /<iframe /);
});
