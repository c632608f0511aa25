// The production part of the SLO form as an SRE fills it in: the SLI's queries (checked
// as typed, with the column of a mistake), the burn-rate alert tiers feeding the alert
// table, the alert labels and the low-traffic guard, all kept after a reload. The example
// plan opens on "Label purchase succeeds", which counts bad events and has team and
// runbook labels.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { openWorkbook } from "./helpers";

const SLO = "Label purchase succeeds";
const TOTAL = 'http_requests_total{job="shop-api", handler="/checkout"}';

async function openSlos(page: Page) {
  await openWorkbook(page, "./#/slos");
  await expect(page.getByRole("heading", { name: `Edit “${SLO}”` })).toBeVisible();
}

async function reloadWhenSaved(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: `Edit “${SLO}”` })).toBeVisible();
}

const alertTable = (page: Page) => page.getByRole("table", { name: "Multi-window, multi-burn-rate alert rules" });
const alertRows = (page: Page) => alertTable(page).locator("tbody tr");

test("a broken total query shows the column of the mistake and is not stored; the fixed one is kept", async ({ page }) => {
  await openSlos(page);
  const queries = page.getByRole("group", { name: "Queries" });
  await expect(queries.getByLabel("Query kind")).toHaveValue("bad");
  await expect(queries.getByText("Write the metric and its labels only, e.g. http_requests_total{job=\"checkout\", code=~\"5..\"}; the exports add rate() and the windows.")).toBeVisible();
  const total = queries.getByLabel("Total events query");
  await expect(total).toHaveValue(TOTAL);

  await total.fill('http_requests_total{code="5');
  await expect(queries.getByText("Column 26: this quoted value is never closed.")).toBeVisible();
  await expect(total).toHaveAttribute("aria-invalid", "true");
  await total.fill("sum(rate(http_requests_total[5m]))");
  await expect(queries.getByText("Column 1: write only the metric and its labels; the exporter adds rate() and sum().")).toBeVisible();
  await reloadWhenSaved(page);
  await expect(page.getByLabel("Total events query")).toHaveValue(TOTAL);

  const fixed = 'http_requests_total{job="shop-api", handler="/checkout", code!="499"}';
  await page.getByLabel("Total events query").fill('http_requests_total{job="shop-api", handler="/checkout", code!="499');
  await expect(page.getByText("Column 64: this quoted value is never closed.")).toBeVisible();
  await page.getByLabel("Total events query").press("End");
  await page.getByLabel("Total events query").pressSequentially('"}');
  await expect(page.getByText(/^Column \d+:/)).toHaveCount(0);
  await expect(page.getByLabel("Total events query")).not.toHaveAttribute("aria-invalid", "true");
  await reloadWhenSaved(page);
  await expect(page.getByLabel("Total events query")).toHaveValue(fixed);
  await expect(page.getByLabel("Bad events query")).toHaveValue('http_requests_total{job="shop-api", handler="/checkout", code=~"5.."}');
});

test("a latency histogram replaces the event queries once all its fields are right", async ({ page }) => {
  await openSlos(page);
  const queries = page.getByRole("group", { name: "Queries" });
  await queries.getByLabel("Query kind").selectOption({ label: "Latency histogram" });
  const pending = queries.getByText("Not in the plan yet: until every field below is right, the plan keeps “Bad events and total”.");
  await expect(pending).toBeVisible();
  await expect(queries.getByLabel("Total events query")).toHaveCount(0);

  await queries.getByLabel("Histogram metric").fill("http request seconds");
  await expect(queries.getByText("“http request seconds” is not a metric name (letters, digits, _ and :, not starting with a digit).")).toBeVisible();
  await queries.getByLabel("Histogram metric").fill("http_request_duration_seconds");
  await queries.getByLabel("Label matchers").fill('job="shop-api", handler=/checkout');
  await expect(queries.getByText('Column 25: expected a quoted value, like "checkout".')).toBeVisible();
  await queries.getByLabel("Label matchers").fill('job="shop-api", handler="/checkout"');
  await expect(pending).toBeVisible();
  await queries.getByLabel("Bucket (le)").fill("fast");
  await expect(queries.getByText("“fast” is not a bucket bound; write it like 0.3 or +Inf.")).toBeVisible();
  await queries.getByLabel("Bucket (le)").fill("0.8");
  await expect(pending).toBeHidden();
  // Back and forth: what was typed for each kind stays, so the plan takes it at once.
  await queries.getByLabel("Query kind").selectOption({ label: "Bad events and total" });
  await expect(queries.getByLabel("Total events query")).toHaveValue(TOTAL);
  await queries.getByLabel("Query kind").selectOption({ label: "Latency histogram" });
  await expect(queries.getByLabel("Bucket (le)")).toHaveValue("0.8");
  await expect(pending).toBeHidden();

  await reloadWhenSaved(page);
  await expect(page.getByLabel("Query kind")).toHaveValue("latency");
  await expect(page.getByLabel("Histogram metric")).toHaveValue("http_request_duration_seconds");
  await expect(page.getByLabel("Label matchers")).toHaveValue('job="shop-api", handler="/checkout"');
  await expect(page.getByLabel("Bucket (le)")).toHaveValue("0.8");

  await page.getByLabel("Query kind").selectOption({ label: "Gauge per minute" });
  await expect(page.getByText("Not in the plan yet: until every field below is right, the plan keeps “Latency histogram”.")).toBeVisible();
  await page.getByLabel("Gauge query").fill('checkout_queue_seconds{job="shop-api"}');
  await page.getByLabel("Good when the value is").selectOption({ label: "at least" });
  await page.getByLabel("Threshold", { exact: true }).fill("30");
  await reloadWhenSaved(page);
  await expect(page.getByLabel("Query kind")).toHaveValue("time_slices");
  await expect(page.getByLabel("Good when the value is")).toHaveValue("at_least");
  await expect(page.getByLabel("Threshold", { exact: true })).toHaveValue("30");
});

