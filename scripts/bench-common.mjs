// What the browser benchmarks share: their statistics and how a search keystroke is measured.

/** The median (upper middle of an even count); NaN for no values. */
export const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

/** The nearest-rank percentile, the keystroke budget's p95; NaN for no values. */
export const percentile = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)] : NaN);

/** Types each query into Explore's search box one character at a time (each character one input
 *  event, 40 ms apart) and returns the app's `plan-compare:filter` measure of every keystroke:
 *  filter, facet counts and redraw (see docs/benchmarks.md). */
export async function typeQueries(page, queries) {
  const keystrokes = [];
  for (const query of queries) {
    await page.getByTestId('search').fill('');
    await page.waitForTimeout(50);
    await page.evaluate(() => performance.clearMeasures('plan-compare:filter'));
    await page.getByTestId('search').pressSequentially(query, { delay: 40 });
    await page.waitForTimeout(100);
    keystrokes.push(...(await page.evaluate(() => performance.getEntriesByName('plan-compare:filter').map((e) => e.duration))));
  }
  return keystrokes;
}
