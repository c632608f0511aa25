// The command-line workbook makes the page's files: every plan export downloaded from the
// page (the example plan, as the page exports it) equals `sre-workbook export` of that plan
// file byte for byte, names included.
import { expect, test, type Page } from "./fixtures";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { download, exportPlan, openWorkbook } from "./helpers";

// Playwright runs from the repository root (playwright.config.ts).
const ROOT = resolve(".");

/** The native binary, built if `make test-host` has not built it already. */
function cli(): string {
  execFileSync("cargo", ["build", "--quiet", "--bin", "sre-workbook"], { cwd: ROOT, stdio: "inherit" });
  return join(ROOT, "target", "debug", "sre-workbook");
}

/** Every file one click downloads (Sloth writes one per SLO period). */
async function downloads(page: Page, count: number, click: () => Promise<void>) {
  const files: { name: string; text: string }[] = [];
  const all = new Promise<void>((done) => {
    page.on("download", async (d) => {
      files.push({ name: d.suggestedFilename(), text: readFileSync(await d.path(), "utf8") });
      if (files.length === count) done();
    });
  });
  await click();
  await all;
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

test("each export of the page equals sre-workbook export of the plan file", async ({ page }) => {
  test.setTimeout(300_000);
  const bin = cli();
  const dir = mkdtempSync(join(tmpdir(), "cli-exports-"));
  await openWorkbook(page, "./#/plans");
  const plan = await exportPlan(page);
  const planPath = join(dir, plan.name);
  writeFileSync(planPath, plan.text);
  const today = new Date().toISOString().slice(0, 10);
  /** What the binary writes for `kind` (several files into a directory), sorted by name. */
  const made = (kind: string, ...extra: string[]) => {
    const out = mkdtempSync(join(dir, `${kind}-`));
    execFileSync(bin, ["export", kind, planPath, "--today", today, "-o", out, ...extra]);
    return readdirSync(out).sort((a, b) => a.localeCompare(b)).map((name) => ({ name, text: readFileSync(join(out, name), "utf8") }));
  };
  const one = (kind: string, name: string, ...extra: string[]) => {
    const out = join(dir, `${kind}.out`);
    execFileSync(bin, ["export", kind, planPath, "--today", today, "-o", out, ...extra]);
    return [{ name, text: readFileSync(out, "utf8") }];
  };

  await page.goto("./#/slos");
  const button = (name: string) => () => page.getByRole("button", { name }).click();
  const prometheus = await downloads(page, 1, button("Export Prometheus rules"));
  expect(prometheus).toEqual(one("prometheus", prometheus[0].name));
  expect(prometheus[0].name).toBe("Parcelry SRE transformation - Prometheus rules.yml");
  expect(await downloads(page, 2, button("Export Sloth spec"))).toEqual(made("sloth"));
  const pyrra = await download(page, button("Export Pyrra objectives"));
  expect([pyrra]).toEqual(one("pyrra", "Parcelry SRE transformation - Pyrra.yaml"));
  const csv = await download(page, button("Export SLOs as CSV"));
  expect([csv]).toEqual(one("slos-csv", "Parcelry SRE transformation - SLOs.csv"));
  const openslo = await download(page, button("Export OpenSLO YAML"));
  expect([openslo]).toEqual(one("openslo", "Parcelry SRE transformation - OpenSLO.yaml"));
  // One service's rules.
  await page.getByLabel("Export for", { exact: true }).selectOption({ label: "Tracking service" });
  const tracking = await download(page, button("Export Prometheus rules"));
  expect([tracking]).toEqual(one("prometheus", "Parcelry SRE transformation - Tracking service - Prometheus rules.yml", "--service", "tracking-service"));

  await page.goto("./#/report");
  const report = await download(page, button("Export report as Markdown"));
  expect([report]).toEqual(one("report-md", "Parcelry SRE transformation report.md"));
  const policy = await download(page, button("Export policy as Markdown"));
  expect([policy]).toEqual(one("policy-md", "Shop API error-budget policy.md", "--service", "shop-api"));
});
