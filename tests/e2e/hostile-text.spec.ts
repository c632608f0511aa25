// Script and HTML in every text field of a plan: imported, shown in every workspace,
// drawn in charts and exported again, none of it runs and all of it reads as typed.
import { expect, test, type Page } from "./fixtures";
import { download, exportPlan, importFile, openWorkbook } from "./helpers";

const TEXT_KEYS = new Set(["name", "label", "description", "note", "action", "title", "challenge", "organization", "owner", "gap", "misaligned", "target_mindset"]);
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"'&`;

/** Prefixes every free-text field (and every level descriptor) with the payload. */
function poison(value: unknown, key = ""): unknown {
  if (typeof value === "string") return TEXT_KEYS.has(key) || key === "levels" ? `${PAYLOAD} ${value}`.slice(0, 190) : value;
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
}

/** Plan text as the Markdown exports write it (src/interop/markdown.rs, `text`): one line,
 *  HTML made entities, and what CommonMark reads as markup backslash-escaped. */
const markdownText = (text: string) => {
  let out = text
    .replace(/\p{Cc}/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .join(" ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]~|#]/g, (c) => `\\${c}`);
  if (/^[-+](?!\d)/.test(out)) out = `\\${out}`;
  return out.replace(/^(\d+)([.)])(?= |$)/, "$1\\$2");
};
const sorted = (texts: string[]) => texts.map((t) => t.trim()).sort();

/** Nothing of the payload became an element anywhere in the page, and none of it ran. */
async function expectInert(page: Page, where: string) {
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll("img, script, [onerror]")]
      .filter((e) => e.hasAttribute("onerror") || e.getAttribute("src") === "x" || (e.textContent ?? "").includes("__xss"))
      .map((e) => e.outerHTML),
  );
  expect(injected, `${where}: elements made from the payload`).toEqual([]);
  expect(await page.evaluate(() => (window as any).__xss), `${where}: the payload's script ran`).toBeUndefined();
  expect(await page.evaluate(() => (window as any).__violations), `${where}: Content-Security-Policy violations`).toEqual([]);
}

async function watch(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as any).__violations.push(e.violatedDirective));
  });
}

test("script and HTML in every text field stay inert text everywhere", async ({ page }) => {
  await watch(page);
  await openWorkbook(page, "./#/plans");
  const exported = await exportPlan(page);
  const plan = poison(JSON.parse(exported.text)) as any;
  plan.id = "plan-hostile";
  await importFile(page, "hostile.json", JSON.stringify(plan));
  await expect(page.locator(".open-plan-name")).toHaveText(plan.name);

  for (const name of ["Transition", "SLOs", "Scenarios", "Plans"]) {
    await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    // The payload shows as typed, and no element it describes exists in the page.
    await expect(page.getByText(PAYLOAD, { exact: false }).first()).toBeVisible();
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
  }

  // The Overview: the plan's name, each group, the latest round, each SLO and each scenario
  // read as typed.
  const slos = plan.slo_catalog.slos.map((s: any) => s.name);
  const scenarios = plan.scenarios.map((s: any) => s.name);
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.locator("main .lead")).toHaveText(new RegExp(`^${plan.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} on `));
  await expect(page.getByRole("region", { name: "Teams per stage (scrolls sideways)" }).getByRole("rowheader")).toHaveText(plan.transition.groups.map((g: any) => g.name));
  await expect(page.locator(".overview-standing .overview-summary")).toContainText(`Teams per stage in the latest round, ${PAYLOAD}`);
  const sloLinks = page.getByRole("region", { name: "SLOs at a glance (scrolls sideways)" }).getByRole("rowheader").getByRole("link");
  await expect(sloLinks).toHaveCount(slos.length);
  expect(sorted(await sloLinks.allTextContents())).toEqual(sorted(slos));
  const scenarioLinks = page.getByRole("region", { name: "Scenario outcomes (scrolls sideways)" }).getByRole("rowheader").getByRole("link");
  await expect(scenarioLinks).toHaveCount(scenarios.length);
  expect(sorted(await scenarioLinks.allTextContents())).toEqual(sorted(scenarios));
  await expect(page.getByText(PAYLOAD, { exact: false }).first()).toBeVisible();
  await expectInert(page, "Overview");

  // The Report: its title, the organization, the challenge, the coaching plan, the SLOs, the
  // scenarios and the policy documents read as typed.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: plan.name, exact: true })).toBeVisible();
  await expect(page.locator(".report-meta")).toContainText(plan.organization);
  await expect(page.locator(".report-challenge")).toHaveText(plan.challenge);
  const rowNames = async (table: string, count: number) => {
    const names = page.getByRole("region", { name: `${table} (scrolls sideways)` }).getByRole("rowheader");
    await expect(names).toHaveCount(count);
    return sorted(await names.allTextContents());
  };
  expect(await rowNames("Coaching plan", plan.transition.actions.length)).toEqual(sorted(plan.transition.actions.map((a: any) => a.title)));
  expect(await rowNames("SLOs, budgets and policies", slos.length)).toEqual(sorted(slos));
  expect(await rowNames("Scenario results", scenarios.length)).toEqual(sorted(scenarios));
  const policies = page.getByRole("region", { name: "Error-budget policy documents" });
  const service = plan.slo_catalog.services[0].name;
  await policies.getByLabel("Service").selectOption({ label: service });
  await expect(policies.getByRole("article", { name: `Error-budget policy: ${service}`, exact: true })).toBeVisible();
  await expect(page.getByText(PAYLOAD, { exact: false }).first()).toBeVisible();
  await expectInert(page, "Report");

  // The Report as Markdown: the payload is written as entities, so no wiki can take it for
  // markup, and the file has no angle bracket of its own.
  const report = await download(page, () => page.getByRole("button", { name: "Export report as Markdown" }).click());
  expect(report.name).toMatch(/ report\.md$/);
  expect(report.name).not.toMatch(/[<>"]/);
  expect(report.text.split("\n")[0]).toBe(`# ${markdownText(plan.name)}`);
  expect(report.text).toContain(`${markdownText(plan.organization)} · Report of `);
  expect(report.text).toContain(`\n${markdownText(plan.challenge.split("\n\n")[0])}\n`);
  for (const name of [...slos, ...scenarios]) expect(report.text).toContain(`| ${markdownText(name)} |`);
  expect(report.text).toContain(markdownText(PAYLOAD));
  expect(report.text).not.toMatch(/[<>]/);
  await expectInert(page, "Report after the Markdown export");

  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Scenarios" }).click();
  await page.getByRole("button", { name: "Run Monte Carlo" }).click();
  await expect(page.locator(".odds")).toBeVisible();
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
  // Chart text alternatives carry the names escaped, as text.
  const description = await page.locator("#budget-chart-desc").textContent();
  expect(description).toContain(PAYLOAD.slice(0, 20));

  // The export carries the text unchanged.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans" }).click();
  const again = JSON.parse((await exportPlan(page)).text);
  expect(again.name).toBe(plan.name);
  expect(again.scenarios[0].incidents[0].label).toBe(plan.scenarios[0].incidents[0].label);
});
