// A slow import shows that it is reading and can be cancelled; a cancelled import changes
// nothing, and the next one goes through.
import { expect, test, type Page } from "./fixtures";
import { download, importFile, libraryRows, openWorkbook } from "./helpers";

/**
 * Files are read only when the test lets them (as a large file on a slow disk would be read
 * only after a while). Returns a function that completes every pending read and resolves
 * once the page has run everything waiting on them: the app's reaction to a read happens in
 * promise callbacks, which all run before the next task.
 */
async function holdFileReads(page: Page) {
  await page.addInitScript(() => {
    const read = Blob.prototype.arrayBuffer;
    const pending: (() => void)[] = [];
    (window as any).__pendingReads = () => pending.length;
    (window as any).__completeReads = () => pending.splice(0).forEach((complete) => complete());
    Blob.prototype.arrayBuffer = function () {
      return new Promise((resolve) => pending.push(() => resolve(read.call(this))));
    };
  });
  return async (count: number) => {
    await expect.poll(() => page.evaluate(() => (window as any).__pendingReads())).toBe(count);
    await page.evaluate(async () => {
      (window as any).__completeReads();
      await new Promise((next) => setTimeout(next, 0));
    });
  };
}

test("a slow import shows progress and can be cancelled", async ({ page }) => {
  const completeReads = await holdFileReads(page);
  await openWorkbook(page, "./#/plans");
  const exported = await download(page, () => page.getByRole("button", { name: "Export plan" }).click());
  const other = JSON.parse(exported.text);
  other.id = "plan-imported-copy";
  other.name = "Imported copy";
  const text = JSON.stringify(other);

  await importFile(page, "copy.json", text);
  await expect(page.getByRole("status").filter({ hasText: "Importing “copy.json” (0.0 MB)…" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel import" }).click();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveCount(0);
  // The cancelled read completes now; the app has handled it once completeReads returns.
  await completeReads(1);
  await expect(libraryRows(page)).toHaveCount(1);
  await expect(page.getByText("Imported “Imported copy”.")).toHaveCount(0);
  await expect(page.locator(".open-plan-name")).not.toHaveText("Imported copy");

  await importFile(page, "copy.json", text);
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await completeReads(1);
  await expect(libraryRows(page)).toHaveCount(2);
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveCount(0);
  await expect(page.locator(".open-plan-name")).toHaveText("Imported copy");
});
