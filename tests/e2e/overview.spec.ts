// The Overview as a team opens it in a meeting: where the plan stands on one screen, with
// the same numbers as the workspaces it links to; and the layout around it: editors beside
// their figures, the Transition page's section index, the navigation on a phone.
import { expect, test, type Page } from "./fixtures";
import { openWorkbook } from "./helpers";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-26T10:00:00Z"));
});

const card = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const nav = (page: Page) => page.getByRole("navigation", { name: "Workspaces" });

test("a returning user opens on the Overview, which fits one 1280×800 screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWorkbook(page);
  // The first visit opens the example plan on the Plans page.
  await expect(page).toHaveURL(/#\/plans$/);
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page).toHaveURL(/#\/overview$/);
  await expect(nav(page).getByRole("link").first()).toHaveText("Overview");
  await expect(nav(page).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  for (const name of ["Where we stand", "SLOs", "Coaching actions due in 30 days", "Scenarios"]) {
    await expect(card(page, name)).toBeVisible();
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, "the example plan's Overview fits 800 px").toBeLessThanOrEqual(800);
  // Opened without the Transition page, the stages still have their colors and an overdue
  // action its red (their colors once came with the Transition page's style sheet only).
  const where = card(page, "Where we stand");
  await expect(where.locator(".spread .stage-0").first()).toHaveCSS("background-color", "rgb(251, 227, 220)");
  await expect(where.locator(".stage-key .stage-2")).toHaveCSS("background-color", "rgb(217, 240, 223)");
  await expect(card(page, "Coaching actions due in 30 days").locator(".when.overdue").first()).toHaveCSS("color", "rgb(163, 38, 27)");
  // The teams-per-stage table fits its card: nothing to scroll sideways.
  const scroll = where.getByRole("region", { name: /Teams per stage/ });
  expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await page.screenshot({ path: "screenshots/overview-1280x800.png" });
});

test("the Overview's numbers are the workspaces' numbers, and each item links there", async ({ page }) => {
  await openWorkbook(page, "./#/overview");
  // Readiness: the same verdict as the Transition page.
  const verdict = await page.locator('[data-figure="overview-readiness"]').textContent();
  expect(verdict).toContain("held back by Developers (60 %)");
  const developers = card(page, "Where we stand").getByRole("row", { name: /^Developers/ });
  await expect(developers.getByRole("img")).toHaveAttribute(
    "aria-label",
    "Misalignment: 2, Collective ownership: 2, Ownership using SRE: 1",
  );
  await card(page, "Where we stand").getByRole("link", { name: "Where we stand" }).click();
  await expect(page.locator('[data-figure="readiness"]')).toHaveText(verdict!);

  // Coaching actions due by 2026-12-26, overdue first.
  await nav(page).getByRole("link", { name: "Overview" }).click();
  const due = card(page, "Coaching actions due in 30 days").getByRole("listitem");
  await expect(due).toHaveCount(4);
  await expect(due.nth(0)).toContainText("overdue by 41 days · 2026-10-16");
  await expect(due.nth(1)).toContainText("overdue by 13 days · 2026-11-13 · Jonas (product lead) · Planned");
  await expect(due.nth(3)).toContainText("due in 22 days · 2026-12-18");

  // SLOs: target, budget, policy state and the kept history's attainment.
  const slos = card(page, "SLOs");
  await expect(slos).toContainText("9 SLOs; error-budget policy agreed for 5 of them. Next policy review: 2026-12-15 for 3 SLOs (due in 19 days).");
  const checkout = slos.getByRole("row", { name: /^Label purchase succeeds/ });
  await expect(checkout).toContainText("99.9 %");
  await expect(checkout).toContainText("Too strict");
  await expect(checkout).toContainText("History: 99.476 % over 2 d: missed");
  const budgetCell = (await checkout.getByRole("cell").nth(1).textContent())!;
  await checkout.getByRole("link", { name: "Label purchase succeeds" }).click();
  await expect(page).toHaveURL(/#\/slos$/);
  await expect(page.getByLabel("SLO name")).toHaveValue("Label purchase succeeds");
  const budget = await page.locator('[data-figure="budget-time"]').textContent();
  expect(budgetCell).toContain(budget!);

  // Scenarios: budget left at the end as the comparison table says; odds once run.
  await nav(page).getByRole("link", { name: "Overview" }).click();
  const scenarios = card(page, "Scenarios");
  const incidents = scenarios.getByRole("row", { name: /^This quarter's incidents/ });
  await expect(incidents).toContainText("Not run");
  const left = (await incidents.getByRole("cell").nth(0).textContent())!;
  await incidents.getByRole("link").click();
  await expect(page).toHaveURL(/#\/scenarios$/);
  const compared = page.getByRole("table", { name: "Scenarios side by side" }).getByRole("row", { name: /^This quarter's incidents/ });
  await expect(compared.getByRole("cell").nth(1)).toHaveText(left);
  await expect(page.getByLabel("Scenario name")).toHaveValue("This quarter's incidents");
  await page.getByRole("button", { name: "Run Monte Carlo" }).click();
  await expect(page.getByRole("status").filter({ hasText: /runs/ })).toContainText(/Done: [\d,]+ runs/);
  const odds = (await page.locator(".odds").textContent())!.replace("Chance the budget runs out: ", "");
  await nav(page).getByRole("link", { name: "Overview" }).click();
  await expect(card(page, "Scenarios").getByRole("row", { name: /^This quarter's incidents/ })).toContainText(odds);
});

test("at 1280×800 a typed SLO target and its budget are both in view", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWorkbook(page, "./#/slos");
  const target = page.getByLabel("Target (%)");
  await target.scrollIntoViewIfNeeded();
  await target.fill("99.95");
  await target.press("Tab");
  const budget = page.locator('[data-figure="budget-time"]');
  await expect(budget).toHaveText("21 min 36 s");
  await expect(target).toBeInViewport();
  await expect(budget).toBeInViewport();
});

test("the Transition page's section index jumps to a section and leaves its address", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWorkbook(page, "./#/transition");
  const index = page.getByRole("navigation", { name: "Sections of this page" });
  await expect(index.getByRole("link")).toHaveText([
    "Assessment rounds",
    "Readiness",
    "Heat map",
    "Trend and targets",
    "Gaps to close",
    "Coaching actions",
    "Foundational activities",
    "Groups and teams",
  ]);
  await index.getByRole("link", { name: "Coaching actions" }).click();
  await expect(page).toHaveURL(/#\/transition\/coaching$/);
  await expect(page.getByRole("heading", { level: 2, name: "Coaching actions" })).toBeInViewport();
  await expect(index).toBeInViewport();
  // The address opens the page at that section.
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Coaching actions" })).toBeInViewport();
});

test("at 360 px every workspace link is in view", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openWorkbook(page, "./#/overview");
  const links = nav(page).getByRole("link");
  await expect(links).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    await expect(links.nth(i)).toBeInViewport({ ratio: 1 });
  }
  await page.screenshot({ path: "screenshots/overview-360-top.png" });
});
