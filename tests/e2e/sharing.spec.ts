// Sharing and interoperability in the release build: share links across two browsers,
// exports checked against the JSON Schema, OpenSLO against its v1 field rules, CSV, chart
// SVGs, and the report printed to PDF with its pages counted.
import { expect, test, type Browser, type Page } from "./fixtures";
import Ajv2020 from "ajv/dist/2020.js";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { EXAMPLE_NAME, download, exportPlan, importFile, libraryRows, openWorkbook } from "./helpers";

async function shareLinkOf(page: Page) {
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Share link copied." })).toBeVisible();
  const link = await page.getByLabel("Share link").inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  return link;
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** Every key and value in local storage, exactly as stored, in key order. */
function everythingStored(page: Page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .sort()
      .map((key) => [key, localStorage.getItem(key)]),
  );
}

/**
 * Runs the page's timers 2 s ahead on its test-controlled clock (`page.clock.install()`),
 * five times the autosave delay (AUTOSAVE_DELAY, 400 ms): any save that was scheduled has
 * been made.
 */
async function letAutosaveRun(page: Page) {
  await page.clock.runFor(2000);
}

test.describe("share links", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("a plan travels in a link to another browser, which asks before importing", async ({ page, browser }) => {
    await openWorkbook(page, "./#/plans");
    await page.getByRole("button", { name: "New blank plan" }).click();
    await page.getByLabel("Plan name").fill("Pilot for the platform team");
    await page.getByLabel("Organization").fill("Parcelry");
    await page.getByLabel("Plan name").press("Tab");
    const link = await shareLinkOf(page);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+$/);

    // The other browser has used the workbook before: its example plan is stored.
    const other = await freshPage(browser);
    await other.page.clock.install();
    await openWorkbook(other.page, "./#/plans");
    await letAutosaveRun(other.page);
    const before = await everythingStored(other.page);
    expect(before.map(([key]) => key)).toEqual(["sre-workbook/plan/example-parcelry", "sre-workbook/session"]);

    await other.page.goto(link);
    const dialog = other.page.getByRole("dialog", { name: "Import the shared plan?" });
    await expect(dialog).toContainText("This link holds the plan “Pilot for the platform team” for Parcelry: 0 teams, 0 assessment rounds, 0 SLOs and 0 scenarios.");
    await expect(dialog).toContainText("It is not in this browser yet.");
    // Nothing is stored before the choice, nor when the user cancels, and the plan has
    // left the address bar.
    await letAutosaveRun(other.page);
    await expect(dialog).toBeVisible();
    expect(await everythingStored(other.page)).toEqual(before);
    expect(other.page.url()).not.toContain("#share=");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await letAutosaveRun(other.page);
    expect(await everythingStored(other.page)).toEqual(before);
    await expect(libraryRows(other.page)).toHaveCount(1);

    await other.page.goto(link);
    await dialog.getByRole("button", { name: "Import plan" }).click();
    await expect(other.page.getByText("Imported “Pilot for the platform team”.")).toBeVisible();
    await expect(other.page.getByLabel("Plan name")).toHaveValue("Pilot for the platform team");
    await expect(libraryRows(other.page)).toHaveCount(2);
    await other.page.reload();
    await expect(libraryRows(other.page)).toHaveCount(2);
    await other.context.close();
  });

  test("a link opened as a browser's very first visit stores only what any first visit stores until the user chooses", async ({ page, browser }) => {
    await openWorkbook(page, "./#/plans");
    await page.getByRole("button", { name: "New blank plan" }).click();
    await page.getByLabel("Plan name").fill("Pilot for the platform team");
    await page.getByLabel("Plan name").press("Tab");
    const link = await shareLinkOf(page);

    // What a first visit without a link stores: the example plan and the session.
    const plain = await freshPage(browser);
    await plain.page.clock.install();
    await openWorkbook(plain.page, "./#/plans");
    await letAutosaveRun(plain.page);
    const firstVisit = await everythingStored(plain.page);
    await plain.context.close();

    const other = await freshPage(browser);
    await other.page.clock.install();
    await other.page.goto(link);
    const dialog = other.page.getByRole("dialog", { name: "Import the shared plan?" });
    await expect(dialog).toContainText("It is not in this browser yet.");
    await letAutosaveRun(other.page);
    expect(await everythingStored(other.page)).toEqual(firstVisit);
    await dialog.getByRole("button", { name: "Import plan" }).click();
    await expect(other.page.getByText("Imported “Pilot for the platform team”.")).toBeVisible();
    await letAutosaveRun(other.page);
    expect((await everythingStored(other.page)).filter(([key]) => key.startsWith("sre-workbook/plan/"))).toHaveLength(2);
    await other.context.close();
  });

  test("a shared version of a plan already here offers replace or keep both, never overwriting silently", async ({ page, browser }) => {
    await openWorkbook(page, "./#/plans");
    await page.getByLabel("Plan name").fill("Parcelry, as the coach sees it");
    await page.getByLabel("Plan name").press("Tab");
    const link = await shareLinkOf(page);

    const other = await freshPage(browser);
    await other.page.clock.install();
    await openWorkbook(other.page, "./#/plans");
    await letAutosaveRun(other.page);
    const before = await everythingStored(other.page);
    await other.page.goto(link);
    const dialog = other.page.getByRole("dialog", { name: "Import the shared plan?" });
    await expect(dialog).toContainText(`“${EXAMPLE_NAME}” in this browser is the same plan (same id).`);
    await letAutosaveRun(other.page);
    expect(await everythingStored(other.page)).toEqual(before);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await letAutosaveRun(other.page);
    expect(await everythingStored(other.page)).toEqual(before);
    await expect(libraryRows(other.page)).toHaveCount(1);
    await expect(other.page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);

    await other.page.goto(link);
    await other.page.getByRole("dialog").getByRole("button", { name: "Keep both" }).click();
    await expect(libraryRows(other.page)).toHaveCount(2);
    await other.page.goto(link);
    await other.page.getByRole("dialog").getByRole("button", { name: "Replace" }).click();
    await expect(libraryRows(other.page).filter({ hasText: "Parcelry, as the coach sees it" })).toHaveCount(2);
    await other.context.close();
  });

  test("a damaged link says so and changes nothing; a plan too large for a link gets advice", async ({ page }) => {
    await openWorkbook(page, "./#/plans");
    const link = await shareLinkOf(page);
    // Cut short at a length that is still whole base64 groups: the data itself is incomplete.
    await page.goto(link.slice(0, link.indexOf("#share=") + "#share=".length + 4000));
    const alert = page.getByRole("alert").filter({ hasText: "Could not import “the share link”" });
    await expect(alert).toContainText("the link is damaged: its data cannot be unpacked (was it cut short or changed when copied?)");
    await page.goto(link.replace("#share=", "#share=%25"));
    await expect(page.getByRole("alert").filter({ hasText: "Could not import “the share link”" })).toContainText("'%' at position 1 is not a character share links use");
    await expect(libraryRows(page)).toHaveCount(1);

    const big = JSON.parse(readFileSync("tests/fixtures/v1/example.json", "utf8"));
    big.id = "big-plan";
    big.name = "Big plan";
    let x = 1;
    big.transition.teams.push(
      ...Array.from({ length: 1990 }, (_, i) => ({
        id: `t${i}`,
        name: Array.from({ length: 60 }, () => String.fromCharCode(97 + ((x = (x * 48271) % 2147483647) % 26))).join(""),
        description: "",
      })),
    );
    await importFile(page, "big.json", JSON.stringify(big));
    await expect(page.getByLabel("Plan name")).toHaveValue("Big plan");
    await page.getByRole("button", { name: "Copy share link" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "this plan is too large for a link" })).toContainText(
      "a link can hold 64000). Export it as a file and send the file instead.",
    );
  });

  test("script and HTML in a shared plan stay inert text", async ({ page, browser }) => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
    await openWorkbook(page, "./#/plans");
    await page.getByLabel("Plan name").fill(`${payload} plan`);
    await page.getByLabel("Organization").fill(payload);
    await page.getByLabel("Plan name").press("Tab");
    const link = await shareLinkOf(page);
    const other = await freshPage(browser);
    await other.page.goto(link);
    await expect(other.page.getByRole("dialog")).toContainText(`“${payload} plan” for ${payload}`);
    await other.page.getByRole("dialog").getByRole("button", { name: "Keep both" }).click();
    await expect(other.page.getByLabel("Plan name")).toHaveValue(`${payload} plan (imported)`);
    await other.page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Report", exact: true }).click();
    await expect(other.page.getByRole("heading", { level: 1, name: `${payload} plan (imported)` })).toBeVisible();
    await expect(other.page.locator(".report-meta")).toContainText(payload);
    expect(await other.page.locator('main img[src="x"], main script').count()).toBe(0);
    expect(await other.page.evaluate(() => (window as any).__xss)).toBeUndefined();
    await other.context.close();
  });
});

