// The first visit's screen (issue 27): the Plans page with the example plan is in the page
// itself (written at build time by scripts/prerender.mjs), so it shows before any wasm has
// arrived. The app then takes its place without a visible change, carrying over what was
// clicked or typed meanwhile. Returning visitors and share links never see it: they would
// see an example plan that is not theirs.
import { expect, test, type Page } from "./fixtures";
import { EXAMPLE_NAME, libraryRows, openWorkbook } from "./helpers";

/** Holds the main wasm until the returned function is called: the app cannot start before. */
async function holdTheApp(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route("**/sre-workbook_bg.wasm", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

// The tests hold the app's code back; a service worker would serve it from its cache.
test.use({ serviceWorkers: "block" });

/** The plan name in the page's header (the loading header, if shown, has the same place). */
const planName = (page: Page) => page.getByRole("banner").locator(".open-plan-name");
const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

test("a first visit shows the Plans page with the example plan before the app's code arrives", async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Plans" })).toBeVisible();
  await expect(planName(page)).toHaveText(EXAMPLE_NAME);
  await expect(page.getByRole("region", { name: "Getting started" })).toContainText("6 of 7 steps done");
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  await expect(page.getByLabel("Challenge statement")).toHaveValue(/^Parcelry's five product teams ship weekly/);
  await expect(libraryRows(page)).toHaveCount(1);
  // Nothing is stored until the app runs.
  await expect(page.getByRole("status").filter({ hasText: "Saving…" })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);

  release();
  await saved(page);
  await expect(page.getByRole("heading", { level: 1, name: "Plans" })).toHaveCount(1);
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
});

test("the app takes the first screen's place without moving anything", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) (window as any).__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.setViewportSize({ width: 412, height: 823 });
  const release = await holdTheApp(page);
  await page.goto("./");
  const before = await page.getByRole("button", { name: "Hide this list" }).boundingBox();
  release();
  await saved(page);
  await expect(page.locator("#first-screen")).toHaveCount(0);
  expect(await page.getByRole("button", { name: "Hide this list" }).boundingBox()).toEqual(before);
  expect(await page.evaluate(() => (window as any).__shifts)).toEqual([]);
});

test("a click made on the first screen is carried out once the app starts", async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto("./");
  await page.getByRole("button", { name: "New blank plan" }).click();
  await expect(planName(page)).toHaveText(EXAMPLE_NAME);
  release();
  await expect(page.getByLabel("Plan name")).toHaveValue("Untitled plan");
  await expect(libraryRows(page)).toHaveCount(2);
});

test("a link followed on the first screen opens its workspace once the app starts", async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto("./");
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "SLOs" }).click();
  release();
  await expect(page).toHaveURL(/#\/slos$/);
  await expect(page.getByRole("heading", { level: 1, name: "SLOs" })).toBeVisible();
});

test("typing on the first screen is kept by the app and saved", async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto("./");
  await page.getByLabel("Plan name").fill("Typed before the app started");
  release();
  await expect(planName(page)).toHaveText("Typed before the app started");
  await expect(page.getByLabel("Plan name")).toBeFocused();
  await saved(page);
  await page.reload();
  await expect(planName(page)).toHaveText("Typed before the app started");
});

test("a returning visitor and a share link never see the example's first screen", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openWorkbook(page);
  await page.getByLabel("Plan name").fill("Our own plan");
  await saved(page);
  await page.getByRole("button", { name: "Copy share link" }).click();
  const link = await page.getByLabel("Share link").inputValue();

  // The same browser again: its own plan, never the example.
  const again = await page.context().newPage();
  const releaseAgain = await holdTheApp(again);
  await again.goto("./");
  await expect(planName(again)).toHaveText("Loading the workbook…");
  await expect(again.getByText(EXAMPLE_NAME).filter({ visible: true })).toHaveCount(0);
  releaseAgain();
  await expect(planName(again)).toHaveText("Our own plan");

  // A share link opened in a new browser: the shared plan, never the example.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const shared = await context.newPage();
  const releaseShared = await holdTheApp(shared);
  await shared.goto(link);
  await expect(planName(shared)).toHaveText("Loading the workbook…");
  releaseShared();
  await expect(shared.getByRole("dialog")).toContainText("Our own plan");
  await context.close();
});
