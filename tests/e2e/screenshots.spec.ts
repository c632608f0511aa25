// Every workspace at 360, 768, 1280 and 1440 px wide: a full-page screenshot into screenshots/
// for people to look at, and a check that nothing makes the page scroll sideways (wide
// tables scroll inside their own region).
import { expect, test } from "./fixtures";
import { openWorkbook } from "./helpers";

const PAGES = ["overview", "plans", "transition", "slos", "scenarios", "report"];

for (const width of [360, 768, 1280, 1440]) {
  for (const name of PAGES) {
    test(`${name} at ${width} px fits the width`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openWorkbook(page, `./#/${name}`);
      await expect(page.locator("main h1")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
      expect(overflow, "the page does not scroll sideways").toBeLessThanOrEqual(0);
    });
  }
}
