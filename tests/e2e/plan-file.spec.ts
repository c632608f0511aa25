// A plan bound to a file on disk (File System Access). Playwright cannot answer Chromium's
// file pickers, so the pickers are answered by handles whose reads and writes go to real files
// on disk through the test (the API's surface as the page uses it: getFile, queryPermission,
// createWritable, write, close); the page's code is the shipped one.
import { expect, test, type Page } from "./fixtures";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openWorkbook } from "./helpers";

/** Answers the pickers with `open` and `save` (paths on disk); `window.filePermission` can be set to "denied". */
async function fileAccess(page: Page, open: string, save: string) {
  await page.exposeFunction("readDisk", (path: string) => readFileSync(path, "utf8"));
  await page.exposeFunction("writeDisk", (path: string, text: string) => writeFileSync(path, text));
  await page.addInitScript(([open, save]) => {
    const w = window as any;
    class DiskHandle {
      kind = "file";
      name: string;
      constructor(public path: string) {
        this.name = path.split("/").pop()!;
      }
      async getFile() {
        return new File([await w.readDisk(this.path)], this.name, { type: "application/json" });
      }
      async queryPermission() {
        return w.filePermission ?? "granted";
      }
      async requestPermission() {
        return w.filePermission ?? "granted";
      }
      async createWritable() {
        let data = "";
        const path = this.path;
        return { write: async (text: string) => void (data += text), close: async () => w.writeDisk(path, data) };
      }
    }
    w.showOpenFilePicker = async () => [new DiskHandle(open)];
    w.showSaveFilePicker = async (options: { suggestedName: string }) => {
      w.suggestedName = options.suggestedName;
      return new DiskHandle(save);
    };
  }, [open, save]);
}

const status = (page: Page) => page.getByRole("banner").getByRole("status");

test("a plan opened from a file is saved to it on every edit, and a change made elsewhere is offered", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "plan-file-"));
  const path = join(dir, "checkout-slos.json");
  await fileAccess(page, path, join(dir, "unused.json"));
  await openWorkbook(page, "./#/plans");
  // The file: the example under another id and name, as a teammate committed it.
  const example = JSON.parse(readFileSync("src/model/plan/example_plan.json", "utf8"));
  writeFileSync(path, JSON.stringify({ ...example, id: "checkout-slos", name: "Checkout SLOs" }, null, 2));

  await page.getByRole("button", { name: "Open plan file…" }).click();
  await expect(page.getByLabel("Plan name")).toHaveValue("Checkout SLOs");
  await expect(status(page)).toHaveText("Saved to checkout-slos.json");

  // An edit reaches the file, one field per line.
  await page.getByLabel("Organization").fill("Parcelry checkout");
  await page.getByLabel("Organization").blur();
  await expect.poll(() => JSON.parse(readFileSync(path, "utf8")).organization).toBe("Parcelry checkout");
  expect(readFileSync(path, "utf8")).toContain('\n  "organization": "Parcelry checkout",\n');
  await expect(status(page)).toHaveText("Saved to checkout-slos.json");

  // Someone changes the file (a git pull, from an editor that indents by 4): on focus the
  // page offers it.
  const theirs = JSON.parse(readFileSync(path, "utf8"));
  theirs.slo_catalog.slos[0].target_percent = 99.95;
  const theirsText = JSON.stringify(theirs, null, 4);
  writeFileSync(path, theirsText);
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  const offer = page.getByRole("alertdialog", { name: "“checkout-slos.json” was changed outside the workbook" });
  await expect(offer).toBeVisible();
  await offer.getByRole("button", { name: "Compare" }).click();
  await expect(offer.getByRole("listitem")).toHaveText(["target: 99.9 % → 99.95 %"]);
  await offer.getByRole("button", { name: "Reload from file" }).click();
  await expect(offer).toHaveCount(0);
  // Reloading is not an edit: past the autosave (400 ms) the file is still as its author
  // formatted it, not rewritten in the page's.
  await page.waitForTimeout(1000);
  expect(readFileSync(path, "utf8")).toBe(theirsText);
  await page.goto("./#/slos");
  await expect(page.getByText("99.95 %").first()).toBeVisible();

  // Keep mine: the page's version goes back to the file.
  await page.goto("./#/plans");
  const again = JSON.parse(readFileSync(path, "utf8"));
  again.organization = "Changed in an editor";
  writeFileSync(path, JSON.stringify(again, null, 2));
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await page.getByRole("alertdialog").getByRole("button", { name: "Keep mine" }).click();
  await expect.poll(() => JSON.parse(readFileSync(path, "utf8")).organization).toBe("Parcelry checkout");
});

