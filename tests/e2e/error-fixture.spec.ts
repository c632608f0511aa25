// The shared fixture (fixtures.ts) can fail a test: uncaught errors and console errors are
// recorded from every page, including pages and contexts opened later, only the allowed
// messages pass, and no spec can slip past it by importing Playwright's own `test`.
import { readdirSync, readFileSync } from "node:fs";
import { expect, test, watchForErrors, type Page } from "./fixtures";

/** Makes `page` throw an uncaught error and waits until Playwright has seen it. */
async function throwIn(page: Page, message: string) {
  await Promise.all([
    page.waitForEvent("pageerror"),
    page.evaluate((m) => setTimeout(() => {
      throw new Error(m);
    }), message),
  ]);
}

/** Makes `page` log a console error and waits until Playwright has seen it. */
async function logErrorIn(page: Page, message: string) {
  await Promise.all([page.waitForEvent("console", (m) => m.type() === "error"), page.evaluate((m) => console.error(m), message)]);
}

test.describe("the error watch", () => {
  // The test's own fixture lets these through; the watch under test here sees them all.
  test.use({ allowedConsoleErrors: [/^deliberate: /], allowedPageErrors: [/^deliberate: /] });

  test("uncaught errors and console errors are recorded from every page, opened before or after", async ({ context, browser }) => {
    const first = await context.newPage();
    const watch = watchForErrors({ context, browser });
    await throwIn(first, "deliberate: thrown in the first page");
    const later = await context.newPage();
    await logErrorIn(later, "deliberate: logged in a page opened later");
    const other = await browser.newContext();
    const elsewhere = await other.newPage();
    await throwIn(elsewhere, "deliberate: thrown in another context");
    await elsewhere.evaluate(() => console.log("a log line is no error"));
    await logErrorIn(elsewhere, "deliberate: logged in another context");
    await other.close();
    watch.stop();
    expect(watch.found).toHaveLength(4);
    expect(watch.found[0]).toMatch(/^pageerror on about:blank: Error: deliberate: thrown in the first page(\n|$)/);
    expect(watch.found[1]).toBe("console error on about:blank: deliberate: logged in a page opened later");
    expect(watch.found[2]).toMatch(/^pageerror on about:blank: Error: deliberate: thrown in another context(\n|$)/);
    expect(watch.found[3]).toBe("console error on about:blank: deliberate: logged in another context");
  });

  test("only the allowed messages pass", async ({ context, browser }) => {
    const page = await context.newPage();
    const watch = watchForErrors({ context, browser, allowedConsoleErrors: [/^deliberate: expected console error$/], allowedPageErrors: [/^deliberate: expected page error$/] });
    await logErrorIn(page, "deliberate: expected console error");
    await throwIn(page, "deliberate: expected page error");
    await logErrorIn(page, "deliberate: expected console error, and more");
    await throwIn(page, "deliberate: an unexpected page error");
    watch.stop();
    expect(watch.found).toHaveLength(2);
    expect(watch.found[0]).toBe("console error on about:blank: deliberate: expected console error, and more");
    expect(watch.found[1]).toMatch(/^pageerror on about:blank: Error: deliberate: an unexpected page error(\n|$)/);
  });
});

test.describe("a test whose page", () => {
  // These tests pass only if the fixture fails them.
  test("throws an uncaught error fails", async ({ page }) => {
    test.fail();
    await throwIn(page, "an uncaught error fails the test");
  });

  test("logs a console error fails", async ({ page }) => {
    test.fail();
    await logErrorIn(page, "a console error fails the test");
  });

  test("in a context of its own logs a console error fails", async ({ browser }) => {
    test.fail();
    const page = await browser.newPage();
    await logErrorIn(page, "a console error in another context fails the test");
    await page.context().close();
  });
});

test.describe("a test allowing one console error", () => {
  test.use({ allowedConsoleErrors: [/^allowed in this test only$/] });

  test("passes when its page logs that error", async ({ page }) => {
    await logErrorIn(page, "allowed in this test only");
  });

  test("still fails on any other", async ({ page }) => {
    test.fail();
    await logErrorIn(page, "allowed in this test only, but longer");
  });
});

test("every spec takes test and expect from the shared fixture", () => {
  const dir = "tests/e2e";
  const specs = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "fixtures.ts");
  expect(specs.length).toBeGreaterThanOrEqual(15);
  for (const spec of specs) {
    const text = readFileSync(`${dir}/${spec}`, "utf8");
    expect(text, spec).not.toMatch(/from ["']@playwright\/test["']/);
    if (spec.endsWith(".spec.ts")) expect(text, spec).toMatch(/^import \{[^}]*\btest\b[^}]*\} from "\.\/fixtures";$/m);
  }
});
