// Undo and Redo: buttons and shortcuts take back edits (a burst of typing is one step),
// the result is saved, and in a text field the browser's own undo of typing still works.
import { expect, test } from "./fixtures";
import { openWorkbook } from "./helpers";

const budget = (page) => page.locator('[data-figure="budget-time"]');

test("an SLO edit is undone and redone with the buttons and the keyboard, and kept", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  const undo = page.getByRole("button", { name: "Undo edit" });
  const redo = page.getByRole("button", { name: "Redo edit" });
  await expect(undo).toBeDisabled();
  await expect(budget(page)).toHaveText("43 min 12 s");

  await page.getByLabel("Target (%)").fill("99.95");
  await expect(budget(page)).toHaveText("21 min 36 s");
  await undo.click();
  await expect(page.getByLabel("Target (%)")).toHaveValue("99.9");
  await expect(budget(page)).toHaveText("43 min 12 s");
  await redo.click();
  await expect(page.getByLabel("Target (%)")).toHaveValue("99.95");
  await expect(budget(page)).toHaveText("21 min 36 s");

  // Outside a text field, Ctrl+Z and Shift+Ctrl+Z do the same.
  await page.getByRole("heading", { level: 1, name: "SLOs" }).click();
  await page.keyboard.press("Control+z");
  await expect(budget(page)).toHaveText("43 min 12 s");
  await page.keyboard.press("Control+Shift+z");
  await expect(budget(page)).toHaveText("21 min 36 s");
  await page.keyboard.press("Control+z");
  await expect(budget(page)).toHaveText("43 min 12 s");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  await page.reload();
  await expect(budget(page)).toHaveText("43 min 12 s");
  await expect(page.getByRole("button", { name: "Undo edit" })).toBeDisabled();
});

test("typing a word is one step, and separate edits are separate steps", async ({ page }) => {
  // The page's clock is set by the test (timers keep running): keystrokes 200 ms apart are
  // one burst however slow the machine is, and the next edit comes 2 s after the last one,
  // twice the 1 s after which an edit starts a new step (COALESCE_MS, src/model/plan/undo.rs).
  const start = new Date("2026-11-24T10:00:00Z").getTime();
  await page.clock.setFixedTime(start);
  await openWorkbook(page, "./#/scenarios");
  const name = page.getByLabel("Scenario name");
  await name.fill("");
  const word = "Calm quarter";
  for (const [i, key] of [...word].entries()) {
    await page.clock.setFixedTime(start + 200 * (i + 1));
    await name.press(key === " " ? "Space" : key);
    await expect(name).toHaveValue(word.slice(0, i + 1));
  }
  await expect(page.getByRole("heading", { name: "Edit “Calm quarter”" })).toBeVisible();
  await page.clock.setFixedTime(start + 200 * word.length + 2000);
  await page.getByLabel("Releases per week").fill("3");
  await page.getByRole("button", { name: "Undo edit" }).click();
  await expect(page.getByLabel("Releases per week")).toHaveValue("10");
  await expect(name).toHaveValue("Calm quarter");
  await page.getByRole("button", { name: "Undo edit" }).click();
  await expect(name).toHaveValue("This quarter's incidents");
  await expect(page.getByRole("button", { name: "Undo edit" })).toBeDisabled();
});
