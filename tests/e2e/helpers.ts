// Shared steps of the end-to-end tests, in a user's terms.
import { expect, type Page } from "./fixtures";
import { readFile } from "node:fs/promises";

export const EXAMPLE_NAME = "Parcelry SRE transformation";

/** Opens the workbook and waits until the app has loaded and stored its state. */
export async function openWorkbook(page: Page, path = "./") {
  await page.goto(path);
  await expect(page.getByRole("navigation", { name: "Workspaces" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
}

/** The rows of the library table (without the header row). */
export function libraryRows(page: Page) {
  return page.getByRole("table", { name: "Plans stored in this browser" }).locator("tbody tr");
}

/** Clicks a button that downloads a file and returns its name and text. */
export async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

/**
 * Exports the open plan with "Export plan" and returns the file. A plan that keeps SLI
 * histories asks first (history.spec.ts tests the question); `answer` is the choice then.
 */
export async function exportPlan(page: Page, answer: "Include histories" | "Plan only" = "Include histories") {
  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export plan" }).click();
  const dialog = page.getByRole("dialog", { name: "Include the SLI histories?" });
  const first = await Promise.race([downloaded.then(() => "file"), dialog.waitFor().then(() => "question")]);
  if (first === "question") await dialog.getByRole("button", { name: answer }).click();
  const file = await downloaded;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

/** Imports a file through the "Import plan" picker. */
export async function importFile(page: Page, name: string, text: string | Buffer) {
  await page.getByLabel("Import plan").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: typeof text === "string" ? Buffer.from(text) : text,
  });
}

/**
 * Files are read only when the test lets them (as a large file on a slow disk would be read
 * only after a while). Returns a function that completes every pending read and resolves
 * once the page has run everything waiting on them: the app's reaction to a read happens in
 * promise callbacks, which all run before the next task.
 */
export async function holdFileReads(page: Page) {
  await page.addInitScript(() => {
    const read = Blob.prototype.arrayBuffer;
    const pending: (() => void)[] = [];
    (window as any).__pendingReads = () => pending.length;
    (window as any).__completeReads = () => pending.splice(0).forEach((complete) => complete());
    Blob.prototype.arrayBuffer = function () {
      return new Promise((resolve) => pending.push(() => resolve(read.call(this))));
    };
  });
  return async (count: number) => {
    await expect.poll(() => page.evaluate(() => (window as any).__pendingReads())).toBe(count);
    await page.evaluate(async () => {
      (window as any).__completeReads();
      await new Promise((next) => setTimeout(next, 0));
    });
  };
}

/**
 * Long work that yields to the browser between slices with a message to itself
 * (`next_task` in src/ui/browser.rs) pauses while the test holds such messages: `hold()`
 * keeps every message posted from then on and `held()` counts them; `deliver()` delivers the
 * held ones and resolves once the page has handled each, the work it resumed included (a
 * message's promise callbacks all run before the page's next task), while holding any
 * message posted meanwhile; `stop()` delivers them and holds no more.
 */
export async function holdMessages(page: Page) {
  await page.addInitScript(() => {
    const post = MessagePort.prototype.postMessage;
    let held: (() => void)[] | null = null;
    let delivered = 0;
    const w = window as any;
    w.__holdMessages = () => void (held ??= []);
    w.__heldMessages = () => held?.length ?? 0;
    w.__delivered = () => delivered;
    w.__deliverMessages = (holdOn: boolean) => {
      const now = held ?? [];
      held = holdOn ? [] : null;
      now.forEach((deliver) => deliver());
      return now.length;
    };
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: any[]) {
      const deliver = () => (post as any).apply(this, args);
      if (held) held.push(deliver);
      else deliver();
    } as any;
    // Deliveries are counted by a listener on each channel's receiving port, added before
    // the page's own handler and run in the same task.
    const Channel = window.MessageChannel;
    w.MessageChannel = class extends Channel {
      constructor() {
        super();
        this.port1.addEventListener("message", () => delivered++);
      }
    };
  });
  const deliver = async (holdOn: boolean) => {
    const before = await page.evaluate(() => (window as any).__delivered() as number);
    const count = await page.evaluate((holdOn) => (window as any).__deliverMessages(holdOn) as number, holdOn);
    await expect.poll(() => page.evaluate(() => (window as any).__delivered() as number)).toBe(before + count);
    return count;
  };
  return {
    hold: () => page.evaluate(() => (window as any).__holdMessages()),
    held: () => page.evaluate(() => (window as any).__heldMessages() as number),
    deliver: () => deliver(true),
    stop: () => deliver(false),
  };
}
