// The Content-Security-Policy holds: the workbook works under it with no violation in any
// workspace or main flow, and the policy really blocks injected inline script.
import { createHash } from "node:crypto";
import { expect, test, type Page } from "./fixtures";
import { exportPlan, importFile, openWorkbook } from "./helpers";

async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
    );
  });
}
const violations = (page: Page) => page.evaluate(() => (window as any).__violations as string[]);

test("every workspace and main flow runs with no CSP violation", async ({ page }) => {
  await watchViolations(page);
  await openWorkbook(page, "./#/plans");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).toContain("object-src 'none'");
  const exported = await exportPlan(page);
  await importFile(page, exported.name, exported.text);
  await page.getByRole("dialog").getByRole("button", { name: "Keep both" }).click();
  for (const name of ["Transition", "SLOs", "Scenarios"]) {
    await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
  await page.getByRole("button", { name: "Run Monte Carlo" }).click();
  await expect(page.locator(".odds")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test.describe(() => {
  const INJECTED = "window.__ran = true";
  // Chromium reports the blocked script on the console, naming the hash that would have let
  // it run: that message, for exactly this script, is the one error this test expects.
  const hash = createHash("sha256").update(INJECTED).digest("base64");
  test.use({
    allowedConsoleErrors: [
      new RegExp(
        "^Executing inline script violates the following Content Security Policy directive " +
          "'script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+={0,2}'){3}'\\. " +
          `Either the 'unsafe-inline' keyword, a hash \\('sha256-${hash.replace(/[+/=]/g, "\\$&")}'\\), ` +
          "or a nonce \\('nonce-\\.\\.\\.'\\) is required to enable inline execution\\. The action has been blocked\\.$",
      ),
    ],
  });

  test("injected inline script is blocked and reported", async ({ page }) => {
    await watchViolations(page);
    await openWorkbook(page, "./#/plans");
    await page.evaluate((text) => {
      const s = document.createElement("script");
      s.textContent = text;
      document.body.append(s);
    }, INJECTED);
    expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
    await expect.poll(() => violations(page)).toContainEqual(expect.stringContaining("script-src"));
  });
});
