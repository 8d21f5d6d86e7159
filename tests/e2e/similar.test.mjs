// Similar tasks across plans, and the policy-instrument facet, on the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage } from './harness.mjs';

const env = useBrowser();

async function open(hash) {
  const page = await openPage(env.browser, `${env.url}${hash}`);
  await page.getByTestId('main').waitFor();
  return page;
}

const resultCount = (page) =>
  page.getByTestId('result-count').innerText().then((t) => Number(t.match(/\d+/)[0]));

/** The plan id of an item id (`<plan>-i001`). */
const planOf = (itemId) => itemId.replace(/-i\d+$/, '');

test('similar tasks: a connected-vehicle task finds its counterparts in other plans, and a match opens in the reader', async () => {
  const page = await open('#view=explore&lang=en');
  const all = await resultCount(page);
  await page.getByTestId('search').fill('智能网联汽车');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) < n, all);
  // Wuhan's connected-vehicle task (goals and the like have no disclosure).
  const result = page.getByTestId('result').filter({ has: page.getByTestId('similar') }).filter({ hasText: '实施智能网联汽车' }).first();
  const own = await result.getAttribute('data-item-id');
  assert.match(await result.getByTestId('similar-summary').innerText(), /^Similar tasks$/);
  assert.equal(await result.getByTestId('similar-match').count(), 0, 'nothing is worked out before it is opened');
  await result.getByTestId('similar-summary').click();
  await result.getByTestId('similar-match').first().waitFor();
  const matches = result.getByTestId('similar-match');
  const ids = await matches.evaluateAll((rows) => rows.map((r) => r.dataset.itemId));
  const plans = new Set(ids.map(planOf));
  assert.ok(!plans.has(planOf(own)), `only other plans: ${[...plans]}`);
  assert.ok(plans.size >= 2, `matches from ${plans.size} other plans: ${ids}`);
  // Best first, each with its score as a percentage and the matched text in Chinese.
  const scores = (await matches.locator('.pc-similar__score').allInnerTexts()).map((t) => Number(t.match(/(\d+)%/)[1]));
  assert.deepEqual([...scores].sort((a, b) => b - a), scores);
  assert.ok(scores[0] > 5, `${scores}`);
  const text = matches.first().locator('.pc-similar__text');
  assert.equal(await text.getAttribute('lang'), 'zh-CN');
  assert.ok((await text.textContent()).length > 20);
  // Its counterparts about connected vehicles, in at least two other plans.
  const onTopic = await matches.evaluateAll((rows) => rows
    .filter((r) => /智能网联汽车|车联网/.test(r.querySelector('.pc-similar__text').textContent))
    .map((r) => r.dataset.itemId.replace(/-i\d+$/, '')));
  assert.ok(new Set(onTopic).size >= 2, `on-topic matches in ${[...new Set(onTopic)]}`);
  // Following a match opens the reader on that item.
  const target = ids[0];
  await matches.first().getByTestId('similar-link').click();
  await page.getByTestId('view-reader').waitFor();
  assert.match(decodeURIComponent(page.url()), new RegExp(`doc=${planOf(target)}.*focus=${target}`));
  await page.waitForFunction((id) => document.querySelector('.pc-focus')?.id === id, target);
  assert.ok(await page.locator('.pc-focus').isVisible());
  assert.deepEqual(page.problems, []);
});

test('instruments: the facet filters results, is in the URL and survives a reload', async () => {
  const page = await open('#view=explore&lang=en');
  const all = await resultCount(page);
  const facet = page.getByTestId('facet-instruments');
  assert.match(await facet.innerText(), /Policy instruments/);
  const row = facet.locator('li', { has: page.locator('[data-key="pilot"]') });
  const expected = Number((await row.innerText()).match(/\((\d+)\)/)[1]);
  assert.ok(expected > 0 && expected < all, `${expected} of ${all}`);
  await page.locator('#pc-f-instruments-pilot').check();
  await page.waitForFunction(() => location.hash.includes('instruments=pilot'));
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) === n, expected);
  // Every result shown carries the tag.
  const results = page.getByTestId('result');
  const shown = await results.count();
  assert.ok(shown > 0);
  assert.equal(await results.filter({ has: page.locator('[data-testid=instrument-chips] [data-key="pilot"]') }).count(), shown);
  assert.match(await results.first().getByTestId('instrument-chips').innerText(), /Pilots & demonstrations/);
  // A second instrument widens the filter (any of them).
  await page.locator('#pc-f-instruments-funding').check();
  await page.waitForFunction(() => location.hash.includes('instruments=pilot,funding'));
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=result-count]').innerText.match(/\d+/)[0]) > n, expected);
  const both = await resultCount(page);
  await page.reload();
  await page.getByTestId('main').waitFor();
  assert.equal(await page.locator('#pc-f-instruments-pilot').isChecked(), true);
  assert.equal(await page.locator('#pc-f-instruments-funding').isChecked(), true);
  assert.equal(await resultCount(page), both);
  // An unknown key is dropped with a notice, the known one kept.
  await page.goto(`${env.url}#view=explore&lang=en&instruments=zzz,pilot`);
  await page.getByTestId('notice').first().waitFor();
  assert.match((await page.getByTestId('notice').allInnerTexts()).join(' '), /Unknown policy instruments ignored: zzz/);
  assert.equal(await page.locator('#pc-f-instruments-pilot').isChecked(), true);
  assert.deepEqual(page.problems, []);
});

test('similar tasks and instruments are worded in Chinese too', async () => {
  const page = await open('#view=explore&q=车联网');
  assert.match(await page.getByTestId('facet-instruments').innerText(), /政策工具[\s\S]*资金扶持/);
  const result = page.getByTestId('result').filter({ has: page.getByTestId('similar') }).first();
  assert.equal(await result.getByTestId('similar-summary').innerText(), '相似任务');
  await result.getByTestId('similar-summary').click();
  await result.getByTestId('similar-match').first().waitFor();
  assert.match(await result.getByTestId('similar-match').first().innerText(), /相似度 \d+%/);
  assert.deepEqual(page.problems, []);
});