test("exports carry $schema and validate against the shipped JSON Schema, as does the example plan", async ({ page, baseURL }) => {
  const schema = JSON.parse(readFileSync("dist/plan.schema.json", "utf8"));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const check = (value: unknown, what: string) => expect(validate(value) ? [] : validate.errors, what).toEqual([]);
  check(JSON.parse(readFileSync("tests/fixtures/v4/example.json", "utf8")), "the example plan with a history");

  await openWorkbook(page, "./#/plans");
  const exported = JSON.parse((await exportPlan(page)).text);
  expect(exported.$schema).toBe(new URL("plan.schema.json", baseURL).href);
  const served = await page.request.get(exported.$schema);
  expect(served.ok()).toBe(true);
  expect(await served.json()).toEqual(schema);
  check(exported, "the exported example");
  for (const corrupt of [{ ...exported, version: "1" }, { ...exported, surprise: 1 }, { ...exported, name: 5 }]) {
    expect(validate(corrupt)).toBe(false);
  }

  await page.getByRole("button", { name: "New blank plan" }).click();
  const blank = JSON.parse((await exportPlan(page)).text);
  check(blank, "an exported blank plan");
});

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DURATION = /^\d+[smhdwMQY]$/;

test("OpenSLO export follows the v1 field rules", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  const file = await download(page, () => page.getByRole("button", { name: "Export OpenSLO YAML" }).click());
  expect(file.name).toBe(`${EXAMPLE_NAME} - OpenSLO.yaml`);
  const docs = parseAllDocuments(file.text).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS();
  }).filter(Boolean);
  const services = docs.filter((d) => d.kind === "Service");
  const slos = docs.filter((d) => d.kind === "SLO");
  expect(services).toHaveLength(4);
  expect(slos).toHaveLength(9);
  const names = new Set<string>();
  for (const doc of docs) {
    expect(doc.apiVersion).toBe("openslo/v1");
    expect(["Service", "SLO"]).toContain(doc.kind);
    expect(doc.metadata.name).toMatch(DNS_LABEL);
    expect(names.has(doc.metadata.name)).toBe(false);
    names.add(doc.metadata.name);
  }
  for (const slo of slos) {
    const spec = slo.spec;
    expect(services.map((s) => s.metadata.name)).toContain(spec.service);
    expect(spec.indicator.metadata.name).toMatch(DNS_LABEL);
    // SLOs with queries carry Prometheus sources (a ratio of counters, or a gauge against a
    // threshold with op and value); the others describe the indicator in words.
    const indicator = spec.indicator.spec;
    if (indicator.thresholdMetric) {
      expect(indicator.thresholdMetric.metricSource.type).toBe("Prometheus");
      expect(indicator.ratioMetric).toBeUndefined();
      for (const o of spec.objectives) expect(["lte", "gte"]).toContain(o.op);
    } else {
      const parts = Object.keys(indicator.ratioMetric).filter((k) => k !== "counter").sort();
      expect([["good", "total"], ["bad", "total"]]).toContainEqual(parts);
      const types = parts.map((part) => indicator.ratioMetric[part].metricSource.type);
      expect([["Prometheus", "Prometheus"], ["SreFoundationsWorkbook", "SreFoundationsWorkbook"]]).toContainEqual(types);
      for (const o of spec.objectives) expect(o.op).toBeUndefined();
    }
    expect(spec.timeWindow).toHaveLength(1);
    const window = spec.timeWindow[0];
    expect(window.duration).toMatch(DURATION);
    expect(typeof window.isRolling).toBe("boolean");
    if (!window.isRolling) expect(window.calendar).toEqual({ startTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), timeZone: "UTC" });
    expect(["Occurrences", "Timeslices", "RatioTimeslices"]).toContain(spec.budgetingMethod);
    expect(spec.objectives.length).toBeGreaterThan(0);
    for (const o of spec.objectives) {
      expect(o.target).toBeGreaterThan(0);
      expect(o.target).toBeLessThan(1);
      if (spec.budgetingMethod === "Timeslices") {
        expect(o.timeSliceTarget).toBeGreaterThan(0);
        expect(o.timeSliceTarget).toBeLessThanOrEqual(1);
        expect(o.timeSliceWindow).toMatch(DURATION);
      }
    }
  }
  const sourceType = (name: string) => {
    const ind = slos.find((s) => s.metadata.name === name).spec.indicator.spec;
    return ind.thresholdMetric ? "threshold" : ind.ratioMetric.total.metricSource.type;
  };
  expect(slos.map((s) => [s.metadata.name, sourceType(s.metadata.name)])).toEqual([
    ["checkout-availability", "Prometheus"],
    ["checkout-latency", "Prometheus"],
    ["shop-api-availability", "SreFoundationsWorkbook"],
    ["tracking-availability", "Prometheus"],
    ["tracking-freshness", "threshold"],
    ["route-availability", "SreFoundationsWorkbook"],
    ["route-correctness", "SreFoundationsWorkbook"],
    ["identity-availability", "SreFoundationsWorkbook"],
    ["identity-latency", "SreFoundationsWorkbook"],
  ]);
  const freshness = slos.find((s) => s.metadata.name === "tracking-freshness");
  expect(freshness.spec.indicator.spec.thresholdMetric.metricSource.spec.query).toBe('tracking_scan_lag_seconds{pipeline="carrier-scans"}');
  expect(freshness.spec.objectives[0]).toMatchObject({ op: "lte", value: 600, target: 0.99 });
  expect(freshness.spec.timeWindow).toEqual([{ duration: "1M", isRolling: false, calendar: { startTime: "2027-02-01 00:00:00", timeZone: "UTC" } }]);
  const checkout = slos.find((s) => s.metadata.name === "checkout-availability");
  expect(checkout.spec.indicator.spec.ratioMetric.bad.metricSource).toEqual({ type: "Prometheus", spec: { query: 'http_requests_total{job="shop-api", handler="/checkout", code=~"5.."}' } });
  expect(checkout.spec).toMatchObject({ service: "shop-api", budgetingMethod: "Occurrences", timeWindow: [{ duration: "30d", isRolling: true }], objectives: [{ target: 0.999 }] });
  const signIn = slos.find((s) => s.metadata.name === "identity-availability");
  expect(signIn.spec).toMatchObject({ budgetingMethod: "Timeslices", objectives: [{ target: 0.9995, timeSliceTarget: 0.99, timeSliceWindow: "1m" }] });
});

