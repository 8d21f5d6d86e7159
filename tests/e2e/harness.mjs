// Shared set-up for the browser tests: a static server over dist/ and Chromium driven by
// playwright-core. Every page records console errors, page errors and failed requests, so that a
// test can assert that a flow ran cleanly.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { serve } from '../../scripts/static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** The flags every Chromium we start gets (tests and benchmarks alike). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html not found: build first with bash scripts/build.sh');
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export function startServer(options = {}) {
  return serve({ dir: DIST, ...options });
}

/** Opens a page that records problems in `page.problems`. */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => page.problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) page.problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url);
  return page;
}

/** Registers before/after hooks that start Chromium and a server over dist/ (with
 *  `serverOptions`), and returns an object whose `browser`, `server` and `url` are set once they run. */
export function useBrowser(serverOptions = {}) {
  const env = {};
  before(async () => {
    env.browser = await launchBrowser();
    Object.assign(env, await startServer(serverOptions));
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** The serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(' ') }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
