// Two tabs on the same plan: an edit saved in one reaches the other; when both changed it,
// the user chooses which version to keep, and nothing is overwritten silently.
import { expect, test } from "./fixtures";
import { openWorkbook } from "./helpers";

const budget = (page) => page.locator('[data-figure="budget-time"]');
const saved = (page) => page.getByRole("status").filter({ hasText: /^Saved$/ });

test("an edit in one tab reaches the other", async ({ context }) => {
  const a = await context.newPage();
  await openWorkbook(a, "./#/slos");
  const b = await context.newPage();
  await openWorkbook(b, "./#/slos");
  await expect(budget(b)).toHaveText("43 min 12 s");

  await a.getByLabel("Target (%)").fill("99.95");
  await expect(saved(a)).toBeVisible();
  await expect(budget(b)).toHaveText("21 min 36 s");
  await expect(b.getByLabel("Target (%)")).toHaveValue("99.95");
  await expect(b.getByText("was updated in another tab.")).toBeVisible();
});

test("when both tabs changed the plan, the user chooses and the other tab follows", async ({ context }) => {
  const a = await context.newPage();
  await openWorkbook(a, "./#/slos");
  const b = await context.newPage();
  await openWorkbook(b, "./#/slos");

  // Both edit within the autosave delay: A saves first, B must not overwrite it silently.
  await a.getByLabel("Target (%)").fill("99.95");
  await b.getByLabel("Target (%)").fill("99.5");
  const conflict = b.getByRole("alert").filter({ hasText: "was changed in another tab" });
  await expect(conflict).toBeVisible();
  await expect(b.getByRole("status").filter({ hasText: /Not saved/ })).toBeVisible();
  await expect(budget(a)).toHaveText("21 min 36 s");

  await b.getByRole("button", { name: "Keep this tab’s version" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(saved(b)).toBeVisible();
  await expect(budget(a)).toHaveText("3 h 36 min");

  // And the other way round: taking the other tab's version drops this tab's edit.
  await b.getByLabel("Target (%)").fill("99.99");
  await a.getByLabel("Target (%)").fill("99");
  const conflictA = a.getByRole("alert").filter({ hasText: "was changed in another tab" });
  await expect(conflictA).toBeVisible();
  await a.getByRole("button", { name: "Use the other tab’s version" }).click();
  await expect(a.getByLabel("Target (%)")).toHaveValue("99.99");
  await expect(saved(a)).toBeVisible();
  await a.reload();
  await expect(a.getByLabel("Target (%)")).toHaveValue("99.99");
});