test("the SLO table and the assessment history download as CSV", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  const slos = await download(page, () => page.getByRole("button", { name: "Export SLOs as CSV" }).click());
  expect(slos.name).toBe(`${EXAMPLE_NAME} - SLOs.csv`);
  const rows = slos.text.replace(/^\ufeff/, "").trimEnd().split("\r\n");
  expect(rows).toHaveLength(10);
  expect(rows[0]).toBe("SLO id,SLO,Service,Journey,Journey priority,SLI,Target (%),Window,Budgeting,Error budget (minutes),Error budget,Policy agreed,State");
  expect(rows[1]).toContain("checkout-availability,Label purchase succeeds,Shop API,Buy a shipping label,1,Availability,99.9,rolling 30 days,Events,43.2,");

  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Transition", exact: true }).click();
  const history = await download(page, () => page.getByRole("button", { name: "Export assessments as CSV" }).click());
  expect(history.name).toBe(`${EXAMPLE_NAME} - assessments.csv`);
  const lines = history.text.replace(/^\ufeff/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe("Round,Date,Team,Group,Level,Stage,Note");
  expect(lines).toHaveLength(61);
  expect(lines[1]).toBe("Q1 2026,2026-03-16,Checkout,Developers,1,Misalignment,");
});

/** Series colors in legend order (src/charts/palette.rs), as plotters writes them. */
const SERIES = ["#2B6CB0", "#C05621", "#2F855A", "#9B3B9B"];

