// Storage faults the way a user meets them: a full disk, storage disabled or throwing, and
// corrupt entries. The user is told, the plan stays in memory and can be exported, and
// nothing stored is overwritten by something older or broken.
import { expect, test, type Page } from "./fixtures";
import { download, EXAMPLE_NAME, libraryRows, openWorkbook } from "./helpers";

/** The header's save status; while a workspace loads, its "Loading …" note is a status too. */
const saveStatus = (page: Page) => page.getByRole("status").and(page.locator(".save-status"));

const PLAN_KEY = "sre-workbook/plan/example-parcelry";

function storedName(page: Page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.name, PLAN_KEY);
}

async function rename(page: Page, name: string) {
  await page.getByLabel("Plan name").fill(name);
  await page.getByLabel("Plan name").press("Tab");
}

test("a full storage is reported, the edit is kept in the tab and can be exported, and saving resumes once there is room", async ({ page }) => {
  await openWorkbook(page, "./#/plans");
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    (window as any).__full = true;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as any).__full && key.startsWith("sre-workbook/plan/")) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return setItem.call(this, key, value);
    };
  });
  await rename(page, "Edited while the disk is full");
  await expect(saveStatus(page)).toHaveText("Not saved: browser storage is full (quota exceeded)");
  await expect(page.getByText("Your changes are kept in this tab but could not be saved in this browser.")).toBeVisible();
  expect(await storedName(page)).toBe(EXAMPLE_NAME);

  const exported = await download(page, () => page.locator(".notices").getByRole("button", { name: "Export plan" }).click());
  expect(exported.name).toBe("Edited while the disk is full.json");
  expect(JSON.parse(exported.text).name).toBe("Edited while the disk is full");

  await page.evaluate(() => ((window as any).__full = false));
  await rename(page, "Saved once there was room");
  await expect(saveStatus(page)).toHaveText("Saved");
  expect(await storedName(page)).toBe("Saved once there was room");
});

test("with storage disabled the example opens in the tab, the user is told, and export works", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await page.goto("./#/plans");
  await expect(saveStatus(page)).toContainText("Not saved: the plans stored in this browser could not be read: browser storage is unavailable");
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  await rename(page, "Worked on without storage");
  await expect(saveStatus(page)).toContainText("so this tab saves nothing over them");
  const exported = await download(page, () => page.locator(".notices").getByRole("button", { name: "Export plan" }).click());
  expect(JSON.parse(exported.text).name).toBe("Worked on without storage");
});

test("storage that throws on reading never gets the stored plans overwritten", async ({ page }) => {
  await openWorkbook(page, "./#/plans");
  await rename(page, "Months of assessments");
  await expect(saveStatus(page)).toHaveText("Saved");
  const before = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("sre-workbook/plan/")));

  // The next visit finds storage that fails every read (a broken profile or extension).
  await page.addInitScript(() => {
    if (sessionStorage.getItem("broken") === "no") return;
    sessionStorage.setItem("broken", "yes");
    Storage.prototype.getItem = () => {
      throw new Error("read failed");
    };
    Storage.prototype.key = () => {
      throw new Error("read failed");
    };
  });
  // The page's timers run on a clock the test moves, so the autosave surely comes due.
  await page.clock.install();
  await page.reload();
  await expect(saveStatus(page)).toContainText("could not be read");
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  await rename(page, "Example edited in the broken tab");
  await expect(saveStatus(page)).toContainText("saves nothing over them");
  await page.getByRole("button", { name: "New blank plan" }).click();
  await expect(page.getByLabel("Plan name")).toHaveValue("Untitled plan");
  // Five times the autosave delay (AUTOSAVE_DELAY, 400 ms in src/ui/workbook.rs): every
  // save this tab scheduled has run, and written nothing.
  await page.clock.runFor(2000);
  await expect(saveStatus(page)).toContainText("saves nothing over them");
  expect(await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("sre-workbook/plan/")))).toEqual(before);

  // Storage works again: every stored plan is as it was.
  await page.evaluate(() => sessionStorage.setItem("broken", "no"));
  await page.reload();
  await expect(page.getByLabel("Plan name")).toHaveValue("Months of assessments");
  const after = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("sre-workbook/plan/")));
  expect(after).toEqual(before);
});

test("a corrupt entry is set aside and never overwritten, while the readable plans load", async ({ page }) => {
  await openWorkbook(page, "./#/plans");
  await page.evaluate(() => {
    localStorage.setItem("sre-workbook/plan/half-written", '{"format": "sre-workbook-plan", "version": 1, "id": "half-wr');
    localStorage.setItem("sre-workbook/plan/wrong-shape", JSON.stringify({ format: "sre-workbook-plan", version: 1, id: "wrong-shape", name: 5 }));
  });
  await page.reload();
  const banners = page.getByRole("alert").filter({ hasText: "A stored plan could not be read and was set aside" });
  await expect(banners).toHaveCount(2);
  await expect(banners.filter({ hasText: "the file ends too early" })).toHaveCount(1);
  await expect(banners.filter({ hasText: "name: invalid type: number `5`, expected a string" })).toHaveCount(1);
  await expect(libraryRows(page)).toHaveCount(1);
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  const setAside = await page.evaluate(() =>
    Object.entries(localStorage)
      .filter(([k]) => k.startsWith("sre-workbook/set-aside/"))
      .map(([, v]) => v)
      .sort(),
  );
  expect(setAside).toEqual([
    '{"format": "sre-workbook-plan", "version": 1, "id": "half-wr',
    JSON.stringify({ format: "sre-workbook-plan", version: 1, id: "wrong-shape", name: 5 }),
  ]);
});
