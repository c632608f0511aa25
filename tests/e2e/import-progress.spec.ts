// A slow import shows that it is reading and can be cancelled; a cancelled import changes
// nothing, and the next one goes through.
import { expect, test } from "./fixtures";
import { download, importFile, libraryRows, openWorkbook } from "./helpers";

test("a slow import shows progress and can be cancelled", async ({ page }) => {
  // Files take 1.5 s to read, as a large file on a slow disk would.
  await page.addInitScript(() => {
    const read = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function () {
      return new Promise((resolve) => setTimeout(() => resolve(read.call(this)), 1500));
    };
  });
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
  await page.waitForTimeout(2000);
  await expect(libraryRows(page)).toHaveCount(1);

  await importFile(page, "copy.json", text);
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await expect(libraryRows(page)).toHaveCount(2);
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveCount(0);
  await expect(page.locator(".open-plan-name")).toHaveText("Imported copy");
});
