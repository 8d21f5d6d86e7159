// Every view follows every part of the URL it shows: a new hash (a link, an edited address) and
// back/forward change what is on screen, not only the address. Each case opens state A, moves to
// state B through the hash, checks B, goes back and checks A again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage } from './harness.mjs';

const env = useBrowser();
const WUHAN = '000_8433abb47693ddfb';
const TIANJIN = '003_e974f5983be240f5';
const WUWEI = '004_0464be91846ce881';

/** Opens `from`, checks `shows(from-state)`, moves to `to` by the hash, checks, goes back, checks. */
async function follows(from, to, check) {
  const page = await openPage(env.browser, `${env.url}#${from}`);
  await page.getByTestId('main').waitFor();
  const wait = (which) =>
    page.waitForFunction(check, which, { timeout: 5000 }).catch(() => {
      throw new Error(`view does not show ${which === 'a' ? from : to}`);
    });
  await wait('a');
  await page.evaluate((hash) => { location.hash = hash; }, to);
  await wait('b');
  await page.goBack();
  await wait('a');
  await page.goForward();
  await wait('b');
  assert.deepEqual(page.problems, []);
  await page.context().close();
}

test('view and lang: the shell follows them', async () => {
  await follows('view=overview', 'view=timeline', (w) =>
    document.querySelector(w === 'a' ? '[data-testid=view-overview]' : '[data-testid=view-timeline]') !== null);
  await follows('view=explore', 'view=explore&lang=en', (w) =>
    document.documentElement.lang === (w === 'a' ? 'zh-CN' : 'en') &&
    document.querySelector('[data-testid=tab-explore]').textContent.trim() === (w === 'a' ? '检索' : 'Explore'));
  await follows('view=compare', 'view=compare&embed=1', (w) =>
    document.querySelector('[data-testid=app-root]').classList.contains('pc-embed') === (w === 'b'));
});

test('explore follows q, plans, sectors, instruments, depts, kinds, years and figures', async () => {
  await follows('view=explore&q=机器人', 'view=explore&q=医疗', (w) =>
    document.querySelector('[data-testid=search]').value === (w === 'a' ? '机器人' : '医疗') &&
    [...document.querySelectorAll('mark.pc-hit')].every((m) => m.textContent === (w === 'a' ? '机器人' : '医疗')));
  await follows('view=explore', `view=explore&plans=${TIANJIN}`, (w) =>
    document.querySelector('[data-testid=facet-plans] input[data-key="003_e974f5983be240f5"]').checked === (w === 'b'));
  await follows('view=explore', 'view=explore&sectors=health', (w) => document.querySelector('#pc-f-sectors-health').checked === (w === 'b'));
  await follows('view=explore', 'view=explore&instruments=pilot', (w) =>
    document.querySelector('#pc-f-instruments-pilot').checked === (w === 'b'));
  await follows('view=explore', 'view=explore&depts=science_tech', (w) =>
    document.querySelector('#pc-f-departments-science_tech').checked === (w === 'b'));
  await follows('view=explore', 'view=explore&kinds=goal', (w) => document.querySelector('#pc-f-kinds-goal').checked === (w === 'b'));
  await follows('view=explore&years=2020-2022', 'view=explore&years=2025-2030', (w) =>
    document.querySelector('[data-testid=year-from]').value === (w === 'a' ? '2020' : '2025'));
  await follows('view=explore', 'view=explore&figures=1', (w) => document.querySelector('#pc-figures-only').checked === (w === 'b'));
  // The result list itself follows, not only the controls.
  const page = await openPage(env.browser, `${env.url}#view=explore`);
  await page.getByTestId('result-count').waitFor();
  const all = await page.evaluate(() => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]));
  await page.evaluate(() => { location.hash = 'view=explore&kinds=goal'; });
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) < n, all);
  await page.goBack();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) === n, all);
  await page.context().close();
});

test('compare follows plans, per_year and metric', async () => {
  // (Check functions run in the page: everything they use is written inside them.)
  await follows('view=compare', `view=compare&plans=${WUHAN},${TIANJIN}`, (w) =>
    document.querySelectorAll('[data-testid=matrix] thead th').length === (w === 'a' ? 6 : 3) &&
    document.querySelector('[data-testid=compare-plans] input[data-key="004_0464be91846ce881"]').checked === (w === 'a'));
  await follows('view=compare', 'view=compare&per_year=1', (w) => document.querySelector('#pc-per-year').checked === (w === 'b'));
  await follows('view=compare', 'view=compare&metric=ai_industry_scale', (w) =>
    (document.querySelector('[data-testid=matrix] tr[data-metric=ai_industry_scale]')?.classList.contains('pc-focus') ?? false) === (w === 'b'));
});

test('timeline follows plans and span', async () => {
  await follows('view=timeline', `view=timeline&plans=${WUWEI}`, (w) =>
    document.querySelectorAll('[data-testid=timeline-lane]').length === (w === 'a' ? 5 : 1) &&
    // The picker says the same as the chart.
    document.querySelectorAll('[data-testid=timeline-plans] input[data-key]:checked').length === (w === 'a' ? 5 : 1));
  await follows('view=timeline&span=2018-2030', 'view=timeline&span=2020-2026', (w) =>
    document.querySelector('[data-testid=years-shown]').innerText.includes(w === 'a' ? '2018–2030' : '2020–2026'));
});

test('reader follows doc and focus, by tab, hash and back/forward', async () => {
  await follows(`view=reader&doc=${WUHAN}`, `view=reader&doc=${TIANJIN}`, (w) =>
    document.querySelector('[data-testid=view-reader]')?.dataset.doc === (w === 'a' ? '000_8433abb47693ddfb' : '003_e974f5983be240f5'));
  await follows(`view=reader&doc=${TIANJIN}&focus=${TIANJIN}-f001`, `view=reader&doc=${TIANJIN}&focus=${TIANJIN}-f003`, (w) =>
    document.querySelector('.pc-focus')?.id === (w === 'a' ? '003_e974f5983be240f5-f001' : '003_e974f5983be240f5-f003'));
  // Clicking another document's tab shows that document.
  const page = await openPage(env.browser, `${env.url}#view=reader&doc=${WUHAN}`);
  await page.getByTestId('view-reader').waitFor();
  const before = await page.getByTestId('source-text').innerText();
  await page.getByTestId('reader-plans').locator(`a[href*="${WUWEI}"]`).click();
  await page.waitForFunction((id) => document.querySelector('[data-testid=view-reader]').dataset.doc === id, WUWEI);
  assert.notEqual(await page.getByTestId('source-text').innerText(), before);
  assert.equal(await page.getByTestId('reader-plans').locator('[aria-current=page]').getAttribute('href').then((h) => h.includes(WUWEI)), true);
  await page.context().close();
});
