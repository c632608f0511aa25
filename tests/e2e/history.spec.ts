// Replay history on the Scenarios page: a messy CSV is reported row by row, then the SLO's
// target, budget and alert rules are replayed over it (values worked out in the comments).
import { readFileSync } from "node:fs";
import { expect, test, type Locator } from "./fixtures";
import { download, holdFileReads, holdMessages, importFile, openWorkbook } from "./helpers";

/** The aria-live line that says what a chart's crosshair points at. */
const readout = (chart: Locator) => chart.locator("xpath=..").locator('[data-figure="crosshair"]');

/** 3 days of 1-minute rows from 2026-09-01, 1,000 requests a minute: one bad request every
 *  97th minute (45 in all), a 30-minute full outage on 2026-09-02 at 10:00, plus a repeated
 *  timestamp (line 103) and a row whose good count is "n/a" (line 204). */
function history() {
  let csv = "timestamp,good,total\n";
  const t0 = Date.UTC(2026, 8, 1);
  const at = (m: number, s = 0) => new Date(t0 + m * 60_000 + s * 1000).toISOString();
  for (let m = 0; m < 3 * 1440; m++) {
    const bad = m >= 1440 + 600 && m < 1440 + 630 ? 1000 : m % 97 === 0 ? 1 : 0;
    csv += `${at(m)},${1000 - bad},1000\n`;
    if (m === 100) csv += `${at(m)},990,1000\n`;
    if (m === 200) csv += `${at(m, 30)},n/a,1000\n`;
  }
  return Buffer.from(csv);
}

test("a messy history is reported by line, then replayed: attainment, alerts, target finder and a baseline", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await section.getByLabel("Import history").setInputFiles({ name: "checkout.csv", mimeType: "text/csv", buffer: history() });

  const mapping = section.getByRole("group", { name: "Columns of “checkout.csv” (4322 rows)" });
  await expect(mapping.getByLabel("Timestamp column")).toHaveValue("0");
  await expect(mapping.getByLabel("Measure")).toHaveValue("good-total");
  await expect(mapping.getByRole("status")).toContainText("4320 of 4322 rows can be used");
  await expect(mapping.getByRole("listitem")).toHaveText([
    "1 row has a value in “good” that is not a number: line 204",
    "1 row has the timestamp of an earlier row (the first one is kept): line 103",
  ]);
  await mapping.getByRole("button", { name: "Import valid rows" }).click();

  // 30,045 bad of 4,320,000 requests: 99.3045 %.
  await expect(section.getByText("99.305 % over the history (target 99.9 %): missed.")).toBeVisible();
  await expect(section.getByTestId("history-coverage")).toHaveText(
    "2026-09-01 00:00 UTC to 2026-09-04 00:00 UTC (3 d, 1 min steps); no gaps: minutes without data are left out.",
  );
  const alerts = section.getByRole("region", { name: "Alerts the rules would have fired (scrolls sideways)" }).locator("tbody tr");
  await expect(alerts).toHaveCount(2);
  await expect(alerts.first().locator("td")).toHaveText([
    "2026-09-02 10:00 UTC", "2026-09-02 10:34 UTC", "Page: 14.4× over 1 h and 5 min", "page", "500×", "1 min",
  ]);
  await expect(section.getByTestId("target-finder")).toHaveText(
    "Strictest target met in every window: 99 %; in at least 9 windows of 10: 99 %.",
  );
  await expect(section.locator("svg", { hasText: "Target 99.9 %" })).toHaveCount(1);
  // No gaps, so the caption speaks of none.
  await expect(section.locator("figcaption").first()).toHaveText("The dashed line is the target.Minutes without data are left out.");
  // The burn-down: one window of 3 days, 30,045 bad of 4,320 allowed (0.1 % of 4,320,000).
  await expect(section.locator("svg", { hasText: "From 2026-09-01 00:00 UTC: 695.5 % of the budget consumed." })).toHaveCount(1);

  // What-ifs start from the real behaviour: 0.695 % of requests failing.
  await section.getByRole("button", { name: "Use as scenario baseline" }).click();
  await expect(page.locator("#scenario-baseline")).toHaveValue(/^0\.69548/);
});

