// User flows through the five views, on the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useBrowser, openPage } from './harness.mjs';

const env = useBrowser();

async function open(hash, options) {
  const page = await openPage(env.browser, `${env.url}${hash}`, options);
  await page.getByTestId('main').waitFor();
  return page;
}

test('overview: every plan as a card with status, period, counts and the cut-off warning', async () => {
  const page = await open('#lang=en');
  const cards = page.getByTestId('plan');
  assert.equal(await cards.count(), 5);
  const draft = page.locator('[data-plan-id="001_7750412351cae417"]');
  assert.equal(await draft.getByTestId('plan-status').innerText(), 'draft for comment');
  assert.match(await draft.innerText(), /2023–2025/);
  const cut = page.locator('[data-plan-id="004_0464be91846ce881"]');
  assert.equal(await cut.getByTestId('truncated-warning').count(), 1);
  assert.equal(await page.getByTestId('truncated-warning').count(), 1, 'only the cut-off plan warns');
  assert.match(await page.locator('[data-plan-id="003_e974f5983be240f5"]').getByTestId('plan-counts').innerText(), /\d+ figures/);
  await cut.getByTestId('open-reader').click();
  await page.getByTestId('view-reader').waitFor();
  assert.match(page.url(), /view=reader&lang=en&doc=004_0464be91846ce881|view=reader.*doc=004/);
  assert.deepEqual(page.problems, []);
});

test('explore: typing filters and highlights, facets count live, clear-all and the empty state', async () => {
  const page = await open('#view=explore');
  const count = async () => Number((await page.getByTestId('result-count').innerText()).match(/\d+/)[0]);
  const all = await count();
  assert.ok(all > 150, `all items listed (${all})`);
  await page.getByTestId('search').pressSequentially('机器人', { delay: 30 });
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) < n, all);
  const hits = await count();
  assert.ok(hits > 3 && hits < all, `${hits} results for 机器人`);
  const marks = await page.locator('mark.pc-hit').allTextContents();
  assert.ok(marks.length >= hits && marks.every((m) => m === '机器人'), 'matches are highlighted');
  assert.match(page.url(), /q=机器人|q=%E6%9C%BA/);
  // Facet counts follow the query.
  const tianjin = page.getByTestId('facet-plans').locator('li.pc-facet', { has: page.locator('[data-key="003_e974f5983be240f5"]') });
  const tianjinCount = Number((await tianjin.innerText()).match(/\((\d+)\)/)[1]);
  assert.ok(tianjinCount > 0 && tianjinCount < hits);
  await page.locator('[data-testid=facet-plans] input[data-key="003_e974f5983be240f5"]').check();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) === n, tianjinCount);
  // A query that matches nothing says what to loosen.
  await page.getByTestId('search').fill('不存在的词语组合');
  await page.getByTestId('empty-state').waitFor();
  assert.match(await page.getByTestId('empty-state').innerText(), /清除|关键词/);
  await page.getByTestId('clear-all').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) === n, all);
  assert.equal(await page.getByTestId('search').inputValue(), '');
  assert.deepEqual(page.problems, []);
});

test('explore: sector, department, kind, year and figure filters combine', async () => {
  const page = await open('#view=explore&lang=en&sectors=health&kinds=task');
  const health = await page.getByTestId('result').count();
  assert.ok(health > 0);
  for (const text of await page.getByTestId('result').allTextContents()) assert.match(text, /Health/);
  await page.goto(`${env.url}#view=explore&lang=en&depts=science_tech`);
  await page.waitForFunction(() => !location.hash.includes('health'));
  const led = await page.getByTestId('result').allTextContents();
  assert.ok(led.length >= 10);
  for (const text of led) assert.match(text, /Science & Technology Bureau/);
  await page.goto(`${env.url}#view=explore&lang=en&years=2023-2023&figures=1`);
  await page.waitForFunction(() => location.hash.includes('years'));
  const rows = await page.getByTestId('result').allTextContents();
  assert.ok(rows.length >= 5, `${rows.length} items with 2023 figures`);
  for (const text of rows) assert.match(text, /2023/);
  await page.getByTestId('year-to').fill('2025');
  await page.getByTestId('year-to').press('Enter');
  await page.waitForFunction(() => location.hash.includes('years=2023-2025'));
  assert.ok((await page.getByTestId('result').count()) > rows.length);
  assert.deepEqual(page.problems, []);
});