test("a change made to the file that the page has not seen is offered at the next save, never overwritten", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "plan-file-"));
  const path = join(dir, "parcelry.json");
  await fileAccess(page, join(dir, "unused.json"), path);
  await openWorkbook(page, "./#/plans");
  await page.getByRole("button", { name: "Save to file…" }).click();
  await expect(status(page)).toHaveText("Saved to parcelry.json");
  // A teammate's version lands on disk (the page has not had focus since), then an edit is
  // made in the page: its autosave finds the file changed and offers it instead of writing.
  const theirs = JSON.parse(readFileSync(path, "utf8"));
  theirs.organization = "Edited on disk";
  writeFileSync(path, JSON.stringify(theirs, null, 2));
  await page.getByLabel("Organization").fill("Edited in the page");
  await page.getByLabel("Organization").blur();
  const offer = page.getByRole("alertdialog", { name: "“parcelry.json” was changed outside the workbook" });
  await expect(offer).toBeVisible();
  expect(JSON.parse(readFileSync(path, "utf8")).organization).toBe("Edited on disk");
  await offer.getByRole("button", { name: "Keep mine" }).click();
  await expect.poll(() => JSON.parse(readFileSync(path, "utf8")).organization).toBe("Edited in the page");
  await expect(offer).toHaveCount(0);
});

test("Save to file… writes the open plan and keeps writing it; a withdrawn permission is said", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "plan-file-"));
  const path = join(dir, "parcelry.json");
  await fileAccess(page, join(dir, "unused.json"), path);
  await openWorkbook(page, "./#/plans");
  await page.getByRole("button", { name: "Save to file…" }).click();
  await expect(status(page)).toHaveText("Saved to parcelry.json");
  expect(await page.evaluate(() => (window as any).suggestedName)).toBe("Parcelry SRE transformation.json");
  const written = readFileSync(path, "utf8");
  expect(JSON.parse(written).name).toBe("Parcelry SRE transformation");
  expect(written.split("\n").length).toBeGreaterThan(500);

  await page.evaluate(() => ((window as any).filePermission = "denied"));
  await page.getByLabel("Organization").fill("Parcelry GmbH");
  await page.getByLabel("Organization").blur();
  await expect(status(page)).toHaveText(
    "Not saved to parcelry.json: the browser no longer lets the workbook write it; your edits are kept in this browser, and “Export plan” downloads a copy",
  );
  expect(JSON.parse(readFileSync(path, "utf8")).organization).not.toBe("Parcelry GmbH");
  // Stopping the binding leaves a plain "Saved".
  await page.getByRole("button", { name: "Stop saving to parcelry.json" }).click();
  await expect(status(page)).toHaveText("Saved");
});

test("without the File System Access API the buttons import and download, and say so", async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ["showOpenFilePicker", "showSaveFilePicker"]) {
      delete (Window.prototype as any)[name];
      delete (window as any)[name];
    }
  });
  await openWorkbook(page, "./#/plans");
  await expect(page.getByText("This browser cannot keep a plan bound to a file: “Open plan file…” imports a copy, and “Save to file…” downloads one.")).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save to file…" }).click()]);
  expect(file.suggestedFilename()).toBe("Parcelry SRE transformation.json");
  const plan = JSON.parse(readFileSync(await file.path(), "utf8"));
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Open plan file…" }).click()]);
  await chooser.setFiles({ name: "copy.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...plan, id: "a-copy", name: "A copy" })) });
  await expect(page.getByLabel("Plan name")).toHaveValue("A copy");
  await expect(status(page)).toHaveText("Saved");
});
