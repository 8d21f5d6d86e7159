// "Add a plan" through the real UI: a GBK .txt, a saved web page with script payloads (inert), a
// .docx, pasted PDF-style text and a workspace file; each shows in all five views, survives a
// reload, and removing one removes it everywhere. Bad input gets a clear message and loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, ROOT } from './harness.mjs';

const env = useBrowser();
const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');
const GBK = path.join(FIXTURES, '南山区实施方案-gbk.txt');
const HTML = path.join(FIXTURES, '合肥市行动计划.html');
const DOCX = path.join(FIXTURES, '郑州市实施方案.docx');
// Text as it comes out of a PDF viewer: hard breaks inside sentences and numbers, page footers,
// a running header.
const PDF_TEXT = [
  '武汉市人工智能创新发展行动方案',
  '(2',
  '024—2026年)',
  '一、发展目标',
  '到2026年，全市人工智能核心产业规模达到',
  '1200亿元，培育人工智能',
  '企业800家。',
  '— 3 —',
  '武汉市人工智能创新发展行动方案',
  '二、重点任务',
  '1.建设算力平台。新增智能算力1000PFlops。（牵头单位：市发展改革委；责',
  '任单位：市科技局）',
  '第 4 页',
].join('\n');

/** Opens the app with a clean browser profile (fresh storage) and the import panel open. */
async function openImport(hash = '#lang=en', context) {
  const page = context ? await context.newPage() : await openPage(env.browser, `${env.url}${hash}`);
  if (context) {
    page.problems = [];
    page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console error: ${msg.text()}`); });
    await page.goto(`${env.url}${hash}`);
  }
  page.dialogs = [];
  page.on('dialog', async (d) => { page.dialogs.push(d.message()); await d.dismiss(); });
  page.foreign = [];
  page.on('request', (req) => { if (!req.url().startsWith(env.url.replace(/#.*$/, '').replace(/\/[^/]*$/, '')) && !req.url().startsWith('data:') && !req.url().startsWith('blob:')) page.foreign.push(req.url()); });
  await page.getByTestId('main').waitFor();
  await page.getByTestId('add-plan').click();
  await page.getByTestId('import-panel').waitFor();
  return page;
}

const messages = (page) => page.getByTestId('import-message').allInnerTexts();
async function waitForMessage(page, pattern) {
  await page.waitForFunction((source) => [...document.querySelectorAll('[data-testid=import-message]')].some((m) => new RegExp(source).test(m.innerText)), pattern.source, { timeout: 10000 })
    .catch(async () => { throw new Error(`no message ${pattern}: ${(await messages(page)).join(' | ')}`); });
}

/** Waits until exactly `count` elements with `testid` are drawn (stored imports are extracted
 *  after the app is mounted, so they appear a moment after the built-in plans). */
async function waitForCount(page, testid, count, timeout = 10000) {
  await page.waitForFunction(([id, n]) => document.querySelectorAll(`[data-testid=${id}]`).length === n, [testid, count], { timeout })
    .catch(async () => { throw new Error(`expected ${count} ${testid}, found ${await page.getByTestId(testid).count()}`); });
}

/** Every view shows the plan with `id`. */
async function inEveryView(page, id, placePattern) {
  const base = env.url;
  await page.goto(`${base}#lang=en`);
  const card = page.locator(`[data-testid=plan][data-plan-id="${id}"]`);
  await card.waitFor();
  assert.match(await card.innerText(), /added by you/);
  if (placePattern) assert.match(await card.getByTestId('plan-city').innerText(), placePattern);
  await page.goto(`${base}#view=explore&lang=en&plans=${encodeURIComponent(id)}`);
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.locator(`[data-testid=facet-plans] input[data-key="${id}"]`).count(), 1, `${id} is a plan facet in Explore`);
  assert.ok(await page.getByTestId('result').count() > 0, `${id} has items in Explore`);
  await page.goto(`${base}#view=compare&lang=en`);
  await page.getByTestId('compare-plans').waitFor();
  assert.match(await page.getByTestId('compare-plans').innerText(), /added by you/);
  await page.goto(`${base}#view=timeline&lang=en&plans=${encodeURIComponent(id)}`);
  await page.locator(`[data-testid=timeline-lane][data-plan-id="${id}"]`).waitFor();
  await page.goto(`${base}#view=reader&lang=en&doc=${encodeURIComponent(id)}`);
  await page.waitForFunction((doc) => document.querySelector('[data-testid=view-reader]')?.dataset.doc === doc, id);
  assert.match(await page.getByTestId('imported-note').innerText(), /added by you/);
}