test("a file that is not a history says why and imports nothing", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await section.getByLabel("Import history").setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("timestamp,good\n\"2026,1\n") });
  await expect(section.getByRole("alert")).toHaveText("“notes.csv” cannot be imported: line 2: a quoted cell is never closed (a \" is missing)");
  await expect(section.getByRole("button", { name: "Import valid rows" })).toHaveCount(0);
});

test("a Prometheus query_range response is mapped like a CSV: good and total series", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  // Two hours at 1-minute steps: 600 requests a minute, none good for 30 minutes.
  const t0 = Date.UTC(2026, 8, 1) / 1000;
  const series = (good: boolean) =>
    Array.from({ length: 120 }, (_, m) => [t0 + m * 60, String(good && m >= 30 && m < 60 ? 0 : 600)]);
  const response = {
    status: "success",
    data: {
      resultType: "matrix",
      result: [
        { metric: { __name__: "http_requests", code: "2xx" }, values: series(true) },
        { metric: { __name__: "http_requests" }, values: series(false) },
      ],
    },
  };
  await section.getByLabel("Import history").setInputFiles({ name: "checkout.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(response)) });
  const mapping = section.getByRole("group", { name: "Columns of “checkout.json” (120 rows)" });
  await expect(mapping.getByLabel("Good column").locator("option:checked")).toHaveText('http_requests{code="2xx"}');
  await expect(mapping.getByLabel("Total column").locator("option:checked")).toHaveText("http_requests");
  await expect(mapping.getByRole("status")).toHaveText("All 120 rows can be used.");
  await mapping.getByRole("button", { name: "Import valid rows" }).click();
  // 30 of 120 minutes failing at the same traffic: 75 %.
  await expect(section.getByText("75.000 % over the history (target 99.9 %): missed.")).toBeVisible();
});

test("a history being read can be cancelled, and the next file goes through", async ({ page }) => {
  const completeReads = await holdFileReads(page);
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  const file = (name: string) => ({ name, mimeType: "text/csv", buffer: history() });
  await section.getByLabel("Import history").setInputFiles(file("first.csv"));
  const reading = section.getByRole("status").filter({ hasText: "Reading “first.csv”" });
  await expect(reading).toBeVisible();
  await reading.getByRole("button", { name: "Cancel reading" }).click();
  await expect(reading).toHaveCount(0);
  await completeReads(1);
  // The cancelled file's columns never appear.
  await expect(section.getByRole("group", { name: /first\.csv/ })).toHaveCount(0);

  await section.getByLabel("Import history").setInputFiles(file("second.csv"));
  await completeReads(1);
  await expect(section.getByRole("group", { name: "Columns of “second.csv” (4322 rows)" })).toBeVisible();
});

test("an imported history is kept with the plan: reload, export with or without it, import elsewhere, remove and undo", async ({ page, browser }) => {
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await section.getByLabel("Import history").setInputFiles({ name: "checkout.csv", mimeType: "text/csv", buffer: history() });
  await section.getByRole("button", { name: "Import valid rows" }).click();
  const missed = section.getByText("99.305 % over the history (target 99.9 %): missed.");
  await expect(missed).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.reload();
  await expect(missed).toBeVisible();
  await expect(section.getByTestId("history-kept")).toHaveText(/^Imported from “checkout\.csv” on \d{4}-\d\d-\d\d \d\d:\d\d( UTC)?; kept with the plan\.$/);
  await section.getByText("Left out at import (2)").click();
  await expect(section.locator(".history-notes li")).toHaveText([
    "1 row has a value in “good” that is not a number: line 204",
    "1 row has the timestamp of an earlier row (the first one is kept): line 103",
  ]);
  await expect(section.getByLabel("History of SLO").locator("option:checked")).toHaveText("Label purchase succeeds (history kept)");

  // "Export plan" asks; with histories the file carries the packed rows, without it has none.
  await page.goto("./#/plans");
  const ask = async () => {
    await page.getByRole("button", { name: "Export plan" }).click();
    const dialog = page.getByRole("dialog", { name: "Include the SLI histories?" });
    await expect(dialog).toContainText(/This plan keeps 1 SLI history \(“checkout\.csv” for Label purchase succeeds\), \d+ KB of rows\./);
    return dialog;
  };
  let dialog = await ask();
  const full = await download(page, () => dialog.getByRole("button", { name: "Include histories" }).click());
  await expect(dialog).toHaveCount(0);
  const withHistories = JSON.parse(full.text);
  expect(withHistories.histories.map((h: any) => [h.slo, h.source, h.weight, h.gaps])).toEqual([["checkout-availability", "checkout.csv", "events", "excluded"]]);
  expect(withHistories.histories[0].series).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
  dialog = await ask();
  const small = JSON.parse((await download(page, () => dialog.getByRole("button", { name: "Plan only" }).click())).text);
  expect(small.histories).toEqual([]);
  expect(small.scenarios).toEqual(withHistories.scenarios);
  dialog = await ask();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  // Someone else imports the file and replays the same history.
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await openWorkbook(theirs, "./#/plans");
  await importFile(theirs, full.name, full.text);
  await theirs.getByRole("dialog").getByRole("button", { name: "Replace" }).click();
  await theirs.goto("./#/scenarios");
  await expect(theirs.getByText("99.305 % over the history (target 99.9 %): missed.")).toBeVisible();
  await other.close();

  // Removing the history is an edit like any other: undo brings it back.
  await page.goto("./#/scenarios");
  await section.getByRole("button", { name: "Remove history “checkout.csv”" }).click();
  await section.getByRole("button", { name: "Confirm: remove history “checkout.csv”" }).click();
  await expect(missed).toHaveCount(0);
  await expect(section.getByLabel("History of SLO").locator("option:checked")).toHaveText("Label purchase succeeds");
  await page.getByRole("button", { name: "Undo edit" }).click();
  await expect(missed).toBeVisible();
});

test("the example plan comes with a history of its checkout SLO", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  // 576 five-minute rows of 1,000 requests: 3,016 failed of 576,000.
  await expect(section.getByText("99.476 % over the history (target 99.9 %): missed.")).toBeVisible();
  await expect(section.getByTestId("history-kept")).toContainText("Imported from “checkout-availability-2026-09.csv”");
});

