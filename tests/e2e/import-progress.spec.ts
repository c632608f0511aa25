// A slow import shows that it is reading and can be cancelled; a cancelled import changes
// nothing, and the next one goes through.
import { expect, test } from "./fixtures";
import { exportPlan, holdFileReads, importFile, libraryRows, openWorkbook } from "./helpers";

test("a slow import shows progress and can be cancelled", async ({ page }) => {
  const completeReads = await holdFileReads(page);
  await openWorkbook(page, "./#/plans");
  const exported = await exportPlan(page);
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
