// Two tabs on the same plan: an edit saved in one reaches the other; when both changed it,
// the user chooses which version to keep, and nothing is overwritten silently.
import { expect, test } from "./fixtures";
import { openWorkbook } from "./helpers";

const budget = (page) => page.locator('[data-figure="budget-time"]');

/** Lets a test hold a page's autosave (the app's 400 ms timer, AUTOSAVE_DELAY): while held,
 *  edits stay unsaved however slow the machine is, so "both tabs changed it" is certain. */
async function holdableAutosave(page) {
  await page.addInitScript(() => {
    const { setTimeout: set, clearTimeout: clear } = window;
    const held = new Map<number, () => void>();
    let next = -1;
    Object.assign(window, {
      __holdAutosave: false,
      __releaseAutosave() {
        (window as any).__holdAutosave = false;
        const due = [...held.values()];
        held.clear();
        due.forEach((run) => run());
      },
    });
    window.setTimeout = function (handler: any, delay?: number, ...args: any[]) {
      if ((window as any).__holdAutosave && delay === 400) {
        held.set(next, () => handler(...args));
        return next--;
      }
      return set.call(window, handler, delay, ...args);
    } as typeof window.setTimeout;
    window.clearTimeout = function (id?: number) {
      if (id !== undefined && held.delete(id)) return;
      clear.call(window, id);
    } as typeof window.clearTimeout;
  });
}
const hold = (page) => page.evaluate(() => ((window as any).__holdAutosave = true));
const release = (page) => page.evaluate(() => (window as any).__releaseAutosave());
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
  await holdableAutosave(a);
  await openWorkbook(a, "./#/slos");
  const b = await context.newPage();
  await holdableAutosave(b);
  await openWorkbook(b, "./#/slos");

  // B edits and has not saved yet when A saves: B must not overwrite A's version silently.
  await hold(b);
  await b.getByLabel("Target (%)").fill("99.5");
  await a.getByLabel("Target (%)").fill("99.95");
  await expect(saved(a)).toBeVisible();
  const conflict = b.getByRole("alert").filter({ hasText: "was changed in another tab" });
  await expect(conflict).toBeVisible();
  await release(b);
  await expect(b.getByRole("status").filter({ hasText: /Not saved/ })).toBeVisible();
  await expect(budget(a)).toHaveText("21 min 36 s");

  await b.getByRole("button", { name: "Keep this tab’s version" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(saved(b)).toBeVisible();
  await expect(budget(a)).toHaveText("3 h 36 min");

  // And the other way round: taking the other tab's version drops this tab's edit.
  await hold(a);
  await a.getByLabel("Target (%)").fill("99");
  await b.getByLabel("Target (%)").fill("99.99");
  await expect(saved(b)).toBeVisible();
  const conflictA = a.getByRole("alert").filter({ hasText: "was changed in another tab" });
  await expect(conflictA).toBeVisible();
  await release(a);
  await a.getByRole("button", { name: "Use the other tab’s version" }).click();
  await expect(a.getByLabel("Target (%)")).toHaveValue("99.99");
  await expect(saved(a)).toBeVisible();
  await a.reload();
  await expect(a.getByLabel("Target (%)")).toHaveValue("99.99");
});