/** Every point of the lines drawn in `stroke`. */
function pointsOf(svg: string, stroke: string) {
  return [...svg.matchAll(/<polyline ([^>]*)\/>/g)]
    .filter(([, attrs]) => attrs.includes(`stroke="${stroke}"`))
    .flatMap(([, attrs]) => /points="([^"]*)"/.exec(attrs)![1].trim().split(/\s+/))
    .map((point) => point.split(",").map(Number));
}

/** Checks that a series is drawn as a line of at least `count` points from `fromX` to `toX`. */
function expectLine(svg: string, stroke: string, count: number, [fromX, toX]: [number, number]) {
  const points = pointsOf(svg, stroke);
  expect(points.length, `points drawn in ${stroke}`).toBeGreaterThanOrEqual(count);
  expect(points.every((p) => p.length === 2 && p.every(Number.isFinite)), `points drawn in ${stroke} are x,y pairs`).toBe(true);
  expect(Math.min(...points.map(([x]) => x)), `${stroke} starts at the left`).toBeLessThanOrEqual(fromX);
  expect(Math.max(...points.map(([x]) => x)), `${stroke} reaches the right`).toBeGreaterThanOrEqual(toX);
}

const textsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, text]) => text.trim());
const descOf = (svg: string) => /<desc id="[^"]+">([^<]*)<\/desc>/.exec(svg)?.[1];

