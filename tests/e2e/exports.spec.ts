// Exports for production: the example plan's SLOs as a Prometheus rule file (checked by
// promtool itself), a Sloth prometheus/v1 spec and Pyrra ServiceLevelObjectives (parsed as
// YAML and held to the fields those projects require), for the plan or for one service.
import { expect, test } from "./fixtures";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { download, EXAMPLE_NAME, openWorkbook } from "./helpers";

const yamlDocs = (text: string) =>
  parseAllDocuments(text).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS();
  }).filter(Boolean);

test("Prometheus rules pass promtool and carry the workbook's thresholds", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  const file = await download(page, () => page.getByRole("button", { name: "Export Prometheus rules" }).click());
  expect(file.name).toBe(`${EXAMPLE_NAME} - Prometheus rules.yml`);
  const path = join(mkdtempSync(join(tmpdir(), "rules-")), file.name);
  writeFileSync(path, file.text);
  expect(execFileSync("promtool", ["check", "rules", path], { encoding: "utf8" })).toContain("SUCCESS: 33 rules found");
  const rules = parse(file.text);
  expect(rules.groups.map((g: { name: string }) => g.name)).toEqual(["slo-checkout-availability", "slo-checkout-latency", "slo-tracking-availability", "slo-tracking-freshness"]);
  const firstAlert = rules.groups[0].rules.find((r: { alert?: string }) => r.alert);
  expect(firstAlert).toMatchObject({
    alert: "SloCheckoutAvailabilityBudgetBurn",
    expr: 'slo:sli_error:ratio_rate1h{slo="checkout-availability", service="shop-api"} > 0.0144 and slo:sli_error:ratio_rate5m{slo="checkout-availability", service="shop-api"} > 0.0144 and slo:sli_events:increase1h{slo="checkout-availability", service="shop-api"} >= 60',
    labels: { severity: "page", long_window: "1h", short_window: "5m", team: "checkout" },
  });
  // The freshness SLO over February 2027 (28 days): the 1 h tier is 2 % × 28 d / 1 h = 13.44.
  const freshness = rules.groups[3].rules.find((r: { alert?: string }) => r.alert);
  expect(freshness.expr).toContain("> 0.1344 and");
  expect(freshness.annotations.description).toContain("over February 2027 (28 days)");
  // SLOs without queries are listed as skipped, with why.
  expect(file.text).toContain("#   Route is ready at shift start (route-availability): no SLI queries yet");
  await expect(page.getByRole("heading", { name: "Not exported yet" })).toBeVisible();
  await expect(page.locator(".skipped-slos li")).toHaveCount(5);
});

test("a Sloth spec per service and Pyrra objectives per SLO, with the fields they require", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  const sloth = await download(page, () => page.getByRole("button", { name: "Export Sloth spec" }).click());
  expect(sloth.name).toBe(`${EXAMPLE_NAME} - Sloth.yaml`);
  // The freshness SLO is measured over February 2027 (28 days): Sloth takes one period per
  // run, so it is in a second file, and the page names both.
  await expect(page.getByTestId("export-files")).toHaveText(
    `2 files, one per SLO period (Sloth gives every SLO of a run one period): “${EXAMPLE_NAME} - Sloth.yaml”, “${EXAMPLE_NAME} - Sloth 28d.yaml”. If your browser asks, allow it to download several files.`,
  );
  expect(sloth.text).toContain("--default-slo-period=30d");
  const specs = yamlDocs(sloth.text);
  expect(specs.map((s) => s.service)).toEqual(["shop-api", "tracking-service"]);
  const NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$/;
  for (const spec of specs) {
    expect(spec.version).toBe("prometheus/v1");
    expect(spec.service).toMatch(NAME);
    expect(spec.slos.length).toBeGreaterThan(0);
    for (const slo of spec.slos) {
      expect(slo.name).toMatch(NAME);
      expect(slo.objective).toBeGreaterThan(0);
      expect(slo.objective).toBeLessThanOrEqual(100);
      const queries = slo.sli.events ? [slo.sli.events.error_query, slo.sli.events.total_query] : [slo.sli.raw.error_ratio_query];
      for (const q of queries) expect(q).toContain("{{.window}}");
      expect(slo.alerting.name).toMatch(/^Slo\w+BudgetBurn$/);
    }
  }
  expect(specs[0].slos[0]).toMatchObject({ name: "checkout-availability", objective: 99.9, alerting: { labels: { team: "checkout" } } });

  const pyrra = await download(page, () => page.getByRole("button", { name: "Export Pyrra objectives" }).click());
  expect(pyrra.name).toBe(`${EXAMPLE_NAME} - Pyrra.yaml`);
  const objectives = yamlDocs(pyrra.text);
  expect(objectives.map((o) => o.metadata.name)).toEqual(["checkout-availability", "checkout-latency"]);
  for (const o of objectives) {
    expect(o).toMatchObject({ apiVersion: "pyrra.dev/v1alpha1", kind: "ServiceLevelObjective" });
    expect(typeof o.spec.target).toBe("string");
    expect(o.spec.window).toBe("30d");
  }
  expect(objectives[1].spec.indicator.latency.success.metric).toContain('le="0.8"');
  expect(pyrra.text).toContain("#   Tracking page loads (tracking-availability): Pyrra counts errors");
});

test("one service's file holds that service's SLOs only", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  await page.getByLabel("Export for", { exact: true }).selectOption({ label: "Tracking service" });
  await expect(page.locator(".skipped-slos li")).toHaveCount(0);
  const file = await download(page, () => page.getByRole("button", { name: "Export Prometheus rules" }).click());
  expect(file.name).toBe(`${EXAMPLE_NAME} - Tracking service - Prometheus rules.yml`);
  expect(parse(file.text).groups.map((g: { name: string }) => g.name)).toEqual(["slo-tracking-availability", "slo-tracking-freshness"]);
});
