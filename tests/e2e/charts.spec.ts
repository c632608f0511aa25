// Charts you can point at: the crosshair says the exact values at a point, by mouse and by
// keyboard, and they are the values the page's tables hold for the same point; the budget
// and burn-rate charts zoom into a range of days and back.
import { expect, test, type Locator, type Page } from "./fixtures";
import { openWorkbook } from "./helpers";

const readout = (chart: Locator) => chart.locator("xpath=..").locator('[data-figure="crosshair"]');

/** Moves the mouse across a chart's plot in `steps` and returns each distinct readout. */
async function sweep(page: Page, chart: Locator, steps = 40) {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const seen: string[] = [];
  for (let i = 0; i <= steps; i++) {
    await page.mouse.move(box.x + (box.width * i) / steps, box.y + box.height / 2);
    const text = (await readout(chart).textContent()) ?? "";
    if (text && !seen.includes(text)) seen.push(text);
  }
  return seen;
}

test("the trend chart's crosshair reads each round's levels as the data table has them, by mouse and by keyboard", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  const chart = page.getByRole("group", { name: /^Trend and targets:/ });
  await page.getByText("Show data").click();
  const table = page.getByRole("table", { name: "Average level per group and round" });
  const rounds = await table.locator("thead th").allTextContents();
  const check = async (text: string) => {
    // "Q3 2026 (2026-09-14): Developers level 1.8; Operations engineers level 2.6; …."
    const [, round, values] = text.match(/^(.+?) \(\d{4}-\d{2}-\d{2}\): (.+)\.$/)!;
    const column = rounds.indexOf(round);
    expect(column, `${round} is a column of the table`).toBeGreaterThan(0);
    for (const part of values.split("; ")) {
      const [, group, level] = part.match(/^(.+) level (\d\.\d)$/)!;
      await expect(table.getByRole("row", { name: new RegExp(`^${group}`) }).locator("td").nth(column - 1)).toHaveText(level);
    }
  };
  const seen = await sweep(page, chart);
  expect(seen.length, `every round is read: ${seen.join(" | ")}`).toBe(3);
  for (const text of seen) await check(text);

  // By keyboard: Home reads the first round, the arrow moves to the next, Escape hides it.
  await page.mouse.move(0, 0);
  await chart.focus();
  await page.keyboard.press("Home");
  await expect(readout(chart)).toHaveText(/^Q1 2026 \(2026-03-16\): Developers level/);
  await check((await readout(chart).textContent())!);
  await page.keyboard.press("ArrowRight");
  await expect(readout(chart)).toHaveText(/^Q2 2026 /);
  await page.keyboard.press("Escape");
  await expect(readout(chart)).toHaveText("");
  await expect(readout(chart)).toHaveAttribute("aria-live", "polite");
});

test("the budget chart's crosshair ends on the comparison table's budget left, and zooms by drag, keys and buttons", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const chart = page.getByRole("group", { name: /^Budget left per scenario:/ });
  const table = page.getByRole("table", { name: "Scenarios side by side" });
  await chart.focus();
  await page.keyboard.press("End");
  // "Day 30, 23:59: This quarter's incidents 62.4 % left; Double the release rate …."
  const text = (await readout(chart).textContent())!;
  expect(text).toMatch(/^Day 30, 23:59: /);
  for (const part of text.replace(/^Day 30, 23:59: /, "").replace(/\.$/, "").split("; ")) {
    const [, name, left] = part.match(/^(.+) (-?[\d.]+ %) left$/)!;
    const row = table.getByRole("row", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
    const cell = (await row.getByRole("cell").nth(1).textContent())!;
    if (cell.startsWith("Overspent")) expect(left).toBe(`-${cell.replace("Overspent by ", "")}`);
    else expect(cell).toContain(left);
  }
  // The arrow keys step back a hundredth of the window (7 h 12 min).
  await page.keyboard.press("ArrowLeft");
  await expect(readout(chart)).toHaveText(/^Day 30, 16:47: /);

  // Drag from a quarter to half of the plot: the chart shows only those days.
  const zoomStatus = page.locator(".zoom-tools .hint").first();
  await expect(zoomStatus).toHaveText("Showing all 30 days.");
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(zoomStatus).toHaveText(/^Showing day [\d.]+ to [\d.]+ of 30\.$/);
  const [from, to] = (await zoomStatus.textContent())!.match(/[\d.]+/g)!.map(Number);
  expect(from).toBeGreaterThan(5);
  expect(to).toBeLessThan(20);
  // Pointing inside the zoomed chart reads days inside the range.
  const seen = await sweep(page, chart, 10);
  expect(seen.length).toBeGreaterThan(3);
  for (const t of seen) {
    const day = Number(t.match(/^Day (\d+),/)![1]);
    expect(day).toBeGreaterThanOrEqual(Math.floor(from));
    expect(day).toBeLessThanOrEqual(Math.ceil(to) + 1);
  }
  await page.getByRole("button", { name: "Reset zoom" }).first().click();
  await expect(zoomStatus).toHaveText("Showing all 30 days.");
  await chart.focus();
  await page.keyboard.press("+");
  await expect(zoomStatus).toHaveText("Showing day 7.5 to 22.5 of 30.");
  await page.keyboard.press("0");
  await expect(zoomStatus).toHaveText("Showing all 30 days.");
  await page.getByRole("button", { name: "Zoom in" }).first().click();
  await expect(page.getByRole("button", { name: "Zoom out" }).first()).toBeEnabled();
});

test("the burn-rate chart reads each window's rate under the pointer", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const chart = page.getByRole("group", { name: /^Burn rate:/ });
  await chart.focus();
  await page.keyboard.press("Home");
  await expect(readout(chart)).toHaveText(/^Day 1, 00:00: over 1 h [\d.]+×; over 6 h [\d.]+×(; over [\d]+ [hd] [\d.]+×)*\.$/);
});
