// Script and HTML in every text field of a plan: imported, shown in every workspace,
// drawn in charts and exported again, none of it runs and all of it reads as typed.
import { expect, test, type Page } from "./fixtures";
import { exportPlan, importFile, openWorkbook } from "./helpers";

const TEXT_KEYS = new Set(["name", "label", "description", "note", "action", "title", "challenge", "organization", "owner", "gap", "misaligned", "target_mindset"]);
const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"'&`;

/** Prefixes every free-text field (and every level descriptor) with the payload. */
function poison(value: unknown, key = ""): unknown {
  if (typeof value === "string") return TEXT_KEYS.has(key) || key === "levels" ? `${PAYLOAD} ${value}`.slice(0, 190) : value;
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
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