test("every chart downloads as an SVG file with its series", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  const trend = await download(page, () => page.getByRole("button", { name: "Download SVG: Trend and targets" }).click());
  expect(trend.name).toBe(`${EXAMPLE_NAME} - Trend and targets.svg`);
  expect(trend.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(trend.text).toContain("Average level of each stakeholder group per round");
  expect(trend.text.trimEnd()).toMatch(/<\/svg>$/);
  // One line per stakeholder group across the rounds, named in the chart's own legend.
  const groups = ["Developers", "Operations engineers", "Product managers", "Executives / management"];
  expect(textsOf(trend.text).slice(-4)).toEqual(groups);
  // Each group: its three rounds and the projection to its target (a dashed line is one
  // polyline with a dash array, so its points are its ends).
  SERIES.forEach((color) => expectLine(trend.text, color, 5, [80, 510]));
  for (const group of groups) expect(descOf(trend.text)).toContain(`${group}: average `);

  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Scenarios", exact: true }).click();
  const files: Record<string, string> = {};
  for (const what of ["Budget left per scenario", "Burn rate", "Incident and alert timeline"]) {
    const file = await download(page, () => page.getByRole("button", { name: `Download SVG: ${what}` }).click());
    expect(file.name).toBe(`${EXAMPLE_NAME} - ${what}.svg`);
    expect(file.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(file.text.trimEnd()).toMatch(/<\/svg>$/);
    files[what] = file.text;
  }
  // Budget left: a line over the whole window per scenario, as the comparison table reads.
  const budget = files["Budget left per scenario"];
  expect(descOf(budget)).toBe(
    "This quarter&#39;s incidents: Overspent by 17.4 % at the end; exhausted day 26, 02:10. " +
      "Double the release rate: 24.4 % (10 min 34 s left) at the end; exhausted not exhausted. " +
      "Promise 99.95 % instead: Overspent by 57.1 % at the end; exhausted day 14, 14:51.",
  );
  SERIES.slice(0, 3).forEach((color) => expectLine(budget, color, 500, [70, 740]));
  expect(pointsOf(budget, SERIES[3])).toEqual([]);
  expect(textsOf(budget).filter((t) => t === "runs out")).toHaveLength(2);
  for (const threshold of ["50 % consumed", "75 % consumed", "100 % consumed", "150 % consumed"]) expect(textsOf(budget)).toContain(threshold);
  // Burn rate of the first scenario over each alert rule's long window: 38 min at 35.02 %
  // errors peak at 13.312 bad minutes in an hour (221.9×), 13.372 in 6 h (37.1×) and
  // 14.164 in 3 days (3.3×).
  const burn = files["Burn rate"];
  expect(descOf(burn)).toBe("Over 1 h: peaks at 221.9×. Over 6 h: peaks at 37.1×. Over 3 d: peaks at 3.3×.");
  SERIES.slice(0, 3).forEach((color) => expectLine(burn, color, 500, [70, 740]));
  expect(textsOf(burn)).toEqual(expect.arrayContaining(["Page at 14.4× (1 h)", "Page at 6× (6 h)", "Ticket at 1× (3 d)"]));
  // The timeline: one bar per event, each titled, the same events as the table lists.
  const timeline = files["Incident and alert timeline"];
  expect(descOf(timeline)).toBe("20 events; the table below lists each one.");
  const bars = [...timeline.matchAll(/<rect [^>]*><title>([^<]*)<\/title><\/rect>/g)].map(([, title]) => title);
  expect(bars).toHaveLength(20);
  expect(bars.slice(0, 5)).toEqual([
    "Incident: Payment provider timeout, Day 5, 09:12 for 38 min",
    "Incident: Bad config push, Day 18, 14:40 for 12 min",
    "Incident: Database failover, Day 26, 02:05 for 6 min",
    "Failed release: Failed change 1, Day 14, 14:30 for 30 min",
    "Failed release: Failed change 2, Day 28, 13:23 for 30 min",
  ]);

  await page.getByRole("button", { name: "Run Monte Carlo" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Done: 10,000 runs in \d+ ms/ })).toBeVisible();
  const odds = (await page.locator(".odds").textContent())!;
  const histogram = await download(page, () => page.getByRole("button", { name: "Download SVG: Monte Carlo histogram" }).click());
  expect(histogram.name).toBe(`${EXAMPLE_NAME} - Monte Carlo histogram.svg`);
  expect(histogram.text).toContain("Budget left at the end of each run");
  // The same odds as the page shows, and a bar for each bin with runs in it.
  expect(odds).toMatch(/^Chance the budget runs out: [A-Z][a-z ]+: [\d.]+ % of 10,000 runs/);
  const meanLeft = await page.locator("dl.figures > div").filter({ has: page.getByText("Mean budget left", { exact: true }) }).locator("dd").textContent();
  expect(descOf(histogram.text)).toBe(`${odds.replace(/^Chance the budget runs out: /, "")}. Mean budget left ${meanLeft}.`);
  const heights = [...histogram.text.matchAll(/<rect [^>]*height="(\d+)"[^>]*fill="#(?:C53030|2B6CB0)"/g)].map(([, h]) => Number(h));
  expect(heights.length).toBeGreaterThanOrEqual(10);
  expect(heights.every((h) => h > 0)).toBe(true);
});

