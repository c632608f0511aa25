// The corpus of broken and hostile plan files (tests/fixtures/bad/), imported the way a user
// does: each broken file shows exactly its messages and leaves everything stored as it was;
// each legal one is imported and its text shown as typed.
import { expect, test, type Page } from "./fixtures";
import { readFileSync } from "node:fs";
import { importFile, libraryRows, openWorkbook } from "./helpers";

const DIR = "tests/fixtures/bad";
type Case = { name: string; generate?: string; accepted?: boolean; expected?: string[] };
const cases: Case[] = JSON.parse(readFileSync(`${DIR}/expected.json`, "utf8"));

/** The bytes of a case: its file, or for those too big to commit, built as the host test does. */
function bytesOf(c: Case): Buffer {
  const example = readFileSync("tests/fixtures/v1/example.json", "utf8");
  if (c.generate === "twenty_megabytes") {
    const bytes = Buffer.alloc(20 * 1024 * 1024, " ");
    bytes.write(example);
    return bytes;
  }
  if (c.generate === "hundred_thousand_teams") {
    const plan = JSON.parse(example);
    plan.transition.teams = Array.from({ length: 100_000 }, (_, i) => ({ id: `t${i}`, name: "T", description: "" }));
    return Buffer.from(JSON.stringify(plan));
  }
  if (c.generate === "hostile_300000_labels") {
    const plan = JSON.parse(readFileSync("tests/fixtures/v4/example.json", "utf8"));
    const labels: Record<string, string | number> = {};
    for (let i = 0; i < 300_000; i++) labels[`k${String(i).padStart(6, "0")}`] = "v";
    labels.k299999 = 7;
    plan.slo_catalog.slos[0].alerting.labels = labels;
    return Buffer.from(JSON.stringify(plan));
  }
  return readFileSync(`${DIR}/${c.name}`);
}

/** Everything the workbook keeps in local storage except the session (which notes the route). */
function stored(page: Page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k !== "sre-workbook/session")
      .sort()
      .map((k) => [k, localStorage.getItem(k)]),
  );
}

test("every broken file shows its problems and changes nothing stored", async ({ page }) => {
  test.setTimeout(120_000);
  const broken = cases.filter((c) => !c.accepted);
  expect(broken.length).toBeGreaterThanOrEqual(40);
  await openWorkbook(page, "./#/plans");
  const before = await stored(page);
  for (const c of broken) {
    await test.step(c.name, async () => {
      await importFile(page, c.name, bytesOf(c));
      const alert = page.getByRole("alert").filter({ hasText: `Could not import “${c.name}”` });
      await expect(alert).toContainText(c.expected!.length === 1 ? "1 problem:" : `${c.expected!.length} problems:`);
      await expect(alert.getByRole("listitem")).toHaveText(c.expected!);
      expect(await stored(page)).toEqual(before);
    });
  }
  await page.reload();
  await expect(libraryRows(page)).toHaveCount(1);
  expect(await stored(page)).toEqual(before);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
});

test("legal files in the corpus are imported and their text shown as typed", async ({ page }) => {
  const legal = cases.filter((c) => c.accepted);
  await openWorkbook(page, "./#/plans");
  for (const [i, c] of legal.entries()) {
    await test.step(c.name, async () => {
      const plan = JSON.parse(bytesOf(c).toString("utf8").replace(/^\ufeff/, ""));
      await importFile(page, c.name, bytesOf(c));
      await expect(page.getByText(`Imported “${plan.name}”.`)).toBeVisible();
      await expect(page.locator(".open-plan-name")).toHaveText(plan.name);
      await expect(libraryRows(page)).toHaveCount(i + 2);
    });
  }
  expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
});
