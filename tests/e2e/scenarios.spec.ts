// The scenario workspace as an SRE coach uses it: add an incident and watch the budget
// chart and the comparison change, make a variant that promises a different target, run
// the Monte Carlo, and find it all kept after a reload.
import { expect, test, type Page } from "./fixtures";
import { openWorkbook } from "./helpers";

async function pick(page: Page, name: string) {
  await page.getByRole("table").filter({ hasText: "On the chart" }).getByRole("button", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Edit “${name}”` })).toBeVisible();
}

const comparisonRow = (page: Page, name: string) =>
  page.getByRole("table", { name: "Scenarios side by side" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

test("adding an incident changes the budget chart and the comparison, and is kept", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  await pick(page, "Double the release rate");
  // The first example scenario: a baseline of 0.02 % errors (8.64 bad minutes over 43,200,
  // less 0.0024 where the config push already fails everything), its three incidents
  // (38 min × 35 % + 12 min × 100 % + 6 min × 80 % = 30.1) and 2 of its 43 releases failing
  // (2 × 30 min × 20 % = 12) make 50.7376 bad minutes against a 43.2-minute budget, 17.4 %
  // over. Before the database failover (day 26, 02:05) 38.5226 are spent; at 0.8002 a
  // minute, its 6th minute (02:10) spends the remaining 4.6774.
  const first = comparisonRow(page, "This quarter's incidents");
  await expect(first.getByRole("cell").nth(1)).toHaveText("Overspent by 17.4 %");
  await expect(first.getByRole("cell").nth(2)).toHaveText("Day 26, 02:10");
  const row = comparisonRow(page, "Double the release rate");
  await expect(row.getByRole("cell").nth(1)).toHaveText("24.4 % (10 min 34 s left)");
  await expect(row.getByRole("cell").nth(2)).toHaveText("Not exhausted");
  const chartDescription = page.locator("#budget-chart-desc");
  await expect(chartDescription).toContainText("Double the release rate: 24.4 % (10 min 34 s left) at the end; exhausted not exhausted.");

  await page.getByRole("button", { name: "Add incident" }).click();
  const incident = page.getByRole("group", { name: "Incident 1: Incident 1" });
  await incident.getByLabel("Label").fill("Warehouse API down");
  const renamed = page.getByRole("group", { name: "Incident 1: Warehouse API down" });
  await renamed.getByLabel("Start day").fill("10");
  await renamed.getByLabel("Start time").fill("12:00");
  await renamed.getByLabel("Duration (min)").fill("60");
  await renamed.getByLabel("Error ratio or share of users affected (%)").fill("100");

  // By day 10, 12:00 the baseline (13,680 min × 0.02 % = 2.736 bad minutes) and one failed
  // release (30 min × 20 % = 6) have spent 8.736 of the 43.2 minutes, leaving 34.464: the
  // 35th minute of the full outage, the one starting at 12:34, empties the budget. The window
  // ends with 32.64 + 60 × 99.98 % = 92.628 bad minutes, 114.4 % over the budget.
  await expect(row.getByRole("cell").nth(2)).toHaveText("Day 10, 12:34");
  await expect(row.getByRole("cell").nth(1)).toHaveText("Overspent by 114.4 %");
  await expect(chartDescription).toContainText("Double the release rate: Overspent by 114.4 % at the end; exhausted day 10, 12:34.");
  // The list of scenarios counts it in words: one incident, not "1 incidents".
  const listed = page.getByRole("table").filter({ hasText: "On the chart" }).getByRole("row").filter({ hasText: "Double the release rate" });
  await expect(listed).toContainText("1 incident · 20 releases a week at 5 % failing");
  // A full hour of outage burns 1 / 0.001 = 1000× over the 1-hour window.
  await page.getByText("Show the burn rates as a table").click();
  await expect(page.getByRole("table", { name: "Burn rate per alert rule" }).getByRole("row", { name: /^Page: 14.4× over 1 h and 5 min/ })).toContainText("1000×");
  await page.getByText(/Show the timeline as a table/).click();
  await expect(page.getByRole("table", { name: "Timeline of the scenario" })).toContainText("Day 10, 12:00IncidentWarehouse API down1 h");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.reload();
  await pick(page, "Double the release rate");
  const kept = page.getByRole("group", { name: "Incident 1: Warehouse API down" });
  await expect(kept.getByLabel("Start day")).toHaveValue("10");
  await expect(kept.getByLabel("Start time")).toHaveValue("12:00");
  await expect(kept.getByLabel("Duration (min)")).toHaveValue("60");
  await expect(comparisonRow(page, "Double the release rate").getByRole("cell").nth(2)).toHaveText("Day 10, 12:34");
  await expect(comparisonRow(page, "Double the release rate").getByRole("cell").nth(1)).toHaveText("Overspent by 114.4 %");
});

test("a variant promising another target is compared side by side and kept", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  await pick(page, "Double the release rate");
  await page.getByRole("button", { name: "Duplicate as variant" }).click();
  await expect(page.getByRole("heading", { name: "Edit “Double the release rate (variant)”" })).toBeVisible();
  await page.getByLabel("Scenario name").fill("Double releases at 99.5 %");
  await page.getByLabel("Override the SLO target in this scenario").check();
  await page.getByLabel("Target for this scenario (%)").fill("99.5");

  const variant = comparisonRow(page, "Double releases at 99.5 %");
  await expect(variant.getByRole("cell").first()).toHaveText("99.5 % (override)");
  // The same 32.66 bad minutes against a 216-minute budget leave 84.9 %.
  await expect(variant).toContainText("84.9 %");
  await expect(comparisonRow(page, "Double the release rate")).toContainText("24.4 %");

  // Left off the chart: it leaves the table too; ticked again, it is back.
  await page.getByLabel("Show Double releases at 99.5 % on the chart").uncheck();
  await expect(variant).toHaveCount(0);
  await page.getByLabel("Show Double releases at 99.5 % on the chart").check();
  await expect(variant).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.reload();
  await pick(page, "Double releases at 99.5 %");
  await expect(page.getByLabel("Target for this scenario (%)")).toHaveValue("99.5");
  await expect(comparisonRow(page, "Double releases at 99.5 %")).toContainText("84.9 %");
});

test("the Monte Carlo shows progress, can be cancelled, and a seeded run repeats exactly", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  await pick(page, "This quarter's incidents");
  const status = page.getByRole("status").filter({ hasText: /runs/ });

  // A long run (1,000 incidents in each of 100,000 windows) is visibly in progress; cancel it.
  await page.getByLabel("Incidents per window").fill("1000");
  await page.getByLabel("Runs", { exact: true }).fill("100000");
  await page.getByRole("button", { name: "Run Monte Carlo" }).click();
  await expect(page.getByRole("progressbar", { name: "Monte Carlo progress" })).toBeVisible();
  await expect(status).toContainText(/Running: [\d,]+ of 100,000 runs/);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(status).toContainText(/Cancelled after [\d,]+ of 100,000 runs/);
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await page.getByLabel("Incidents per window").fill("3");
  await page.getByLabel("Runs", { exact: true }).fill("10000");
  await page.getByRole("button", { name: "Run Monte Carlo" }).click();
  await expect(status).toContainText(/Done: 10,000 runs in \d+ ms/);
  const odds = page.locator(".odds");
  await expect(odds).toContainText(/Chance the budget runs out: [A-Z][a-z ]+: [\d.]+ % of 10,000 runs/);
  const first = await odds.textContent();
  await expect(page.getByRole("img", { name: "Budget left at the end of each run" })).toBeVisible();

  await page.getByRole("button", { name: "Run Monte Carlo" }).click();
  await expect(status).toContainText(/Done: 10,000 runs/);
  await expect(odds).toHaveText(first!);

  // Another seed is another sample; the settings are kept in the plan.
  await page.getByLabel("Seed").fill("7");
  await expect(page.getByText("The scenario changed since this run; run again to update the result.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await pick(page, "This quarter's incidents");
  await expect(page.getByLabel("Seed")).toHaveValue("7");
  await expect(page.getByLabel("Runs", { exact: true })).toHaveValue("10000");
});

test("the budget affords a number of incidents and a full outage empties it", async ({ page }) => {
  await openWorkbook(page, "./#/scenarios");
  await pick(page, "This quarter's incidents");
  await page.getByLabel("Incident length (min)").fill("10");
  await page.getByLabel("Error ratio during it (%)").fill("50");
  // 43.2 min of budget ÷ (10 min × 50 %) = 8.64 incidents.
  await expect(page.getByText("At 99.9 % over 30 days the budget affords 8.64 incidents (8 whole) of 10 min at 50 % errors.")).toBeVisible();
  await expect(page.getByText("A full outage empties it in 43 min 12 s.")).toBeVisible();
});
