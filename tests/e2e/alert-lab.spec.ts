// The alert lab ("Compare alerting"): the example plan's kept history replayed through
// every alerting scheme, by keyboard and by mouse; "Use these tiers" changes the SLO's
// tiers and Undo takes them back.
import { expect, test } from "./fixtures";
import { openWorkbook } from "./helpers";

const SCHEMES = ["This SLO's tiers", "Sloth", "Pyrra", "Grafana SLO", "Datadog", "slo-generator"];

test("the example history is compared under every scheme, and a scheme's tiers can be kept and undone", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const section = page.getByRole("region", { name: "Replay history" });
  await expect(section.getByText(/over the history \(target 99\.9 %\)/)).toBeVisible();
  const lab = section.getByRole("region", { name: "Compare alerting" });

  // By keyboard: the button takes focus and Enter runs the comparison.
  await lab.getByRole("button", { name: "Compare alerting" }).focus();
  await page.keyboard.press("Enter");
  const table = lab.getByRole("region", { name: "Alerting schemes compared (scrolls sideways)" });
  await expect(table.locator("tbody th")).toHaveText(SCHEMES);
  await expect(lab.locator(".alert-lab-sentences li")).toHaveCount(6);
  await expect(lab.locator(".alert-lab-sentences li").nth(1)).toHaveText(/^Sloth: \d+ pages? and \d+ tickets? \(/);

  // The chart: a lane of incidents, then one per scheme, every bar titled.
  const svg = lab.locator('svg[aria-labelledby^="history-alert-lab-chart"]');
  await expect(svg).toHaveAttribute("role", "img");
  for (const lane of ["Incidents", ...SCHEMES]) await expect(svg.locator("text", { hasText: lane }).first()).toBeVisible();
  await expect(svg.locator("rect title").first()).toHaveText(/^Incident: Day \d+, \d\d:\d\d for /);
  // The crosshair, by keyboard: from the first column, arrows step to the outage, where
  // the readout names each lane that fires.
  const frame = lab.getByRole("group", { name: /^When each alerting scheme fires: Point at the chart/ });
  await frame.focus();
  await page.keyboard.press("Home");
  const readout = lab.locator('[data-figure="crosshair"]');
  await expect(readout).toHaveText(/^Day 1, 00:00: no values\.$/);
  for (let i = 0; i < 120 && !/Sloth page/.test((await readout.textContent()) ?? ""); i++) await page.keyboard.press("ArrowRight");
  await expect(readout).toContainText("Incidents burning faster than 1×; This SLO's tiers page; Sloth page");
  await lab.getByText("Show data").click();
  await expect(lab.getByRole("region", { name: "Alerts of each scheme (scrolls sideways)" }).locator("tbody tr").first()).toBeVisible();

  // Where each scheme's rules come from, in words: the SLO's own tiers are the SRE
  // Workbook's (99.9 % over 30 days); Pyrra's scale its windows to the 30-day window.
  await lab.getByText("How the lab counts, and where each scheme’s rules come from").click();
  const sources = lab.locator("details li");
  await expect(sources.first()).toHaveText(/^This SLO's tiers — page: > 14\.4× over 1 h and 5 min; page: > 6× over 6 h and 30 min; ticket: > 1× over 3 d and 6 h\./);
  await expect(sources.nth(2)).toHaveText(/^Pyrra — page: > 14× over 1 h 4 min and 5 min for 2 min; page: > 7× over 6 h 26 min and 32 min for 16 min; ticket: > 2× over 1 d 1 h 43 min and 2 h 9 min for 1 h 4 min; ticket: > 1× over 4 d 6 h 51 min and 6 h 26 min for 3 h 13 min\./);

  // By mouse: keep Pyrra's tiers; the result is now out of date and says so.
  await lab.getByRole("button", { name: "Use these tiers: Pyrra" }).click();
  await expect(lab.getByRole("status")).toHaveText(/^Pyrra’s tiers are now this SLO’s/);
  await expect(lab.getByText("The inputs changed since this comparison; compare again to update it.")).toBeVisible();
  await lab.getByRole("button", { name: "Compare again" }).click();
  await expect(sources.first()).toHaveText(/^This SLO's tiers — page: > 14× over 1 h 4 min and 5 min; page: > 7× over 6 h 26 min and 32 min; ticket: > 2× over 1 d 1 h 43 min and 2 h 9 min; ticket: > 1× over 4 d 6 h 51 min and 6 h 26 min\./);

  // Undo restores the SRE Workbook's tiers.
  await page.getByRole("button", { name: "Undo edit" }).click();
  await lab.getByRole("button", { name: "Compare again" }).click();
  await expect(sources.first()).toHaveText(/^This SLO's tiers — page: > 14\.4× over 1 h and 5 min; page: > 6× over 6 h and 30 min; ticket: > 1× over 3 d and 6 h\./);
});

test("a scenario is compared under every scheme from its results", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  const results = page.locator(".scenario-results");
  const lab = results.getByRole("region", { name: "Compare alerting" });
  await lab.getByRole("button", { name: "Compare alerting" }).click();
  await expect(lab.getByRole("region", { name: "Alerting schemes compared (scrolls sideways)" }).locator("tbody th")).toHaveText(SCHEMES);
  // The scenario's three incidents (38, 12 and 6 minutes at high error ratios) and its two
  // failed releases (30 minutes each) are each paged by the SLO's own tiers.
  await expect(lab.locator(".alert-lab-sentences li").first()).toContainText("all 5 incidents paged");
  // Each incident's first page per scheme: the payment timeout (day 5, 09:12, 38 minutes)
  // is paged by every scheme, Pyrra's 2 minutes of for: later than Sloth's.
  await lab.getByText("Each incident: how long until each scheme paged").click();
  const first = lab.getByRole("region", { name: "Incidents and their first page (scrolls sideways)" }).locator("tbody tr").first();
  await expect(first.locator("th")).toHaveText("Day 5, 09:12");
  await expect(first.locator("td").first()).toHaveText("38 min");
  await expect(first.locator("td", { hasText: "never" })).toHaveCount(0);
  // An edit marks the comparison as out of date; it does not rerun it.
  await page.getByLabel("Baseline error ratio (%)").fill("0.03");
  await expect(lab.getByText("The inputs changed since this comparison; compare again to update it.")).toBeVisible();
});