test("local times are read in the chosen zone's rules: the hour repeated when clocks go back is reported", async ({ page }) => {
  // Berlin, 2026-10-25: at 03:00 CEST the clocks go back to 02:00 CET. An export in local
  // time without an offset writes 02:00–02:59 twice: 00:00–02:59, the repeat, 03:00–03:59.
  const pad = (n: number) => String(n).padStart(2, "0");
  const row = (h: number, m: number) => `2026-10-25 ${pad(h)}:${pad(m)}:00,1000,1000\n`;
  let csv = "time,good,total\n";
  for (let m = 0; m < 180; m++) csv += row(Math.floor(m / 60), m % 60);
  for (let m = 0; m < 60; m++) csv += row(2, m);
  for (let m = 0; m < 60; m++) csv += row(3, m);
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await section.getByLabel("Import history").setInputFiles({ name: "berlin.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const mapping = section.getByRole("group", { name: "Columns of “berlin.csv” (300 rows)" });
  await expect(mapping.getByLabel("Time zone of times without an offset")).toHaveValue("UTC");
  await mapping.getByLabel("Time zone of times without an offset").selectOption("Europe/Berlin");
  await expect(mapping.getByRole("listitem")).toHaveText([
    "60 rows have the timestamp of an earlier row (the first one is kept): lines 182, 183, 184, 185, 186, 187, 188, 189, 190, 191 and 50 more",
    "1 row was out of time order; it is sorted.",
  ]);
  await mapping.getByRole("button", { name: "Import valid rows" }).click();
  // 00:00 CEST is 22:00 UTC the day before; 03:59 CET ends at 03:00 UTC. The repeated
  // hour's rows were left out, so 01:00–02:00 UTC has no data.
  await expect(section.getByTestId("history-coverage")).toHaveText(
    "2026-10-24 22:00 UTC to 2026-10-25 03:00 UTC (5 h, 1 min steps); 1 gap of 1 h: minutes without data are left out.",
  );
});

test("every file of the history corpus shows its messages in the page", async ({ page }) => {
  // tests/fixtures/history-bad (scripts/make-history-fixtures.mjs); the host test
  // tests/replay_bad_files.rs checks the same messages in the core.
  const dir = "tests/fixtures/history-bad";
  const cases: { name: string; error?: string; problems?: string[] }[] = JSON.parse(readFileSync(`${dir}/expected.json`, "utf8"));
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  for (const { name, error, problems } of cases) {
    await section.getByLabel("Import history").setInputFiles({ name, mimeType: "text/plain", buffer: readFileSync(`${dir}/${name}`) });
    if (error !== undefined) {
      await expect(section.getByRole("alert"), name).toHaveText(`“${name}” cannot be imported: ${error}`);
      continue;
    }
    const mapping = section.getByRole("group", { name: new RegExp(`^Columns of “${name.replace(/[.]/g, "\\.")}”`) });
    await expect(mapping.getByRole("status"), name).toBeVisible();
    await expect(mapping.getByRole("listitem"), name).toHaveText(problems!);
    await mapping.getByRole("button", { name: "Cancel" }).click();
    await expect(mapping).toHaveCount(0);
  }
});

test("a 90-day history at 1-minute steps fits in browser storage and is there after a reload", async ({ page }) => {
  test.setTimeout(90_000);
  // 129,600 rows of 900–1,099 requests with a few failures, as a busy service exports them
  // (about 5 MB of CSV); a deterministic generator so the figures are the same every run.
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const t0 = Date.UTC(2026, 6, 1) / 1000;
  const lines = ["timestamp,bad,total"];
  let bad = 0;
  let total = 0;
  for (let m = 0; m < 90 * 1440; m++) {
    const n = 900 + Math.floor(random() * 200);
    const b = random() < 0.05 ? Math.floor(random() * 5) : 0;
    lines.push(`${t0 + m * 60},${b},${n}`);
    bad += b;
    total += n;
  }
  const sli = ((1 - bad / total) * 100).toFixed(3);
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await section.getByLabel("Import history").setInputFiles({ name: "quarter.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n") + "\n") });
  await section.getByRole("button", { name: "Import valid rows" }).click();
  const overall = section.getByText(`${sli} % over the history (target 99.9 %)`);
  await expect(overall).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const stored = await page.evaluate(() => localStorage.getItem("sre-workbook/plan/example-parcelry")!.length);
  expect(stored).toBeLessThan(1_000_000);
  await page.reload();
  await expect(overall).toBeVisible({ timeout: 20_000 });
  await expect(section.getByTestId("history-coverage")).toHaveText(
    "2026-07-01 00:00 UTC to 2026-09-29 00:00 UTC (90 d, 1 min steps); no gaps: minutes without data are left out.",
  );
});

