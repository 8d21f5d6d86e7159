// Offline: the single file from file:// with the network off, the "download offline copy" control,
// and pages saved with the env.browser's "Save page as" (the live DOM written to disk, and an MHTML
// snapshot), reopened from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, openPage, DIST } from './harness.mjs';

const SINGLE = path.join(DIST, 'plan-compare.html');
const env = useBrowser();
let scratch;
before(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-compare-offline-'));
});
after(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Opens a file:// URL with the network off, recording every non-file request. */
async function openOffline(fileUrl) {
  const context = await env.browser.newContext({ offline: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) page.requests.push(r.url());
  });
  page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
  page.on('pageerror', (e) => page.problems.push(e.message));
  await page.goto(fileUrl);
  return page;
}

test('the single file references no other file or host', () => {
  const html = fs.readFileSync(SINGLE, 'utf8');
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
  const references = [...markup.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]).filter((v) => !v.startsWith('data:'));
  assert.deepEqual(references, [], 'the markup links nothing');
  assert.equal(scripts.length, 1, 'one inline script');
  assert.ok(!/<script[^>]+src=/i.test(html) && !/<link[^>]+stylesheet/i.test(html), 'no external script or stylesheet');
  // The code may name the SVG namespace, nothing else on the web.
  const urls = scripts[0].match(/https?:\/\/[a-z0-9.-]+/gi) || [];
  // (wasm-bindgen's glue names MDN in a warning message; the offline flow test proves nothing is fetched.)
  assert.deepEqual(urls.filter((u) => u !== 'http://www.w3.org' && u !== 'https://developer.mozilla.org'), []);
});

test('the single file runs from file:// with the network off: the same flows', async () => {
  const page = await openOffline(`${pathToFileURL(SINGLE).href}#lang=en`);
  await page.getByTestId('plan-list').waitFor();
  assert.equal(await page.getByTestId('plan').count(), 5);
  await page.getByTestId('tab-explore').click();
  await page.getByTestId('search').pressSequentially('机器人');
  await page.waitForFunction(() => document.querySelectorAll('mark.pc-hit').length > 0);
  await page.getByTestId('tab-compare').click();
  assert.ok((await page.getByTestId('chart').count()) >= 3);
  await page.getByTestId('tab-timeline').click();
  await page.locator('[data-testid=milestone][data-kind="TargetYear"]').first().focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('view-explore').waitFor();
  await page.goBack();
  await page.getByTestId('view-timeline').waitFor();
  assert.deepEqual(page.requests, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"download offline copy" gives exactly the single file, and the copy of a copy works', async () => {
  const page = await openPage(env.browser, env.url);
  await page.getByTestId('plan-list').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('offline-copy').click()]);
  const copy = fs.readFileSync(await download.path());
  assert.ok(copy.equals(fs.readFileSync(SINGLE)), 'the hosted app hands over dist/plan-compare.html');
  // Inside the single file, the control hands over the file itself.
  const offline = await openOffline(pathToFileURL(SINGLE).href);
  await offline.getByTestId('plan-list').waitFor();
  const [again] = await Promise.all([offline.waitForEvent('download'), offline.getByTestId('offline-copy').click()]);
  const second = path.join(scratch, 'copy-of-copy.html');
  fs.copyFileSync(await again.path(), second);
  const reopened = await openOffline(pathToFileURL(second).href);
  await reopened.getByTestId('plan-list').waitFor();
  assert.equal(await reopened.getByTestId('plan').count(), 5);
  assert.deepEqual(reopened.problems, []);
  await offline.context().close();
  await reopened.context().close();
});

/** What "Save page as → Webpage, complete" writes: the live DOM, with the files it references
 *  copied into a `<name>_files` folder and the references rewritten. */
function saveComplete(html, name) {
  const folder = `${name}_files`;
  fs.mkdirSync(path.join(scratch, folder), { recursive: true });
  const rewritten = html.replace(/(src|href)="\.\/([^"]+)"/g, (_, attr, file) => {
    fs.copyFileSync(path.join(DIST, file), path.join(scratch, folder, file));
    return `${attr}="./${folder}/${file}"`;
  });
  const file = path.join(scratch, `${name}.html`);
  fs.writeFileSync(file, rewritten);
  return file;
}

