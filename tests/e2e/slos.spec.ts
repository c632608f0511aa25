// The SLO workspace as a product manager uses it: pick an SLO, type targets and windows,
// read what they mean, and find everything kept after a reload.
import { expect, test, type Page } from "./fixtures";
import { openWorkbook } from "./helpers";

const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`);

async function openSlo(page: Page, name: string) {
  await page.getByRole("table", { name: "All SLOs of this plan" }).getByRole("button", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Edit “${name}”` })).toBeVisible();
}

test("99.9 % over 30 days reads 43 min 12 s, and edits are kept", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  await openSlo(page, "Sign-in works");
  await expect(page.getByLabel("Target (%)")).toHaveValue("99.95");
  await expect(figure(page, "budget-time")).toHaveText("21 min 36 s");

  await page.getByLabel("Target (%)").fill("99.9");
  await expect(figure(page, "budget-time")).toHaveText("43 min 12 s");
  await expect(figure(page, "budget-fraction")).toHaveText("0.1 %");
  const alerts = page.getByRole("table", { name: "Multi-window, multi-burn-rate alert rules" });
  await expect(alerts.getByRole("row").nth(1)).toContainText(["Page", "1 h", "5 min", "14.4", "2 %", "51.8 s"].join(""));

  await page.getByLabel("Window (days)").fill("28");
  await expect(figure(page, "budget-time")).toHaveText("40 min 19 s");
  await expect(alerts.getByRole("row").nth(1).getByRole("cell").nth(2)).toHaveText("13.44");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.reload();
  await openSlo(page, "Sign-in works");
  await expect(page.getByLabel("Target (%)")).toHaveValue("99.9");
  await expect(page.getByLabel("Window (days)")).toHaveValue("28");
  await expect(figure(page, "budget-time")).toHaveText("40 min 19 s");
  await expect(page.getByRole("row", { name: /Sign-in works/ })).toContainText("40 min 19 s");
});

test("an invalid target shows its message and is never stored", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  await openSlo(page, "Label purchase succeeds");
  const target = page.getByLabel("Target (%)");
  await target.fill("100.5");
  await expect(page.getByText("Target 100.5 is not between 0 and 100 (both excluded).")).toBeVisible();
  await expect(target).toHaveAttribute("aria-invalid", "true");
  await expect(figure(page, "budget-time")).toHaveText("43 min 12 s");
  await target.fill("abc");
  await expect(page.getByText("“abc” is not a number; enter one like 99.9.")).toBeVisible();
  await page.getByLabel("Window (days)").fill("91");
  await expect(page.getByText("The window must be a whole number of days from 1 to 90.")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await openSlo(page, "Label purchase succeeds");
  await expect(page.getByLabel("Target (%)")).toHaveValue("99.9");
  await expect(page.getByLabel("Window (days)")).toHaveValue("30");
});

test("events and time slices, alerts at an entered error ratio, and the reverse calculation", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  await openSlo(page, "Label purchase succeeds");
  await expect(figure(page, "budget-units")).toHaveText("3,600 of 3,600,000 events");
  await page.getByLabel("Expected events per day").fill("1000000");
  await expect(figure(page, "budget-units")).toHaveText("30,000 of 30,000,000 events");

  await page.getByLabel("Error ratio during an outage (%)").fill("2");
  const firstRule = page.getByRole("table", { name: "Multi-window, multi-burn-rate alert rules" }).getByRole("row").nth(1);
  await expect(firstRule.getByRole("cell").last()).toHaveText("43 min 12 s");
  await page.getByLabel("Error ratio during an outage (%)").fill("1.4");
  await expect(firstRule.getByRole("cell").last()).toHaveText("never");

  await page.getByLabel("Seen so far").fill("21.6");
  await page.getByLabel("Days elapsed in the window").fill("15");
  await expect(figure(page, "achieved")).toHaveText("99.9 %");
  await expect(figure(page, "spent")).toHaveText("50 %");
  await expect(figure(page, "left")).toHaveText("50 %");
  await expect(figure(page, "burn-rate")).toHaveText("1.00");

  await page.getByLabel("Budgeting method").selectOption("time_slices");
  await page.getByLabel("Slice length (minutes)").fill("1");
  await expect(figure(page, "budget-units")).toHaveText("43 of 43,200 slices of 1 min");
});

