// What the browser benchmarks share: their statistics and how a search keystroke is measured.

/** The median (upper middle of an even count); NaN for no values. */
export const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

/** The nearest-rank percentile, the keystroke budget's p95; NaN for no values. */
export const percentile = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)] : NaN);

/** Types each query into Explore's search box one character at a time (each character one input
 *  event, 40 ms apart) and returns, for every keystroke, the app's two measures of it (see
 *  docs/benchmarks.md): `drawn`, the `plan-compare:filter` measure (filter, facet counts, the DOM
 *  update and the browser's rendering of it, to after the frame that shows it: the budget's figure),
 *  and `dom`, the `plan-compare:filter-dom` measure (the same to the first task after the DOM update,
 *  the definition before 2026-11, which left the rendering out whenever the frame came later). */
export async function typeQueries(page, queries) {
  const drawn = [];
  const dom = [];
  for (const query of queries) {
    await page.getByTestId('search').fill('');
    await page.waitForTimeout(50);
    await page.evaluate(() => ['plan-compare:filter', 'plan-compare:filter-dom'].forEach((m) => performance.clearMeasures(m)));
    await page.getByTestId('search').pressSequentially(query, { delay: 40 });
    await page.waitForTimeout(100);
    const got = await page.evaluate(() => ['plan-compare:filter', 'plan-compare:filter-dom'].map((m) => performance.getEntriesByName(m).map((e) => e.duration)));
    drawn.push(...got[0]);
    dom.push(...got[1]);
  }
  return { drawn, dom };
}

/** The peer of the keystroke measure, for the same run: a page whose search box does no work,
 *  with the same two measures set the same way as the app sets them (src/views/explore.rs,
 *  mark_filter_done). It shows the floor of the measure on this machine: to the frame drawn
 *  includes the wait for the next frame, which no keystroke handler can shorten. */
export const IDLE_INPUT_PAGE = `<!DOCTYPE html><meta charset="utf-8"><title>peer: a search box that does nothing</title>
<input type="search" data-testid="search" autocomplete="off">
<script>
let n = 0;
const measure = (name, start) => { performance.mark(name + ':end'); performance.measure(name, start, name + ':end'); };
document.querySelector('input').addEventListener('input', () => {
  const start = 'plan-compare:filter:start:' + n++;
  performance.mark(start);
  setTimeout(() => measure('plan-compare:filter-dom', start));
  requestAnimationFrame(() => setTimeout(() => { measure('plan-compare:filter', start); performance.clearMarks(start); }));
});
</script>`;