test('import a GBK .txt, a web page, a .docx and pasted PDF text; all views; reload; remove', async () => {
  const context = await env.browser.newContext();
  const page = await openImport('#lang=en', context);
  await page.getByTestId('file-input').setInputFiles([GBK, HTML, DOCX]);
  await waitForMessage(page, /Added “南山区实施方案-gbk\.txt”/);
  await waitForMessage(page, /Added “合肥市行动计划\.html”/);
  await waitForMessage(page, /Added “郑州市实施方案\.docx”/);
  await page.getByTestId('paste-text').fill(PDF_TEXT);
  await page.getByTestId('paste-name').fill('wuhan-pdf');
  await page.getByTestId('paste-add').click();
  await waitForMessage(page, /Added “wuhan-pdf”/);
  assert.equal(await page.getByTestId('imported').count(), 4);
  // The web page was read inertly: no script ran, no dialog, nothing fetched from elsewhere.
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.foreign, []);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // GBK decoded without mojibake, and its departments and figures found.
  await page.goto(`${env.url}#view=reader&doc=${encodeURIComponent('南山区实施方案-gbk')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=source-text]')?.innerText.includes('人工智能核心产业规模达到800亿元'));
  const html = await page.getByTestId('source-text').innerText();
  await page.goto(`${env.url}#view=reader&doc=${encodeURIComponent('合肥市行动计划')}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=source-text]')?.innerText.includes('突破1000亿元'));
  const page2 = await page.getByTestId('source-text').innerText();
  assert.ok(!page2.includes('首页 | 政务公开'), 'site navigation is not plan text');
  assert.ok(!page2.includes('版权所有'), 'the footer is not plan text');
  assert.ok(!page2.includes('script ran'), 'script content is not plan text');
  assert.ok(html.length > 100);

  for (const [id, place] of [['南山区实施方案-gbk', /Shenzhen/], ['合肥市行动计划', /Hefei/], ['郑州市实施方案', /Zhengzhou/], ['wuhan-pdf', /Wuhan/]]) {
    await inEveryView(page, id, place);
  }

  // A reload keeps them (browser storage); they join the built-in plans once extracted.
  await page.goto(`${env.url}#lang=en`);
  await page.reload();
  await page.getByTestId('plan').first().waitFor();
  await waitForCount(page, 'plan', 9);

  // Removing one removes it from every view.
  await page.locator('[data-testid=plan][data-plan-id="郑州市实施方案"]').getByTestId('remove-plan').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=plan]').length === 8);
  await page.goto(`${env.url}#view=compare&lang=en`);
  await page.getByTestId('compare-plans').waitFor();
  assert.doesNotMatch(await page.getByTestId('compare-plans').innerText(), /Zhengzhou/);
  await page.goto(`${env.url}#view=timeline&lang=en`);
  await page.getByTestId('timeline').waitFor();
  assert.equal(await page.locator('[data-testid=timeline-lane][data-plan-id="郑州市实施方案"]').count(), 0);
  await page.reload();
  await page.getByTestId('timeline').waitFor();
  await waitForCount(page, 'timeline-lane', 8);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a workspace file carries the plans to another browser; the same text is not added twice', async () => {
  const first = await env.browser.newContext();
  const page = await openImport('#lang=en', first);
  await page.getByTestId('file-input').setInputFiles([HTML, DOCX]);
  await waitForMessage(page, /Added “郑州市实施方案\.docx”/);
  await waitForMessage(page, /Added “合肥市行动计划\.html”/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workspace').click()]);
  const workspace = fs.readFileSync(await download.path(), 'utf8');
  const parsed = JSON.parse(workspace);
  assert.equal(parsed.schema, 'plan-compare-workspace/1');
  assert.equal(parsed.documents.length, 2);
  // Importing the same file again is recognised.
  await page.getByTestId('file-input').setInputFiles(HTML);
  await waitForMessage(page, /same text as plan/);
  assert.equal(await page.getByTestId('imported').count(), 2);
  await first.close();

  const second = await env.browser.newContext();
  const other = await openImport('#lang=en', second);
  const file = path.join(await fs.promises.mkdtemp('/tmp/pc-ws-'), 'workspace.json');
  fs.writeFileSync(file, workspace);
  await other.getByTestId('workspace-input').setInputFiles(file);
  await waitForMessage(other, /Added 2 plans from “workspace\.json”; 0 were already there/);
  await other.getByTestId('workspace-input').setInputFiles(file);
  await waitForMessage(other, /Added 0 plans from “workspace\.json”; 2 were already there/);
  await other.goto(`${env.url}#lang=en`);
  await other.getByTestId('plan').first().waitFor();
  assert.equal(await other.getByTestId('plan').count(), 7);
  assert.deepEqual(other.problems, []);
  await second.close();
});

