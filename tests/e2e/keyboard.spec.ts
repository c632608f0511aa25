// Keyboard alone: the skip link, the workspace links, every focus stop visible, no traps,
// and the main flows (edit an SLO target, add an incident, run the Monte Carlo, assess a
// team) done without a mouse.
import { expect, test, type Page } from "./fixtures";
import { openWorkbook } from "./helpers";

/** What has focus: its tag, id and text, and whether a focus indicator is drawn. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { key: "body", visible: true, text: "", label: "" };
    const style = getComputedStyle(el);
    const visible = style.outlineStyle !== "none" && style.outlineWidth !== "0px";
    return { key: `${el.tagName.toLowerCase()}#${el.id}|${el.textContent?.trim().slice(0, 40)}`, visible, text: el.textContent?.trim() ?? "", id: el.id, label: el.getAttribute("aria-label") ?? "" };
  });
}

/** Presses Tab until `done` holds for the focused element; fails after `limit` presses. */
async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (done(f)) return f;
  }
  throw new Error("never reached by Tab");
}

test("the skip link and the workspace links work by keyboard", async ({ page }) => {
  await openWorkbook(page, "./#/plans");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the workspace" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await expect(page).toHaveURL(/#\/plans$/);

  await page.keyboard.press("Shift+Tab");
  await tabUntil(page, (f) => f.text === "SLOs");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "SLOs" })).toBeVisible();
});

for (const path of ["./#/overview", "./#/plans", "./#/transition", "./#/slos", "./#/scenarios", "./#/report"]) {
  test(`every focus stop on ${path} is visible and Tab never gets stuck`, async ({ page }) => {
    test.setTimeout(120_000); // hundreds of key presses on the busiest pages
    await openWorkbook(page, path);
    const seen = new Set<string>();
    const invisible: string[] = [];
    for (let i = 0; i < 600; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f.visible) invisible.push(f.key);
      if (seen.has(f.key) && f.key.startsWith("a#|Skip")) break; // went all the way round
      seen.add(f.key);
    }
    expect(invisible).toEqual([]);
    expect([...seen].some((k) => k.startsWith("a#|Skip")), "Tab comes back round to the start").toBe(true);
    expect(seen.size).toBeGreaterThan(8);
  });
}

test("an SLO target, an incident and a Monte Carlo run, by keyboard alone", async ({ page }) => {
  test.setTimeout(90_000); // Tab by Tab across three pages
  await openWorkbook(page, "./#/slos");
  await tabUntil(page, (f) => f.id === "slo-target");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("99.95");
  await expect(page.locator('[data-figure="budget-time"]')).toHaveText(/21 min 36 s/);

  await page.goto("./#/scenarios");
  await expect(page.getByRole("heading", { level: 1, name: "Scenarios" })).toBeVisible();
  const before = await page.getByRole("table", { name: "Scenarios side by side" }).getByRole("row").nth(1).textContent();
  await tabUntil(page, (f) => f.text === "Add incident");
  await page.keyboard.press("Enter");
  await tabUntil(page, (f) => f.id === "incident-3-duration");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("45");
  await tabUntil(page, (f) => f.id === "incident-3-ratio");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("100");
  await expect(page.getByRole("table", { name: "Scenarios side by side" }).getByRole("row").nth(1)).not.toHaveText(before!);

  await tabUntil(page, (f) => f.text === "Run Monte Carlo");
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: /Done: 10,000 runs/ })).toBeVisible();
});

test("a team is assessed from the heat map by keyboard", async ({ page }) => {
  await openWorkbook(page, "./#/transition");
  const heatCell = (f: Awaited<ReturnType<typeof focused>>) => f.key.startsWith("select#") && f.label.includes(" × ");
  const cell = await tabUntil(page, heatCell);
  expect(cell.visible).toBe(true);
  const value = () => page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0].textContent);
  const before = await value();
  // Typing a level's digit picks it, as in any native select.
  await page.keyboard.press(before?.startsWith("3") ? "2" : "3");
  const after = await value();
  expect(after).not.toEqual(before);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await tabUntil(page, heatCell);
  expect(await value()).toEqual(after);
});