/** 2 days of 1-minute rows from 2026-09-01 12:00 UTC, 100 requests a minute: 12 good hours,
 *  a 2-hour pause (no rows), then 34 hours with one minute all bad (2026-09-02 22:00). */
function historyWithAGap() {
  let csv = "timestamp,good,total\n";
  const noon = Date.UTC(2026, 8, 1, 12);
  for (let m = 0; m < 2880; m++) {
    if (m >= 720 && m < 840) continue;
    csv += `${new Date(noon + m * 60_000).toISOString()},${m === 2040 ? 0 : 100},100\n`;
  }
  return Buffer.from(csv);
}

test("the history's charts show the gap, read their values by keyboard as their data tables have them, and zoom", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await section.getByLabel("Import history").setInputFiles({ name: "gap.csv", mimeType: "text/csv", buffer: historyWithAGap() });
  await section.getByRole("button", { name: "Import valid rows" }).click();
  await expect(section.getByTestId("history-coverage")).toHaveText(
    "2026-09-01 12:00 UTC to 2026-09-03 12:00 UTC (2 d, 1 min steps); 1 gap of 2 h: minutes without data are left out.",
  );
  // The gap choice is said beside every result: both charts and the four tables.
  await expect(section.locator(".gap-note")).toHaveText(Array(6).fill("Minutes without data are left out."));

  const attainment = section.getByRole("group", { name: /^SLI over the SLO window:/ });
  await expect(attainment.locator("svg text", { hasText: "no data" })).toHaveCount(1);
  await expect(section.locator("figcaption").first()).toHaveText(
    "The dashed line is the target; grey bands are stretches without data.Minutes without data are left out.",
  );
  await attainment.focus();
  await page.keyboard.press("End");
  // 2,760 minutes with data, one bad: 1 − 1/2760.
  await expect(readout(attainment)).toHaveText("2026-09-03 11:59 UTC (Day 2, 23:59): SLI over the SLO window 99.964 %.");
  await page.keyboard.press("Home");
  await expect(readout(attainment)).toHaveText("2026-09-01 12:03 UTC (Day 1, 00:03): SLI over the SLO window 100.000 %.");
  // Inside the gap the point says it has no data.
  // (720 points every 4 minutes; Page Up moves 70 points, the arrow 7: point 182 ends
  // with minute 731, 2026-09-02 00:11.)
  for (const key of ["PageUp", "PageUp", ...Array(6).fill("ArrowRight")]) await page.keyboard.press(key);
  await expect(readout(attainment)).toHaveText("2026-09-02 00:11 UTC, no data (Day 1, 12:11): SLI over the SLO window 100.000 %.");

  await section.getByText("Show data").first().click();
  const days = section.getByRole("table", { name: "Each day of the history (UTC)" }).locator("tbody tr");
  await expect(days).toHaveCount(3);
  await expect(days.nth(1).locator("td")).toHaveText(["2026-09-02", "99.924 %", "99.951 %", "2 h"]);

  // Zoomed to its middle day (every other minute a point), the chart's last point has the
  // table's 99.951 % over the window at the end of 2026-09-02. Escape first, so + zooms
  // around the middle rather than the crosshair.
  await attainment.focus();
  await page.keyboard.press("Escape");
  await expect(readout(attainment)).toHaveText("");
  await page.keyboard.press("+");
  await expect(section.locator(".zoom-tools .hint").first()).toHaveText("Showing day 0.5 to 1.5 of 2.");
  await page.keyboard.press("End");
  await expect(readout(attainment)).toHaveText("2026-09-02 23:59 UTC (Day 2, 11:59): SLI over the SLO window 99.951 %.");

  // The burn-down: 100 bad of 276 allowed (0.1 % of 2,760 minutes × 100) leaves 63.8 %.
  const burnDown = section.getByRole("group", { name: /^Budget left in each SLO window:/ });
  await burnDown.focus();
  await page.keyboard.press("End");
  await expect(readout(burnDown)).toHaveText("Day 2, 23:59: From 2026-09-01 12:00 UTC 63.8 % left.");
  await section.getByText("Show data").nth(1).click();
  const burnTable = section.getByRole("table", { name: "Budget left at the end of each day of each SLO window" });
  await expect(burnTable.locator("thead th")).toHaveText(["Day of the window", "From 2026-09-01 12:00 UTC"]);
  await expect(burnTable.locator("tbody tr td")).toHaveText(["Day 1", "100 %", "Day 2", "63.8 %"]);

  // Counting the gap as bad changes every result and says so: 121 bad minutes on 09-02.
  await section.getByLabel("Minutes without data", { exact: true }).selectOption("bad");
  await expect(section.locator(".gap-note")).toHaveText(Array(6).fill("Minutes without data count as bad."));
  await expect(days.nth(1).locator("td")).toHaveText(["2026-09-02", "91.597 %", "94.398 %", "2 h"]);
});

