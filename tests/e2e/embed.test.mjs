// Embedding in a hostile host page: global CSS that shouts, a CSP that only allows our frame, a
// 360 px column. The embed renders, resizes with its content, and leaves the host page alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startServer, DIST } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';

let browser;
let app;
let host;

/** Polls `fn` in the page until it returns true. (waitForFunction needs eval, which the host's
 *  CSP rightly forbids.) */
async function until(page, fn, arg, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await page.evaluate(fn, arg)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${fn}`);
}

const HOSTILE_CSS = `* { font-size: 30px !important; box-sizing: content-box; line-height: 3 !important; }
body { margin: 0; font-family: serif; }
iframe { border: 4px solid red; }
.column { width: 360px; padding: 0 8px; }`;

const HOST_JS = `window.__messages = [];
window.addEventListener('message', (e) => window.__messages.push(e.data));`;

before(async () => {
  browser = await launchBrowser();
  app = await startServer();
  const appOrigin = new URL(app.url).origin;
  const page = (hash) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市政府网站</title>
<link rel="stylesheet" href="/host.css"><script src="/host.js"></script></head>
<body><div class="column"><p id="host-text">政府网站正文</p>
<div data-plan-compare="${app.url}${hash}" data-title="人工智能规划对比"></div>
<p id="after">正文继续</p></div><script src="/embed.js"></script></body></html>`;
  host = await serve({
    dir: DIST,
    base: '/nothing-here/',
    routes: {
      '/host.html': {
        type: 'text/html; charset=utf-8',
        body: page('#view=explore&lang=en'),
        headers: { 'content-security-policy': `default-src 'self'; frame-src ${appOrigin}` },
      },
      '/host.css': { type: 'text/css', body: HOSTILE_CSS },
      '/favicon.ico': { type: 'image/x-icon', body: '' },
      '/host.js': { type: 'text/javascript', body: HOST_JS },
      '/embed.js': { type: 'text/javascript; charset=utf-8', body: fs.readFileSync(path.join(DIST, 'embed.js')) },
    },
  });
});
after(async () => {
  await browser?.close();
  app?.server.close();
  host?.server.close();
});

test('the embed renders in a hostile 360 px column, resizes with its content, and leaves the host alone', async () => {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const hostUrl = host.url.replace('/nothing-here/', '/host.html');
  await page.goto(hostUrl);
  const frameElement = page.locator('iframe');
  await frameElement.waitFor();
  const frame = page.frameLocator('iframe');
  await frame.getByTestId('view-explore').waitFor();
  // Compact chrome in embed mode, normal type inside despite the host's 30px !important.
  assert.equal(await frame.locator('.pc-tagline').count(), 0);
  const inner = await frame.locator('.pc-result__text').first().evaluate((e) => getComputedStyle(e).fontSize);
  assert.equal(inner, '16px');
  // The frame fits the column.
  const box = await frameElement.boundingBox();
  assert.ok(box.width <= 360 + 1, `frame is ${box.width}px wide`);
  // It takes the height of its content, reported by the app.
  const contentHeight = () => frame.locator('html').evaluate((e) => e.scrollHeight);
  await until(page, () => parseInt(document.querySelector('iframe').style.height, 10) > 1000);
  let frameHeight = (await frameElement.boundingBox()).height;
  assert.ok(Math.abs(frameHeight - (await contentHeight())) <= 2, `${frameHeight} vs ${await contentHeight()}`);
  // Narrowing the results shrinks the content, and the frame follows.
  await frame.getByTestId('search').fill('伦理');
  await until(page, (h) => parseInt(document.querySelector('iframe').style.height, 10) < h - 200, frameHeight);
  frameHeight = (await frameElement.boundingBox()).height;
  assert.ok(Math.abs(frameHeight - (await contentHeight())) <= 2);
  // Both message forms were posted.
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.some((m) => m && m.sentinel === 'amp' && m.type === 'embed-size' && m.height > 0), 'AMP form');
  assert.ok(messages.some((m) => typeof m === 'string' && /^pymxPYMx.+xPYMxheightxPYMx\d+$/.test(m)), 'Pym form');
  // A height message from anywhere but the frame is ignored.
  await page.evaluate(() => window.postMessage({ sentinel: 'amp', type: 'embed-size', height: 17 }, '*'));
  await page.waitForTimeout(100);
  assert.ok((await frameElement.boundingBox()).height > 100, 'a forged message did not resize the frame');
  // The host is unaffected: its own styles, its own elements.
  assert.equal(await page.locator('#host-text').evaluate((e) => getComputedStyle(e).fontSize), '30px');
  assert.equal(await page.evaluate(() => document.styleSheets.length), 1);
  assert.equal(await page.evaluate(() => document.querySelectorAll('body *').length), 6, 'column, 2 paragraphs, the embed div, its iframe, the embed script');
  assert.deepEqual(problems, []);
  await context.close();
});
