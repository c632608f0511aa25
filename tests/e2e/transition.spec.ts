// The Transition workspace as an SRE coach uses it: rate cells, run a new round, set
// targets, add coaching actions, and see readiness, trend and gaps follow.
import { expect, test, type Page } from "./fixtures";
import { openWorkbook } from "./helpers";

const readiness = (page: Page) => page.locator('[data-figure="readiness"]');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-24T10:00:00Z"));
});

test("rating a cell moves readiness across the threshold, and is kept", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  await expect(page.getByRole("heading", { name: "Where each group stands — Q3 2026" })).toBeVisible();
  await expect(readiness(page)).toHaveText(
    "The foundations for SRE are not in place yet: every group must be at Collective ownership or above in at least 80 % of teams; held back by Developers (60 %).",
  );
  const cell = page.getByLabel("Tracking × Developers");
  await expect(cell.locator("option:checked")).toHaveText("1 · Misalignment");
  await cell.focus();
  await expect(page.getByText("Developers in Tracking: level 1, Misalignment — Look at production when asked")).toBeVisible();
  await cell.selectOption("2");
  await expect(readiness(page)).toHaveText(
    "The foundations for SRE are in place: every group is at Collective ownership or above in at least 80 % of teams (lowest: Developers, 80 %).",
  );
  await expect(page.getByRole("table", { name: "How many teams each group has in each stage" }).getByRole("row", { name: /^Developers/ })).toHaveText(/Developers\s*1\s*3\s*1/);

  await page.getByLabel("Share of teams required (%)").fill("90");
  await expect(readiness(page)).toContainText("held back by Developers (80 %) and Product managers (80 %).");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Tracking × Developers").locator("option:checked")).toHaveText("2 · Collective ownership");
  await expect(page.getByLabel("Share of teams required (%)")).toHaveValue("90");
});

test("a new round starts from the latest and keeps the old one as history", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  await page.getByLabel("New round label").fill("Q4 2026");
  await expect(page.getByLabel("New round date")).toHaveValue("2026-11-24");
  await page.getByLabel("New round date").fill("2026-12-14");
  await page.getByRole("button", { name: "New round" }).click();
  await expect(page.getByRole("heading", { name: "Where each group stands — Q4 2026" })).toBeVisible();
  await expect(page.getByLabel("Round shown").locator("option:checked")).toHaveText("Q4 2026 (2026-12-14)");
  await expect(page.getByLabel("Checkout × Developers").locator("option:checked")).toHaveText("3 · Ownership using SRE");
  await page.getByLabel("Accounts × Developers").selectOption("3");

  await page.getByLabel("Round shown").selectOption({ label: "Q3 2026 (2026-09-14)" });
  await expect(page.getByLabel("Accounts × Developers").locator("option:checked")).toHaveText("1 · Misalignment");
  const chart = page.getByRole("img", { name: "Average level of each stakeholder group per round" });
  await expect(chart).toBeVisible();
  await expect(page.locator("#trend-chart-desc")).toContainText("Developers: average 0.6 → 1.4 → 1.8 → 2.2");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Where each group stands — Q4 2026" })).toBeVisible();
  await page.getByRole("button", { name: "Delete round Q4 2026" }).click();
  await page.getByRole("button", { name: "Confirm: delete round q4 2026" }).click();
  await expect(page.getByRole("heading", { name: "Where each group stands — Q3 2026" })).toBeVisible();
});

test("targets drive the projection and the gaps; actions are added from a gap", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  await expect(page.locator("#trend-chart-desc")).toContainText(
    "Product managers: average 0.4 → 1.0 → 1.8, target level 2 by 2027-03-31; reaches level 2 around 2026-10-10 at the current pace, before its target date.",
  );
  await page.getByLabel("Target level for Product managers").selectOption("3");
  await expect(page.locator("#trend-chart-desc")).toContainText("Product managers: average 0.4 → 1.0 → 1.8, target level 3 by 2027-03-31; reaches level 3 around 2027-02-17");
  const gaps = page.locator("ol.gaps > li");
  await expect(gaps.first()).toContainText("Product managers in Routing: level 1 → 3 by 2027-03-31 (2 to go)");

  await page.getByText("Show data", { exact: true }).click();
  await expect(page.getByRole("table", { name: "Average level per group and round" }).getByRole("row", { name: /^Developers/ })).toHaveText(/0\.6\s*1\.4\s*1\.8/);

  const opsTracking = gaps.filter({ hasText: "Operations engineers in Tracking" });
  await expect(opsTracking).toContainText("No coaching action yet.");
  await opsTracking.getByRole("button", { name: /^Add “/ }).click();
  await expect(opsTracking).not.toContainText("No coaching action yet.");
  await expect(opsTracking).toContainText("Offer the on-call tooling as a self-service framework with onboarding docs");
  await expect(page.getByRole("group", { name: "Offer the on-call tooling as a self-service framework with onboarding docs" })).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Target level for Product managers").locator("option:checked")).toHaveText("3");
  await expect(gaps.filter({ hasText: "Operations engineers in Tracking" })).toContainText("Offer the on-call tooling as a self-service framework with onboarding docs");
});