test("tier edits show in the alert table; tiers are removed, added, undone and reset", async ({ page }) => {
  await openSlos(page);
  const tiers = page.getByRole("group", { name: "Burn-rate alerts" });
  const tier = (n: number) => tiers.getByRole("group", { name: `Tier ${n}` });
  await expect(tiers.getByRole("group", { name: /^Tier \d$/ })).toHaveCount(3);
  await expect(tier(1).getByLabel("Burn rate")).toHaveText("14.4");
  await expect(alertRows(page).nth(0)).toContainText("Page1 h5 min14.42 %");

  await page.getByRole("button", { name: "Remove tier 2" }).click();
  await expect(alertRows(page)).toHaveCount(2);
  await expect(alertRows(page).nth(1)).toContainText("Ticket3 d6 h1");
  await expect(tiers.getByRole("group", { name: /^Tier \d$/ })).toHaveCount(2);
  await page.getByRole("button", { name: "Undo edit" }).click();
  await expect(alertRows(page)).toHaveCount(3);
  await expect(alertRows(page).nth(1)).toContainText("Page6 h30 min6");
  await expect(tier(2).getByLabel("Long window (min)")).toHaveValue("360");

  await tier(1).getByLabel("Long window (min)").fill("120");
  await expect(tier(1).getByLabel("Burn rate")).toHaveText("7.2");
  await expect(alertRows(page).nth(0)).toContainText("Page2 h5 min7.22 %");
  await tier(1).getByLabel("Long window (min)").fill("50000");
  await expect(tier(1).getByText("The long window can be at most the SLO window, 43200 min.")).toBeVisible();
  await tier(1).getByLabel("Short window (min)").fill("240");
  await expect(tier(1).getByText("The short window can be at most the long window, 120 min.")).toBeVisible();
  await tier(1).getByLabel("Budget spent (%)").fill("0");
  await expect(tier(1).getByText("Enter a percentage above 0 and up to 100.")).toBeVisible();
  await expect(alertRows(page).nth(0)).toContainText("Page2 h5 min7.22 %");
  await tier(1).getByLabel("Severity").selectOption("Ticket");
  await expect(alertRows(page).nth(0).getByRole("rowheader")).toHaveText("Ticket");

  await page.getByRole("button", { name: "Remove tier 2" }).click();
  await expect(alertRows(page)).toHaveCount(2);

  await tiers.getByRole("button", { name: "Add tier" }).click();
  await expect(tier(3).getByLabel("Severity")).toHaveValue("ticket");
  await expect(tier(3).getByLabel("Long window (min)")).toHaveValue("1440");
  await expect(tier(3).getByLabel("Burn rate")).toHaveText("3");
  await expect(alertRows(page).nth(2)).toContainText("Ticket1 d2 h310 %");
  await reloadWhenSaved(page);
  await expect(alertRows(page)).toHaveCount(3);
  await expect(alertRows(page).nth(0)).toContainText("Ticket2 h5 min7.22 %");
  await expect(tier(1).getByLabel("Long window (min)")).toHaveValue("120");

  await page.getByRole("button", { name: "Reset to the SRE Workbook tiers" }).click();
  await expect(alertRows(page).nth(0)).toContainText("Page1 h5 min14.42 %");
  await expect(alertRows(page).nth(1)).toContainText("Page6 h30 min65 %");
  await expect(alertRows(page).nth(2)).toContainText("Ticket3 d6 h110 %");
  await expect(tier(1).getByLabel("Long window (min)")).toHaveValue("60");
});

