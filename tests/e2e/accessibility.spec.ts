// axe-core on every workspace, in the light and the dark scheme: the suite fails on any
// serious or critical violation (WCAG 2.1 A and AA rules, contrast included).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { EXAMPLE_NAME, openWorkbook } from "./helpers";

const PAGES: [string, string][] = [
  ["Overview", "./#/overview"],
  ["Plans", "./#/plans"],
  ["Transition", "./#/transition"],
  ["SLOs", "./#/slos"],
  ["Scenarios", "./#/scenarios"],
  ["Report", "./#/report"],
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " — " + n.failureSummary?.split("\n")[1]).join("\n  ")}`);
}

for (const scheme of ["light", "dark"] as const) {
  for (const [name, path] of PAGES) {
    test(`${name} has no serious accessibility violations (${scheme})`, async ({ page }) => {
      test.setTimeout(90_000); // axe over the longest pages takes 8 s idle, over 30 s on a loaded 2-core machine
      await page.emulateMedia({ colorScheme: scheme });
      await openWorkbook(page, path);
      // The report is a document: its title is the plan's name.
      await expect(page.getByRole("heading", { level: 1, name: name === "Report" ? EXAMPLE_NAME : name })).toBeVisible();
      // Open what is folded away, and on Scenarios show a Monte Carlo result, so axe sees it all...
      if (name === "Scenarios") await page.getByRole("button", { name: "Run Monte Carlo" }).click();
      if (name === "Scenarios") await expect(page.locator(".odds")).toBeVisible();
      // ...and both alert labs (the scenario's and the replayed history's).
      if (name === "Scenarios") {
        // Each button is renamed "Compare again" once it ran, so the first one left is next.
        for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Compare alerting" }).first().click();
        await expect(page.locator(".alert-lab-table")).toHaveCount(2);
      }
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}