/** About 6.5 MB of rows: 200,000 minutes from 2026-01-01, 1,000 requests a minute. */
function largeHistory() {
  let csv = "timestamp,good,total\n";
  const t0 = Date.UTC(2026, 0, 1);
  for (let m = 0; m < 200_000; m++) csv += `${new Date(t0 + m * 60_000).toISOString()},${990 + (m % 10)},1000\n`;
  return Buffer.from(csv);
}

test("a large history shows how much of it is split into rows, and Cancel stops the split", async ({ page }) => {
  // The split yields between slices with a message to itself; the test holds those
  // messages, so the split waits after its first slice until the test lets it go on.
  const messages = await holdMessages(page);
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await messages.hold();
  await section.getByLabel("Import history").setInputFiles({ name: "year.csv", mimeType: "text/csv", buffer: largeHistory() });
  const reading = section.getByRole("status").filter({ hasText: /^Reading “year\.csv” \([\d.]+ MB\): rows split \d+ %/ });
  await expect(reading).toBeVisible();
  const progress = reading.getByRole("progressbar", { name: /rows split/ });
  await expect(progress).toHaveAttribute("value", /^\d+$/);
  await expect.poll(messages.held).toBe(1);
  await reading.getByRole("button", { name: "Cancel reading" }).click();
  await expect(reading).toHaveCount(0);
  // The split's next slice finds it cancelled and stops: it yields no more, and no columns
  // of the file come.
  expect(await messages.deliver()).toBe(1);
  expect(await messages.held()).toBe(0);
  await messages.stop();
  await expect(section.getByRole("group", { name: /year\.csv/ })).toHaveCount(0);
});