test("overdue actions stand out, and activities come from the SLO workspace where known", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  await expect(page.getByText("2 actions are overdue.")).toBeVisible();
  const walk = page.getByRole("group", { name: /Walk product managers through last quarter's incidents/ });
  await expect(walk.getByText("Overdue")).toBeVisible();
  await walk.getByLabel("Status").selectOption("done");
  await expect(page.getByText("1 action is overdue.")).toBeVisible();

  const activities = page.getByRole("table", { name: "Foundational activities per team" });
  await expect(activities.getByRole("row", { name: /^Checkout/ })).toContainText("In place (from SLOs)");
  await page.getByLabel("On-call rotation with developers — Tracking").selectOption("in_place");
  const coverage = page.getByRole("table", { name: "Share of teams with each activity in place, per round" });
  await expect(coverage.getByRole("row", { name: /^On-call rotation with developers/ })).toHaveText(/0 %\s*0 %\s*20 %\s*40 %/);
});

test("teams and groups can be added, renamed and removed", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  await page.getByRole("button", { name: "Add team" }).click();
  await page.getByLabel("Team name").last().fill("Payments");
  await expect(page.getByLabel("Payments × Developers")).toBeVisible();
  await page.getByLabel("Payments × Developers").selectOption("2");
  await page.getByRole("button", { name: "Delete team Payments" }).click();
  await page.getByRole("button", { name: "Confirm: delete team payments" }).click();
  await expect(page.getByLabel("Payments × Developers")).toHaveCount(0);
  await page.getByText("Stakeholder groups and their maturity ladders").click();
  await page.getByRole("button", { name: "Add group" }).click();
  await page.getByLabel("Group name").last().fill("Security");
  await expect(page.getByRole("columnheader", { name: "Security" })).toBeVisible();
  await expect(page.getByLabel("Checkout × Security").locator("option:checked")).toHaveText("Not rated");
  await expect(page.getByRole("group", { name: "Checkout" }).getByText("Owns: Shop API")).toBeVisible();
});

test("suggested actions are editable templates that gaps offer", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  await page.getByText("Stakeholder groups and their maturity ladders").click();
  const ops = page.getByRole("group", { name: "Operations engineers", exact: true });
  const levelTwo = ops.getByLabel("Suggested action").nth(2);
  await expect(levelTwo).toHaveValue("Offer the on-call tooling as a self-service framework with onboarding docs");
  await levelTwo.fill("Run an on-call onboarding day with the platform team");
  const gap = page.locator("ol.gaps > li").filter({ hasText: "Operations engineers in Tracking" });
  await expect(gap.getByRole("button", { name: "Add “Run an on-call onboarding day with the platform team”" })).toBeVisible();
});

test("a blank plan draws no empty trend chart: it says what the chart needs, and no page shows 1970", async ({ page }) => {
  await openWorkbook(page, "./#/plans");
  await page.getByRole("button", { name: "New blank plan" }).click();
  await page.goto("./#/transition");
  const trend = page.getByRole("region", { name: "Trend and targets" });
  await expect(trend.getByText("No trend yet: the chart appears once a round is rated or a group has a target.")).toBeVisible();
  await expect(trend.locator(".chart-svg svg")).toHaveCount(0);
  // No empty select and no table of headers only: each says what it needs.
  await expect(page.getByText("No assessment round yet: name the first one below and press New round")).toBeVisible();
  await expect(page.getByLabel("Round shown")).toHaveCount(0);
  await expect(page.getByText("No teams yet: add your product delivery teams under “Teams”")).toBeVisible();
  await expect(page.locator("table.activities")).toHaveCount(0);
  for (const route of ["plans", "transition", "slos", "scenarios", "report"]) {
    await page.goto(`./#/${route}`);
    await expect(page.locator("main h1, main h2").first()).toBeVisible();
    // Text and SVG markup alike (an empty time axis starts at 1970-01).
    expect(await page.locator("main").evaluate((m) => m.innerHTML), route).not.toContain("1970");
  }
  await expect(page.getByText("No trend yet: no round is rated and no group has a target.")).toBeVisible();
  // A target alone is enough to draw: its cross on the time axis.
  await page.goto("./#/transition");
  await trend.getByLabel("Target level for Developers").selectOption("3");
  await trend.getByLabel("Target date for Developers").fill("2027-06-30");
  await expect(trend.locator(".chart-svg svg")).toHaveCount(1);
});