test('compare: the matrix lines up like targets, footnotes scopes, charts what two plans state', async () => {
  const page = await open('#view=compare&lang=en');
  const row = page.locator('[data-testid=matrix] tr[data-metric="ai_industry_scale"][data-reported=false]');
  const text = await row.innerText();
  for (const v of ['¥40 bn', '¥100 bn', '¥15 bn']) assert.ok(text.includes(v), `${v} in ${text}`);
  assert.match(await page.getByTestId('footnotes').innerText(), /核心及相关产业/);
  const charts = page.getByTestId('chart');
  assert.ok((await charts.count()) >= 3);
  const chart = page.locator('[data-testid=chart][data-metric="ai_industry_scale"] svg');
  assert.match(await chart.getAttribute('aria-label'), /Tianjin 2020: ¥15 bn/);
  const stating = await row.locator('td:not(.pc-empty-cell)').count();
  assert.equal(await chart.locator('rect').count(), 1 + 2 * stating, 'a background and two rects per plan that states it');
  await page.getByTestId('heatmap').waitFor();
  assert.match(await page.getByTestId('department-matrix').innerText(), /Science & Technology Bureau/);
  // Per year, a level is never divided by years: Wuhan's 400亿 by 2025 implies 31.95% a year from
  // the 100亿 its 2019 reply expected for 2020 (derived, and said so); Tianjin has no base.
  await page.getByTestId('per-year').check();
  await page.waitForFunction(() => document.querySelector('[data-testid=chart][data-metric="ai_industry_scale"] svg').getAttribute('aria-label').includes(': 32%'));
  const readings = await row.getByTestId('per-year-reading').allInnerTexts();
  assert.ok(readings.some((t) => /implied growth 32% a year \(derived: from ¥10 bn in 2020/.test(t)), readings.join(' | '));
  assert.ok(readings.some((t) => /no earlier reported figure/.test(t)), readings.join(' | '));
  assert.ok(!(await row.innerText()).includes('¥13.333 bn'), 'no level divided by the years of its period');
  // Fewer plans: the chart for a metric only one plan states disappears.
  await page.locator('[data-testid=compare-plans] input[data-key="002_efbdcff6e01d2b71"]').uncheck();
  await page.waitForFunction(() => location.hash.includes('plans='));
  assert.ok(!(await row.innerText()).includes('¥100 bn'), 'Changsha left the comparison');
  assert.deepEqual(page.problems, []);
});

test('timeline: keyboard focus shows the quote, Enter opens Explore on it, zoom and fit', async () => {
  const page = await open('#view=timeline&lang=en');
  const markers = page.getByTestId('milestone');
  assert.ok((await markers.count()) >= 8);
  await page.getByTestId('today').waitFor();
  const target = page.locator('[data-testid=milestone][data-kind="TargetYear"]').first();
  await target.focus();
  const tip = await page.getByTestId('timeline-tooltip').innerText();
  assert.match(tip, /staged goal/);
  assert.match(tip, /[\u4e00-\u9fff]/, 'the quote is shown');
  await page.keyboard.press('Enter');
  await page.getByTestId('view-explore').waitFor();
  assert.match(page.url(), /years=(\d{4})-\1/);
  assert.ok((await page.getByTestId('result').count()) >= 1);
  await page.goBack();
  await page.getByTestId('view-timeline').waitFor();
  const before = await page.getByTestId('years-shown').innerText();
  await page.getByTestId('zoom-in').click();
  await page.waitForFunction((b) => document.querySelector('[data-testid=years-shown]').innerText !== b, before);
  assert.match(page.url(), /span=/);
  await page.getByTestId('fit').click();
  await page.waitForFunction((b) => document.querySelector('[data-testid=years-shown]').innerText === b, before);
  assert.ok((await page.getByTestId('timeline-table').locator('tr').count()) > 10, 'table alternative');
  assert.deepEqual(page.problems, []);
});

test('reader: a figure in Compare links to its sentence, highlighted in the source', async () => {
  const page = await open('#view=compare&lang=en');
  const link = page.locator('[data-metric="ai_industry_scale"] [data-testid=matrix-figure]').filter({ hasText: '¥40 bn' });
  await link.click();
  await page.getByTestId('view-reader').waitFor();
  const focused = page.locator('.pc-focus');
  await focused.waitFor();
  assert.equal(await focused.innerText(), '400 亿元');
  assert.ok(await focused.isVisible());
  assert.ok((await page.getByTestId('source-figure').count()) >= 10);
  // The outline jumps to headings.
  await page.getByTestId('outline').locator('button').last().click();
  assert.deepEqual(page.problems, []);
});

test('export: CSV with BOM, JSON, SVG and PNG of what is shown', async () => {
  const page = await open('#view=explore&q=机器人');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').first().click()]);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  assert.ok(csvText.startsWith('\uFEFF'), 'BOM for Excel');
  const lines = csvText.trim().split('\r\n');
  const shown = Number((await page.getByTestId('result-count').innerText()).match(/\d+/)[0]);
  assert.ok(lines.length - 1 >= shown, `${lines.length - 1} rows for ${shown} results`);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').first().click()]);
  // The documented schema (docs/data-format.md), restricted to the items shown.
  const data = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(data.schema, 'plan-compare/1');
  assert.equal(data.items.length, shown);
  assert.ok(data.items.every((r) => r.quote.includes('机器人')));
  await page.goto(`${env.url}#view=compare`);
  const chart = page.getByTestId('chart').first();
  const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('export-svg').click()]);
  assert.match(fs.readFileSync(await svg.path(), 'utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const [png] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('export-png').click()]);
  const bytes = fs.readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  // The timeline too, as SVG and PNG.
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('timeline').waitFor();
  const [timelineSvg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  const markup = fs.readFileSync(await timelineSvg.path(), 'utf8');
  assert.match(markup, /^<svg[^>]*id="pc-timeline-svg"/);
  assert.ok((markup.match(/data-testid="milestone"/g) || []).length >= 8, 'the milestones are in the file');
  const [timelinePng] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  assert.equal(fs.readFileSync(await timelinePng.path()).subarray(1, 4).toString(), 'PNG');
  assert.deepEqual(page.problems, []);
});

test('print stylesheet keeps the chart and drops the controls', async () => {
  const page = await open('#view=timeline');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.pc-nav').isVisible(), false);
  assert.equal(await page.getByTestId('zoom-in').isVisible(), false);
  assert.equal(await page.getByTestId('timeline').isVisible(), true);
});

test('bad input in the URL falls back with a notice, never a blank page', async () => {
  const page = await open('#view=nowhere&plans=nope,003_e974f5983be240f5&years=2099-1000&sectors=zzz&lang=en');
  const notices = await page.getByTestId('notice').allInnerTexts();
  assert.ok(notices.length >= 3, notices.join(' | '));
  assert.equal(await page.getByTestId('view-overview').count(), 1);
  await page.goto(`${env.url}#view=explore&years=2030-2020&lang=en`);
  await page.getByTestId('notice').first().waitFor();
  assert.match((await page.getByTestId('notice').allInnerTexts()).join(' '), /reversed/);
  assert.match(page.url(), /years=2030-2020/);
  assert.equal(await page.getByTestId('year-from').inputValue(), '2020');
  await page.goto(`${env.url}#view=reader&doc=%00%ff&focus=<script>`);
  await page.getByTestId('view-reader').waitFor();
  assert.deepEqual(page.problems, []);
});

test('back and forward move between views and filters', async () => {
  const page = await open('#lang=en');
  await page.getByTestId('tab-explore').click();
  await page.getByTestId('view-explore').waitFor();
  await page.locator('#pc-figures-only').check();
  await page.waitForFunction(() => location.hash.includes('figures=1'));
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('view-compare').waitFor();
  await page.goBack();
  await page.getByTestId('view-explore').waitFor();
  assert.equal(await page.locator('#pc-figures-only').isChecked(), true);
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('figures=1'));
  assert.equal(await page.locator('#pc-figures-only').isChecked(), false);
  await page.goForward();
  await page.goForward();
  await page.getByTestId('view-compare').waitFor();
  assert.deepEqual(page.problems, []);
});