test("the report lays out the whole plan and prints to clean A4 and Letter pages", async ({ page }) => {
  await openWorkbook(page, "./#/report");
  await expect(page.getByRole("heading", { level: 1, name: EXAMPLE_NAME })).toBeVisible();
  for (const heading of ["The challenge", "Where each group stands", "Readiness", "Coaching plan (6 actions)", "SLOs, budgets and policies (9 SLOs)", "Scenario results (3 scenarios)"]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Label purchase succeeds/ })).toContainText("43 min 12 s");
  await expect(page.locator(".report-chart .chart-svg svg")).toHaveCount(2);
  // Dates in the tables stay whole: "2026-12-18", never "2026-" above "12-18".
  const dates = page.locator(".report-table .nowrap");
  expect(await dates.count()).toBeGreaterThanOrEqual(10);
  const lines = await dates.evaluateAll((spans) => spans.map((s) => [s.textContent, s.getClientRects().length]));
  expect(lines.filter(([, n]) => n !== 1)).toEqual([]);
  await expect(page.getByRole("row", { name: /Put developers into the on-call rotation/ }).locator(".nowrap")).toHaveText("2026-12-18");

  const dir = mkdtempSync(join(tmpdir(), "report-"));
  for (const format of ["A4", "Letter"] as const) {
    const pdf = join(dir, `${format}.pdf`);
    writeFileSync(pdf, await page.pdf({ format, printBackground: true }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    // The example plan's report fills exactly 3 A4 pages; on Letter (shorter) the scenario
    // results table moves to a 4th. The policy document of the chosen service starts a page
    // of its own after them.
    expect(pages, `${format} pages`).toBe({ A4: 4, Letter: 5 }[format]);
    const last = execFileSync("pdftotext", ["-f", String(pages), "-l", String(pages), pdf, "-"], { encoding: "utf8" });
    expect(last).toMatch(/^Error-budget policy documents\s+Error-budget policy: Shop API/);
    expect(last).not.toContain("Export policy as Markdown");
    for (let n = 1; n <= pages; n++) {
      const text = execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"], { encoding: "utf8" });
      expect(text.trim().length, `${format} page ${n} has text`).toBeGreaterThan(100);
    }
    const all = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(all).toContain("Coaching plan");
    expect(all).not.toContain("Print or save as PDF");
    expect(all).not.toContain("Skip to the workspace");
  }
});