test("a shorter SLO window names the tiers that no longer fit, and the reset fits them", async ({ page }) => {
  await openSlos(page);
  await page.getByLabel("Window (days)").fill("2");
  const misfit = page.getByText("Tier 3: its long window (4320 min) is longer than the SLO window (2880 min); shorten it, or reset to the SRE Workbook tiers.");
  await expect(misfit).toBeVisible();
  await page.getByRole("button", { name: "Reset to the SRE Workbook tiers" }).click();
  await expect(misfit).toBeHidden();
  const tier3 = page.getByRole("group", { name: "Tier 3" });
  await expect(tier3.getByLabel("Long window (min)")).toHaveValue("2880");
  await expect(tier3.getByLabel("Short window (min)")).toHaveValue("240");
  await expect(tier3.getByLabel("Burn rate")).toHaveText("0.1");
  await expect(alertRows(page).nth(2)).toContainText("Ticket2 d4 h0.110 %");
});

test("a wrong alert label line is named and nothing is stored; the low-traffic guard is set and cleared", async ({ page }) => {
  await openSlos(page);
  const labels = page.getByLabel("Alert labels");
  await expect(labels).toHaveValue("runbook=https://runbooks.parcelry.example/checkout\nteam=checkout");
  await labels.fill("team=checkout\nteam-name=payments");
  await expect(page.getByText("Line 2: “team-name” is not a label name (letters, digits and _).")).toBeVisible();
  await expect(labels).toHaveAttribute("aria-invalid", "true");
  await labels.fill("team=checkout\nseverity=critical");
  await expect(page.getByText("Line 2: “severity” is set by the workbook itself; choose another label name.")).toBeVisible();
  await reloadWhenSaved(page);
  await expect(page.getByLabel("Alert labels")).toHaveValue("runbook=https://runbooks.parcelry.example/checkout\nteam=checkout");

  await page.getByLabel("Alert labels").fill("team=checkout\noncall=parcel-payments");
  await expect(page.getByText(/^Line \d+:/)).toHaveCount(0);
  const guard = page.getByLabel("Minimum events per hour for alerting");
  await expect(guard).toHaveValue("60");
  await guard.fill("-5");
  await expect(page.getByText("Enter 0 or more, or leave it empty for no guard.")).toBeVisible();
  await guard.fill("120");
  await reloadWhenSaved(page);
  await expect(page.getByLabel("Alert labels")).toHaveValue("oncall=parcel-payments\nteam=checkout");
  await expect(page.getByLabel("Minimum events per hour for alerting")).toHaveValue("120");

  await page.getByLabel("Minimum events per hour for alerting").fill("");
  await reloadWhenSaved(page);
  await expect(page.getByLabel("Minimum events per hour for alerting")).toHaveValue("");
});

test("a gauge against a threshold says the low-traffic guard does not apply to it", async ({ page }) => {
  await openSlos(page);
  const statement = page.getByTestId("guard-time-slices");
  await expect(page.getByLabel("Minimum events per hour for alerting")).toHaveValue("60");
  await expect(statement).toHaveCount(0);
  await page.getByLabel("Query kind").selectOption({ label: "Gauge per minute" });
  await page.getByLabel("Gauge query").fill('checkout_queue_age_seconds{job="checkout"}');
  await page.getByLabel("Threshold", { exact: true }).fill("600");
  await expect(statement).toHaveText(
    "This SLI is a gauge against a threshold (time slices): it counts no events, so the guard is neither written into the Prometheus rules nor replayed over a history.",
  );
  // The guard itself stays in the plan, for the day the SLI counts events again.
  await expect(page.getByLabel("Minimum events per hour for alerting")).toHaveValue("60");
});

for (const scheme of ["light", "dark"] as const) {
  test(`the production fields with mistakes showing have no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openSlos(page);
    await page.getByLabel("Total events query").fill('http_requests_total{code="5');
    await page.getByLabel("Alert labels").fill("team-name=x");
    await page.getByLabel("Minimum events per hour for alerting").fill("many");
    await page.getByRole("group", { name: "Tier 1" }).getByLabel("Long window (min)").fill("0");
    await page.getByLabel("Query kind").selectOption({ label: "Gauge per minute" });
    await page.getByLabel("Threshold", { exact: true }).fill("x");
    await expect(page.getByText("“x” is not a number; enter one like 600.")).toBeVisible();
    const results = await new AxeBuilder({ page }).include(".slo-editor").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