test('a page saved after use reopens from disk once, interactive, on the saved view', async () => {
  const page = await openPage(env.browser, `${env.url}#view=compare&lang=en&plans=001_7750412351cae417,003_e974f5983be240f5`);
  await page.getByTestId('matrix').waitFor();
  const saved = saveComplete(await page.content(), 'saved-compare');
  assert.match(fs.readFileSync(saved, 'utf8'), /data-testid="matrix"/, 'the rendered UI is in the saved markup');
  const reopened = await openOffline(pathToFileURL(saved).href);
  await reopened.getByTestId('view-compare').waitFor();
  assert.equal(await reopened.getByTestId('app-root').count(), 1, 'the UI appears once');
  assert.equal(await reopened.getByTestId('matrix').count(), 1);
  assert.match(await reopened.getByTestId('matrix').innerText(), /Tianjin/);
  assert.doesNotMatch(await reopened.getByTestId('matrix').innerText(), /Changsha/, 'the saved plan selection is kept');
  await reopened.getByTestId('tab-explore').click();
  await reopened.getByTestId('search').fill('机器人');
  await reopened.waitForFunction(() => document.querySelectorAll('mark.pc-hit').length > 0);
  assert.deepEqual(reopened.requests, []);
  assert.deepEqual(reopened.problems, []);
  await reopened.context().close();
});

test('an MHTML snapshot of the page shows the UI once', async () => {
  const page = await openPage(env.browser, `${env.url}#view=timeline&lang=en`);
  await page.getByTestId('timeline').waitFor();
  const session = await page.context().newCDPSession(page);
  const { data } = await session.send('Page.captureSnapshot', { format: 'mhtml' });
  const file = path.join(scratch, 'snapshot.mhtml');
  fs.writeFileSync(file, data);
  const reopened = await openOffline(pathToFileURL(file).href);
  await reopened.getByTestId('timeline').waitFor();
  assert.equal(await reopened.getByTestId('app-root').count(), 1);
  assert.equal(await reopened.getByTestId('timeline').count(), 1);
  // The archive serves its parts under their original addresses (so they show up as requests);
  // what matters is that the stylesheet came from the archive and applies.
  assert.equal(await reopened.evaluate(() => getComputedStyle(document.querySelector('.pc-app')).maxWidth), '1280px');
  assert.ok(reopened.requests.every((r) => r.startsWith(env.url)), reopened.requests.join(' '));
  await reopened.context().close();
});

/** Adds a pasted plan through the panel and waits for it to be added. */
async function addPastedPlan(page, name) {
  await page.getByTestId('add-plan').click();
  await page.getByTestId('paste-text').fill('一、发展目标\n到2026年，全县人工智能产业规模达到50亿元，培育企业30家。\n二、重点任务\n1.建设算力中心。（牵头单位：县发展改革局）');
  await page.getByTestId('paste-name').fill(name);
  await page.getByTestId('paste-add').click();
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid=import-message]')].some((m) => m.innerText.includes(n)), name);
}

test('a plan added in the single file from disk, and in a saved page, is still there after a reload', async () => {
  const offline = await openOffline(`${pathToFileURL(SINGLE).href}#lang=en`);
  await offline.getByTestId('plan-list').waitFor();
  await addPastedPlan(offline, 'county-plan');
  await offline.reload();
  await offline.getByTestId('plan-list').waitFor();
  // Stored imports are extracted after the app is mounted.
  await offline.locator('[data-plan-id="county-plan"]').waitFor();
  assert.equal(await offline.getByTestId('plan').count(), 6);
  assert.equal(await offline.locator('[data-plan-id="county-plan"]').count(), 1);
  // Kept in IndexedDB, which Chromium offers to file:// pages too; not in localStorage.
  assert.equal(await offline.evaluate(() => localStorage.getItem('plan-compare:imports')), null);
  assert.deepEqual(offline.requests, []);
  assert.deepEqual(offline.problems, []);
  await offline.context().close();

  const page = await openPage(env.browser, `${env.url}#lang=en`);
  await page.getByTestId('plan-list').waitFor();
  const saved = saveComplete(await page.content(), 'saved-overview');
  await page.context().close();
  const reopened = await openOffline(pathToFileURL(saved).href);
  await reopened.getByTestId('plan-list').waitFor();
  await addPastedPlan(reopened, 'saved-page-plan');
  await reopened.reload();
  await reopened.getByTestId('plan-list').waitFor();
  await reopened.locator('[data-plan-id="saved-page-plan"]').waitFor();
  assert.equal(await reopened.locator('[data-plan-id="saved-page-plan"]').count(), 1);
  assert.deepEqual(reopened.requests, []);
  assert.deepEqual(reopened.problems, []);
  await reopened.context().close();
});