test('bad input gets a clear message and loses nothing', async () => {
  const context = await env.browser.newContext();
  const page = await openImport('#lang=en', context);
  const dir = await fs.promises.mkdtemp('/tmp/pc-bad-');
  const write = (name, bytes) => { const p = path.join(dir, name); fs.writeFileSync(p, bytes); return p; };
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const huge = Buffer.from('一、目标\n'.padEnd(10, '数') + '到2025年建成平台3个。'.repeat(200000));
  await page.getByTestId('file-input').setInputFiles([
    write('empty.txt', Buffer.alloc(0)),
    write('picture.txt', png),
    write('huge.txt', huge),
    write('report.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n')),
    write('notes.txt', Buffer.from('会议纪要 今天天气很好 大家讨论了很多事情 没有结论')),
  ]);
  await waitForMessage(page, /“empty\.txt” contains no text/);
  await waitForMessage(page, /“picture\.txt” is not a text document/);
  await waitForMessage(page, /“huge\.txt” is too large/);
  await waitForMessage(page, /PDF files \(“report\.pdf”\) are not read directly\. Open it in a PDF reader, select all/);
  await waitForMessage(page, /No heading or figure was recognised in “notes\.txt”/);
  // The unstructured text is still added (readable in the source reader); nothing else was.
  assert.equal(await page.getByTestId('imported').count(), 1);
  await page.getByTestId('file-input').setInputFiles(GBK);
  await waitForMessage(page, /Added “南山区实施方案-gbk\.txt”/);
  assert.equal(await page.getByTestId('imported').count(), 2);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('storage full or refused: a clear message, and the plan stays usable for the session', async () => {
  const context = await env.browser.newContext();
  // No IndexedDB (as in some sandboxed frames), and localStorage refuses the write.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } });
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const page = await openImport('#lang=en', context);
  await page.getByTestId('file-input').setInputFiles(GBK);
  await waitForMessage(page, /storage is full or refused the write/);
  await page.getByTestId('not-kept').waitFor();
  await page.getByTestId('import-close').click();
  await page.getByTestId('plan').nth(5).waitFor();
  assert.equal(await page.getByTestId('plan').count(), 6);
  await context.close();
});

test('a corrupted store is set aside with a notice, never a blank app', async () => {
  const context = await env.browser.newContext();
  // The damaged store is there before the app starts (written in the page itself: a write made
  // just before a reload may not yet be visible to the reloaded page).
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('damaged')) {
      sessionStorage.setItem('damaged', '1');
      localStorage.setItem('plan-compare:imports', '{"schema":"plan-compare-workspace/1","documents":[{"broken":');
    }
  });
  const page = await context.newPage();
  await page.goto(`${env.url}#lang=en`);
  await page.getByTestId('plan').first().waitFor();
  // The store is read after the first paint: wait for what it says.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=notice]')].some((n) => /could not be read; they were set aside/.test(n.innerText)), null, { timeout: 15000 });
  assert.equal(await page.getByTestId('plan').count(), 5);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.startsWith('plan-compare:imports:unreadable:')), keys.join(','));
  await context.close();
});

test('embedded pages offer importing only with import=1', async () => {
  const page = await openPage(env.browser, `${env.url}#embed=1`);
  await page.getByTestId('main').waitFor();
  assert.equal(await page.getByTestId('add-plan').count(), 0);
  await page.goto(`${env.url}#embed=1&import=1`);
  await page.getByTestId('add-plan').waitFor();
  await page.context().close();
});
