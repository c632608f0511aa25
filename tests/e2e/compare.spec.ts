// "Compare with file…" on the Plans page: what a plan file someone sent would change in the
// open plan, in the words of `sre-workbook diff`; nothing is stored.
import { expect, test } from "./fixtures";
import { exportPlan, libraryRows, openWorkbook } from "./helpers";

test("a changed target and a new team are listed; a broken file says what is wrong", async ({ page }) => {
  await openWorkbook(page, "./#/plans");
  const plan = JSON.parse((await exportPlan(page)).text);
  plan.slo_catalog.slos[0].target_percent = 99.95;
  plan.transition.teams.push({ id: "platform-team", name: "Platform", description: "" });
  const picker = page.getByLabel("Compare with file…");
  await picker.setInputFiles({ name: "proposal.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan)) });
  const result = page.getByRole("region", { name: "From the open plan “Parcelry SRE transformation” to “proposal.json”" });
  await expect(result.getByRole("status")).toHaveText("2 changes to plan “Parcelry SRE transformation”.");
  await expect(result.getByRole("heading", { level: 4 })).toHaveText(["Team “Platform”", "SLO “Label purchase succeeds”"]);
  await expect(result.getByRole("listitem")).toHaveText(["added (id platform-team)", "target: 99.9 % → 99.95 %"]);
  // Nothing was imported or changed.
  await expect(libraryRows(page)).toHaveCount(1);
  await result.getByRole("button", { name: "Close comparison" }).click();
  await expect(result).toHaveCount(0);

  await picker.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format": "sre-workbook-plan", "version": 4') });
  const alert = page.getByRole("alert").filter({ hasText: "“broken.json” cannot be compared:" });
  await expect(alert.getByRole("listitem")).toHaveText(["not valid JSON at line 1, column 44: the file ends too early (is it truncated?)"]);
});