test("leaving the page in the middle of a split stops it quietly, and the section works after", async ({ page }) => {
  // The split yields between slices with a message to itself; the test holds those
  // messages, so the split is paused after its first slice until the test lets it go on.
  const messages = await holdMessages(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await messages.hold();
  await section.getByLabel("Import history").setInputFiles({ name: "year.csv", mimeType: "text/csv", buffer: largeHistory() });
  // Visibly in progress: the status says how much is split, the bar shows it, and the
  // split waits for its next slice.
  const reading = section.getByRole("status").filter({ hasText: /^Reading “year\.csv” \(6\.\d MB\): rows split \d+ %/ });
  await expect(reading).toBeVisible();
  const progress = reading.getByRole("progressbar", { name: /rows split/ });
  await expect(progress).toHaveAttribute("value", /^\d+$/);
  await expect(progress).toHaveAttribute("max", "100");
  expect(Number(await progress.getAttribute("value"))).toBeLessThan(100);
  await expect.poll(messages.held).toBe(1);

  // Away to the Overview, then the split's next slice runs: it finds its page gone and
  // stops, without a panic (the page's error is reported before `deliver` returns; the
  // fixture would also fail the test on it, at the end).
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  expect(await messages.deliver()).toBe(1);
  expect(errors, "uncaught errors when the split went on after the page was left").toEqual([]);
  expect(await messages.held()).toBe(0);
  await messages.stop();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // Back on Scenarios nothing of the left file remains, and the next file goes through.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Scenarios", exact: true }).click();
  await expect(section.getByRole("heading", { name: "Replay history" })).toBeVisible();
  await expect(section.getByRole("status").filter({ hasText: "year.csv" })).toHaveCount(0);
  await expect(section.getByRole("group", { name: /year\.csv/ })).toHaveCount(0);
  await section.getByLabel("Import history").setInputFiles({ name: "checkout.csv", mimeType: "text/csv", buffer: history() });
  const mapping = section.getByRole("group", { name: "Columns of “checkout.csv” (4322 rows)" });
  await expect(mapping.getByRole("status")).toContainText("4320 of 4322 rows can be used");
  await mapping.getByRole("button", { name: "Import valid rows" }).click();
  await expect(section.getByText("99.305 % over the history (target 99.9 %): missed.")).toBeVisible();
});

test("a Prometheus query_range response with one error-ratio series is replayed as a ratio", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  // Two hours at 1-minute steps of a recording rule's error ratio: 0.5 for 12 minutes.
  const t0 = Date.UTC(2026, 8, 1) / 1000;
  const values = Array.from({ length: 120 }, (_, m) => [t0 + m * 60, m >= 30 && m < 42 ? "0.5" : "0"]);
  const response = {
    status: "success",
    data: { resultType: "matrix", result: [{ metric: { __name__: "slo:sli_error:ratio_rate1m", service: "checkout" }, values }] },
  };
  await section.getByLabel("Import history").setInputFiles({ name: "ratio.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(response)) });
  const mapping = section.getByRole("group", { name: "Columns of “ratio.json” (120 rows)" });
  await mapping.getByLabel("Measure").selectOption("ratio");
  await expect(mapping.getByRole("status")).toHaveText("All 120 rows can be used.");
  await mapping.getByRole("button", { name: "Import valid rows" }).click();
  // Each minute weighs the same: 6 bad minutes' worth of 120, 95 %.
  await expect(section.getByText("95.000 % over the history (target 99.9 %): missed.")).toBeVisible();
});
