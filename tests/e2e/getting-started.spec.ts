// From a blank page, using only the guided steps: "Getting started" leads through the
// challenge statement (from the book's template), the teams, a workshop that rates every
// cell by keyboard, a target, a service and an SLO, and a scenario; each step ticks itself,
// and a reload keeps everything. Every empty section says what it needs.
import { expect, test, type Page } from "./fixtures";
import { openWorkbook } from "./helpers";

const checklist = (page: Page) => page.getByRole("region", { name: "Getting started" });
const step = (page: Page, title: string) => checklist(page).getByRole("listitem").filter({ hasText: title });
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

async function newBlankPlan(page: Page) {
  await openWorkbook(page, "./#/plans");
  await page.getByRole("button", { name: "New blank plan" }).click();
  await expect(page.getByLabel("Plan name")).toHaveValue("Untitled plan");
  await expect(checklist(page).locator('[data-figure="steps-done"]')).toHaveText("0 of 7 steps done");
}

test("a blank plan reaches every step through the checklist alone, and a reload keeps it all", async ({ page }) => {
  test.setTimeout(90_000);
  await newBlankPlan(page);

  // 1. The challenge statement: the book's starting point goes below what is written.
  await step(page, "Write the challenge statement").getByRole("link").click();
  await expect(page).toHaveURL(/#\/plans\/challenge$/);
  await expect(page.getByLabel("Challenge statement")).toBeFocused();
  await page.getByLabel("Challenge statement").fill("Parcels arrive late when checkout fails.");
  await page.getByRole("button", { name: "Add the book’s starting point" }).click();
  const challenge = page.getByLabel("Challenge statement");
  await expect(challenge).toHaveValue(/^Parcels arrive late when checkout fails\.\n\nToday we are misaligned on production operations:\n- Developers: Do not know why they should be doing operations\./);
  await expect(challenge).toHaveValue(/\nWe want ownership using SRE, where:\n- Developers: Want to be on call/);
  await expect(page.getByRole("button", { name: "Add the book’s starting point" })).toHaveCount(0);
  await expect(step(page, "Write the challenge statement")).toContainText("Done");

  // 2. Teams: the Transition page of a plan without teams starts with them.
  await step(page, "List the teams").getByRole("link").click();
  await expect(page).toHaveURL(/#\/transition\/setup$/);
  const sections = page.getByRole("navigation", { name: "Sections of this page" }).getByRole("link");
  await expect(sections.first()).toHaveText("Groups and teams");
  await expect(page.getByText("No teams yet: add each product delivery team.")).toBeVisible();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Add team" }).click();
  await expect(page.getByLabel("Team name")).toHaveCount(3);
  await page.getByLabel("Team name").first().fill("Checkout");

  // 3. The first round, rated in a workshop by keyboard alone.
  await page.getByLabel("New round label").fill("Q4 2026");
  await page.getByLabel("New round date").fill("2026-12-14");
  await page.getByRole("button", { name: "New round" }).click();
  await page.getByRole("button", { name: "Run workshop" }).click();
  const workshop = page.getByRole("dialog", { name: "Assessment workshop — Q4 2026" });
  await expect(workshop).toBeVisible();
  await expect(workshop.getByRole("status")).toHaveText("0 of 12 rated");
  await expect(workshop).toContainText("Checkout × Developers");
  await expect(workshop.getByRole("list", { name: "Level of Developers in Checkout" }).getByRole("button")).toHaveCount(5);
  await page.keyboard.press("2");
  await expect(workshop.getByRole("button", { name: /^2 Collective ownership/ })).toHaveAttribute("aria-pressed", "true");
  await workshop.getByLabel("Evidence").fill("Two developers joined the on-call rotation.");
  // Back to the cards: the number keys do not type into the evidence.
  await workshop.getByRole("button", { name: /^2 Collective ownership/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(workshop.getByRole("status")).toHaveText("1 of 12 rated");
  await expect(workshop).toContainText("Checkout × Operations engineers");
  // Skip one, go back to it, rate it.
  await page.keyboard.press("s");
  await expect(workshop).toContainText("Checkout × Product managers");
  await page.keyboard.press("ArrowLeft");
  await expect(workshop).toContainText("Checkout × Operations engineers");
  for (let i = 1; i < 12; i++) {
    await page.keyboard.press(String(i % 5));
    await page.keyboard.press("ArrowRight");
  }
  await expect(workshop.getByRole("status")).toHaveText("12 of 12 rated");
  await expect(workshop.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(workshop).toContainText("The first round: nothing to compare with yet.");
  await page.keyboard.press("Escape");
  await expect(workshop).toHaveCount(0);
  await expect(page.getByLabel("Checkout × Developers").locator("option:checked")).toHaveText("2 · Collective ownership");

  // 4. A target for every group.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
  await expect(step(page, "Run the first assessment round")).toContainText("Done");
  await step(page, "Set a target for each stakeholder group").getByRole("link").click();
  await expect(page).toHaveURL(/#\/transition\/trend$/);
  for (const group of ["Developers", "Operations engineers", "Product managers", "Executives / management"]) {
    await page.getByLabel(`Target level for ${group}`).selectOption("3");
    await page.getByLabel(`Target date for ${group}`).fill("2027-06-30");
  }

  // 5. A service and an SLO, from the SLO page's empty state.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
  await expect(step(page, "Set a target for each stakeholder group")).toContainText("Done · 4 of 4 groups");
  await step(page, "Add services, user journeys and SLOs").getByRole("link").click();
  // No SLOs, nothing to export: the export buttons come with the first SLO.
  await expect(page.getByRole("button", { name: "Export SLOs as CSV" })).toHaveCount(0);
  await page.getByRole("button", { name: "add a service" }).click();
  await expect(page.getByLabel("Service name")).toHaveCount(1);
  await page.getByRole("button", { name: "Add SLO" }).click();
  await expect(page.getByLabel("SLO name")).toBeVisible();
  await expect(page.getByRole("button", { name: "Export OpenSLO YAML" })).toBeVisible();

  // 6. Policies: agreed with product management.
  await page.getByLabel("Product management has agreed this policy").check();

  // 7. A scenario.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
  await expect(step(page, "Agree error-budget policies with product management")).toContainText("Done · agreed for 1 of 1 SLOs");
  await step(page, "Play a scenario").getByRole("link").click();
  await expect(page.getByText("No scenarios yet: pick the SLO below and press New scenario")).toBeVisible();
  await page.getByRole("button", { name: "New scenario" }).click();
  await expect(page.getByLabel("Scenario name")).toBeVisible();

  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
  await expect(checklist(page).locator('[data-figure="steps-done"]')).toHaveText("7 of 7 steps done");
  await saved(page);
  await page.reload();
  await expect(checklist(page).locator('[data-figure="steps-done"]')).toHaveText("7 of 7 steps done");
  await expect(page.getByLabel("Challenge statement")).toHaveValue(/^Parcels arrive late/);
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Transition", exact: true }).click();
  await expect(page.getByLabel("Checkout × Developers").locator("option:checked")).toHaveText("2 · Collective ownership");
});

test("the checklist hides per plan, and the Overview names the next step", async ({ page }) => {
  await newBlankPlan(page);
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page.getByText("Getting started: 0 of 7 steps done. Next: Write the challenge statement")).toBeVisible();
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
  await checklist(page).getByRole("button", { name: "Hide this list" }).click();
  await expect(checklist(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: "Show “Getting started”" })).toBeVisible();
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page.getByText(/^Getting started:/)).toHaveCount(0);
  // Another plan keeps its own list.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
  await page.getByRole("row", { name: /Parcelry SRE transformation/ }).getByRole("button", { name: "Open" }).click();
  await expect(checklist(page).locator('[data-figure="steps-done"]')).toHaveText("6 of 7 steps done");
  await expect(step(page, "Agree error-budget policies with product management")).toContainText("To do · agreed for 5 of 9 SLOs");
});

test("a workshop's ratings are undoable and its summary says what changed since the previous round", async ({ page }) => {
  // The page's clock is set by the test (timers keep running), as in undo.spec.ts: the
  // rating comes 2 s after the new round, twice the 1 s within which edits are one undo step
  // (COALESCE_MS, src/model/plan/undo.rs), so it is a step of its own however slow the machine.
  const start = new Date("2026-11-24T10:00:00Z").getTime();
  await page.clock.setFixedTime(start);
  await openWorkbook(page, "./#/transition");
  const undo = page.getByRole("button", { name: "Undo edit" });
  await expect(undo).toBeDisabled();
  await page.getByLabel("New round label").fill("Q4 2026");
  await page.getByLabel("New round date").fill("2026-12-14");
  await page.getByRole("button", { name: "New round" }).click();
  const roundShown = page.getByLabel("Round shown").locator("option:checked");
  await expect(roundShown).toHaveText("Q4 2026 (2026-12-14)");
  await expect(undo).toBeEnabled();
  // The new round starts from the previous round's levels.
  const cell = page.getByRole("combobox", { name: "Checkout × Developers", exact: true });
  await expect(cell.locator("option:checked")).toHaveText("3 · Ownership using SRE");
  await page.clock.setFixedTime(start + 2000);
  await page.getByRole("button", { name: "Run workshop" }).click();
  const workshop = page.getByRole("dialog", { name: "Assessment workshop — Q4 2026" });
  await expect(workshop.getByRole("status")).toHaveText("0 of 20 rated");
  await expect(workshop.locator(".workshop-cell")).toHaveText("Checkout × Developers");
  await workshop.getByRole("button", { name: /^4 / }).click();
  await expect(workshop.getByRole("status")).toHaveText("1 of 20 rated");
  // Straight to the end: the summary compares with Q3 2026.
  for (let i = 0; i < 20; i++) await workshop.getByRole("button", { name: "Skip" }).or(workshop.getByRole("button", { name: "Next" })).first().click();
  await expect(workshop.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(workshop).toContainText("1 changed since Q3 2026:");
  await expect(workshop.getByRole("listitem")).toHaveText(["Checkout × Developers: 3 → 4"]);
  await workshop.getByRole("button", { name: "Close workshop" }).click();
  await expect(workshop).toHaveCount(0);
  // The heat map shows the rating the workshop made.
  await expect(cell.locator("option:checked")).toHaveText("4 · Ownership using SRE");

  // Undo takes back the rating, and only the rating: the round it was made in stays.
  await undo.click();
  await expect(cell.locator("option:checked")).toHaveText("3 · Ownership using SRE");
  await expect(roundShown).toHaveText("Q4 2026 (2026-12-14)");
  await expect(page.getByRole("heading", { name: "Where each group stands — Q4 2026" })).toBeVisible();
  await page.getByRole("button", { name: "Run workshop" }).click();
  await expect(workshop.getByRole("status")).toHaveText("0 of 20 rated");
  for (let i = 0; i < 20; i++) await workshop.getByRole("button", { name: "Skip" }).click();
  await expect(workshop).toContainText("No rating changed since Q3 2026.");
});

test("every section of a blank plan says what it needs: no chart, no table of headers only, no 1970", async ({ page }) => {
  await newBlankPlan(page);
  for (const [route, texts] of [
    ["overview", ["No assessment round yet.", "No SLOs yet.", "No coaching action is open", "No scenarios yet"]],
    ["transition", ["No teams yet", "No assessment round yet", "Start an assessment round", "No trend yet", "Set a target per group"]],
    ["slos", ["No SLOs yet. An SLO is set on a service", "Nothing to export yet", "No services yet", "No user journeys yet"]],
    ["scenarios", ["A scenario plays against an SLO’s error budget."]],
    ["report", ["No challenge statement yet", "No assessment round yet", "No coaching actions yet", "No SLOs yet", "No scenarios yet", "No services yet"]],
  ] as const) {
    await page.goto(`./#/${route}`);
    await expect(page.locator("main h1")).toBeVisible();
    for (const text of texts) await expect(page.locator("main").getByText(text).first()).toBeVisible();
    // Every table on the page has at least one row of data.
    const empty = await page.locator("main table").evaluateAll((tables) => tables.filter((t) => t.querySelectorAll("tbody tr").length === 0).length);
    expect(empty, `${route}: tables with headers only`).toBe(0);
    await expect(page.locator("main .chart-svg svg")).toHaveCount(0);
    expect(await page.locator("main").textContent()).not.toContain("1970");
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `screenshots/blank-${route}-${width}.png`, fullPage: true });
    }
  }
});