test("the report exports as Markdown with each section and the figures the page shows", async ({ page }) => {
  await openWorkbook(page, "./#/report");
  const pageRow = async (table: string) =>
    (await page.getByRole("region", { name: new RegExp(`^${table}`) }).locator("tbody tr").first().locator("th, td").allInnerTexts()).map((t) => t.trim());
  const scenario = await pageRow("Scenario results");
  const slo = await pageRow("SLOs, budgets and policies");
  const file = await download(page, () => page.getByRole("button", { name: "Export report as Markdown" }).click());
  expect(file.name).toBe(`${EXAMPLE_NAME} report.md`);
  expect(file.text.split("\n").filter((l) => l.startsWith("## "))).toEqual([
    "## The challenge",
    "## Where each group stands",
    "## Coaching plan (6 actions)",
    "## SLOs, budgets and policies (9 SLOs)",
    "## Scenario results (3 scenarios)",
  ]);
  // The first SLO and scenario rows say what the page's tables say.
  expect(file.text).toContain(`| ${slo.join(" | ")} |`);
  expect(file.text).toContain(`| ${scenario.slice(0, 7).join(" | ")} |`);
  expect(scenario[2]).toBe("Overspent by 17.4 %");
});

test("who agreed a policy, when, and its next review are kept with the SLO and written into the policy document", async ({ page }) => {
  await openWorkbook(page, "./#/slos/route-availability");
  const editor = page.getByRole("region", { name: "Edit “Route is ready at shift start”" });
  await editor.getByLabel("Product management has agreed this policy").check();
  await editor.getByLabel("Agreed by").fill("Jonas (product lead) and the routing team");
  await editor.getByLabel("Agreed on").fill("2026-11-20");
  // A review before the agreement is refused, and says why.
  await editor.getByLabel("Next review").fill("2026-10-01");
  const error = editor.getByRole("alert").filter({ hasText: "The next review (2026-10-01) is before the policy was agreed (2026-11-20); not saved." });
  await expect(error).toBeVisible();
  await editor.getByLabel("Next review").fill("2027-02-20");
  await expect(error).toHaveCount(0);
  await expect(page.locator(".save-status")).toHaveText("Saved");

  await page.reload();
  await page.goto("./#/overview");
  await page.goto("./#/slos/route-availability");
  await expect(editor.getByLabel("Agreed by")).toHaveValue("Jonas (product lead) and the routing team");
  await expect(editor.getByLabel("Agreed on")).toHaveValue("2026-11-20");
  await expect(editor.getByLabel("Next review")).toHaveValue("2027-02-20");

  await page.goto("./#/report");
  const section = page.getByRole("region", { name: "Error-budget policy documents" });
  await section.getByLabel("Service").selectOption({ label: "Route planner" });
  const doc = section.getByRole("article", { name: "Error-budget policy: Route planner" });
  await expect(doc).toContainText("Route is ready at shift start: agreed by Jonas (product lead) and the routing team on 2026-11-20.");
  await expect(doc).toContainText("Not agreed with product management yet: Routes are drivable.");
  await expect(doc).toContainText("Route is ready at shift start: to be reviewed by 2027-02-20.");
  await expect(doc).toContainText("Not recorded in the plan: when the policy for Routes are drivable is reviewed next.");
});

test("each service's error-budget policy document is on the report and exports as Markdown", async ({ page }) => {
  await openWorkbook(page, "./#/report");
  const section = page.getByRole("region", { name: "Error-budget policy documents" });
  await section.getByLabel("Service").selectOption({ label: "Route planner" });
  const doc = section.getByRole("article", { name: "Error-budget policy: Route planner" });
  await expect(doc.getByRole("heading", { level: 4 })).toHaveText([
    "Service overview", "Goals and non-goals", "SLOs", "SLO miss policy", "Outage policy", "Escalation policy", "Agreement", "Next review",
  ]);
  // The example has not agreed the route planner's policy with product management yet.
  await expect(doc).toContainText("Not agreed with product management yet: Route is ready at shift start, Routes are drivable.");
  const file = await download(page, () => section.getByRole("button", { name: "Export policy as Markdown" }).click());
  expect(file.name).toBe("Route planner error-budget policy.md");
  expect(file.text).toMatch(/^# Error-budget policy: Route planner\n\nFrom the plan “Parcelry SRE transformation”, \d{4}-\d\d-\d\d\.\n\n## Service overview\n/);
  for (const h of ["## SLO miss policy", "## Outage policy", "## Escalation policy", "## Agreement", "## Next review"]) expect(file.text).toContain(`\n${h}\n`);
  expect(file.text).toContain("- Route is ready at shift start: 99.95 % over rolling 28 days, an error budget of 20 min 10 s.");
});