test("the overview sorts, filters and flags a journey stricter than its dependencies", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  const table = page.getByRole("table", { name: "All SLOs of this plan" });
  await expect(table.locator("tbody tr")).toHaveCount(9);
  await expect(table.getByRole("row", { name: /Label purchase succeeds/ })).toContainText("Stricter than its dependencies allow (99.85005 %)");
  await expect(page.getByRole("note")).toContainText("Shop API (99.9 %) × Identity (99.95 %), which together allow at most 99.85005 %");

  await page.getByLabel("Filter SLOs").fill("identity");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await page.getByLabel("Filter SLOs").fill("");
  await page.getByRole("button", { name: "Target (%)" }).click();
  await expect(page.getByRole("columnheader", { name: "Target (%)" })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody tr").first().locator("td").nth(4)).toHaveText("99");
  await page.getByRole("button", { name: "Target (%)" }).click();
  await expect(page.getByRole("columnheader", { name: "Target (%)" })).toHaveAttribute("aria-sort", "descending");
  await expect(table.locator("tbody tr").first().locator("td").nth(4)).toHaveText("99.95");
});

test("services, journeys and SLOs can be added; deleting what is in use is refused", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  await page.getByRole("button", { name: "Delete service Identity" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "“Identity” is still used by" })).toContainText("change or delete those first");

  await page.getByRole("button", { name: "Add service" }).click();
  await page.getByLabel("Service name").last().fill("Label printer");
  await page.getByRole("button", { name: "Add SLO" }).click();
  await expect(page.getByRole("heading", { name: "Edit “New SLO 10”" })).toBeVisible();
  await page.getByLabel("SLO name").fill("Labels print");
  await page.getByLabel("Set on").selectOption({ label: "Service: Label printer" });
  await expect(page.getByRole("row", { name: /Labels print/ })).toContainText("Label printer");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: /Labels print/ })).toContainText("Label printer");

  await page.getByRole("table", { name: "All SLOs of this plan" }).getByRole("button", { name: "Labels print" }).click();
  await page.getByRole("button", { name: "Delete SLO" }).click();
  await expect(page.getByRole("row", { name: /Labels print/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Delete service Label printer" }).click();
  await expect(page.getByRole("group", { name: "Label printer" })).toHaveCount(0);
});

test("a calendar month counts its real length, and Period chooses which month", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  await openSlo(page, "Parcel status is fresh");
  // 99 % over February 2027 (28 days): 1 % of 40,320 minutes = 403.2 min.
  await expect(page.getByLabel("Period")).toHaveValue("2027-02");
  await expect(page.getByLabel("Period").locator("option:checked")).toHaveText("February 2027");
  await expect(figure(page, "budget-time")).toHaveText("6 h 43 min 12 s");
  // March 2027 has 31 days: 446.4 min.
  await page.getByLabel("Period").selectOption("2027-03");
  await expect(figure(page, "budget-time")).toHaveText("7 h 26 min 24 s");
  await expect(page.getByText("31 days.", { exact: true })).toBeVisible();
  await expect(page.getByText("counted as 30 days")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await openSlo(page, "Parcel status is fresh");
  await expect(page.getByLabel("Period")).toHaveValue("2027-03");
});

test("switching to a calendar quarter starts on the current quarter", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-25T12:00:00Z"));
  await openWorkbook(page, "./#/slos");
  await openSlo(page, "Sign-in works");
  await page.getByLabel("Window", { exact: true }).selectOption("calendar_quarter");
  // Q4 2026 runs from October to December: 92 days; 0.05 % of them is 66 min 14.4 s.
  await expect(page.getByLabel("Period")).toHaveValue("2026-Q4");
  await expect(page.getByLabel("Period").locator("option:checked")).toHaveText("Q4 2026 (October to December)");
  await expect(figure(page, "budget-time")).toHaveText("1 h 6 min 14 s");
});
