// Code loaded per workspace (src/ui/lazy_workspace.rs, scripts/split-wasm.mjs): a first
// visit fetches the shell and the Plans workspace only, its modules in one pack
// (scripts/wasm-packs.mjs); other workspaces fetch their pack when opened; a pack that cannot
// be fetched is explained with a Retry, never a blank page; sections below a workspace's
// first screen (Scenarios' column beside the editor and Replay history, the Transition
// workshop) are parts fetched after it, each failing alone; a page of an old deployment
// never runs the chunks of a new one.
import { expect, test, type Page } from "./fixtures";
import { readdir, readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { serve } from "../../scripts/serve.mjs";
import { packsOf } from "../../scripts/wasm-packs.mjs";
import { EXAMPLE_NAME, libraryRows, openWorkbook } from "./helpers";

/** The packs `page` requests from now on, by file name, in order. */
function packRequests(page: Page): string[] {
  const packs: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".pack")) packs.push(r.url().slice(r.url().lastIndexOf("/") + 1));
  });
  return packs;
}

const splitOf = (url: string) => url.match(/\/workspace_(\w+)\.pack$/)?.[1];

test("a first visit fetches the Plans workspace's code only; Scenarios fetches its own when opened", async ({ page }) => {
  const splits: string[] = [];
  const wasm: string[] = [];
  page.on("request", (r) => {
    const split = splitOf(r.url());
    if (split) splits.push(split);
    if (/\.(wasm|pack)$/.test(r.url())) wasm.push(r.url().slice(r.url().lastIndexOf("/") + 1));
  });
  await openWorkbook(page);
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  expect(splits).toEqual(["plans"]);
  // Two requests for the app's code before it is interactive (issue 27: at most 8).
  expect(wasm.slice(0, 2).sort()).toEqual(["sre-workbook_bg.wasm", "workspace_plans.pack"]);

  // Style sheets too: the shell's and the first screen's are in the page; a workspace's comes
  // with its code, and the workspace shows once both are here.
  const sheets = () =>
    page.evaluate(() =>
      [...document.styleSheets].filter((s) => s.cssRules.length > 0).map((s) => s.href?.replace(/^.*\/(\w+)-[0-9a-f]+\.css$/, "$1") ?? "in the page"),
    );
  expect(await sheets()).toEqual(["in the page", "in the page"]);

  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Scenarios", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scenarios" })).toBeVisible();
  expect(await sheets()).toEqual(["in the page", "in the page", "scenarios"]);
  expect(splits).toEqual(["plans", "scenarios"]);
  // Back to Plans: its code is already here.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  expect(splits).toEqual(["plans", "scenarios"]);
});

// Each workspace's sheet comes only with its pack, so what several workspaces draw (field
// rows, checkboxes, confirm buttons, catalog cards, figures, charts' data tables) is styled
// by the shell's sheet: opened first, with no other workspace's sheet, each is drawn in full.
for (const [route, checks] of [
  ["scenarios", [[".field-row", "display", "flex"], ["label.checkbox, .checkbox", "display", "flex"], [".confirm-button", "column-gap", "8px"], [".show-data", "margin-top", "12px"]]],
  ["transition", [[".catalog-grid", "display", "grid"], [".field-row", "display", "flex"], [".checkbox-group .checkbox", "display", "inline-flex"], [".chart-svg svg", "display", "block"]]],
  ["slos", [[".figures", "display", "grid"], [".field-row", "display", "flex"], ["fieldset", "border-top-style", "solid"]]],
] as const) {
  test(`opened first on ${route}, the components it shares with other workspaces are styled`, async ({ page }) => {
    await openWorkbook(page, `./#/${route}`);
    for (const [selector, property, value] of checks) {
      await expect(page.locator(selector).first(), `${selector} ${property}`).toHaveCSS(property, value);
    }
  });
}

test("a first visit never fetches the plan reader; a returning visit fetches it beside its workspace, and an import on a first visit on use", async ({ page }) => {
  const wasm: string[] = [];
  page.on("request", (r) => {
    if (/\.(wasm|pack)$/.test(r.url())) wasm.push(r.url().slice(r.url().lastIndexOf("/") + 1));
  });
  // The example plan is built by code: nothing is read on a first visit.
  await openWorkbook(page);
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  expect(wasm).not.toContain("plan_reader.pack");

  // A file picked on the first visit is read once the reader has arrived.
  const { readFileSync } = await import("node:fs");
  const plan = JSON.parse(readFileSync("src/model/plan/example_plan.json", "utf8"));
  Object.assign(plan, { id: "reader-on-use", name: "Read on use" });
  await page.setInputFiles("#import-plan", { name: "read-on-use.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(plan)) });
  await expect(page.getByText("Imported “Read on use”.")).toBeVisible();
  expect(wasm.filter((f) => f === "plan_reader.pack")).toHaveLength(1);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // Back again (on the Plans page, as the address says): the stored plans are read with the
  // reader, requested beside the workspace's pack.
  wasm.length = 0;
  await page.reload();
  await expect(libraryRows(page)).toHaveCount(2);
  expect(wasm.slice(0, 3).sort()).toEqual(["plan_reader.pack", "sre-workbook_bg.wasm", "workspace_plans.pack"]);
});

test.describe(() => {
  test.use({
    allowedConsoleErrors: [/^(TypeError: Failed to fetch\b|Failed to load resource: net::ERR_FAILED$|Error: plan_reader\.pack\b)/],
    serviceWorkers: "block",
  });

  test("when the plan reader cannot be fetched, stored plans are left exactly as they are and the header says why", async ({ page }) => {
    await openWorkbook(page);
    await page.getByLabel("Plan name").fill("Kept while offline");
    await page.getByLabel("Plan name").press("Tab");
    await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
    const stored = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("sre-workbook/plan/")).sort());
    const before = await stored();

    await page.route("**/plan_reader.pack", (route) => route.abort("failed"));
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "Not saved: the plans stored in this browser could not be read: the part of the workbook that reads plans could not be loaded" })).toBeVisible();
    // An edit here is not saved over what is stored.
    await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
    await page.getByLabel("Plan name").fill("Edited without the reader");
    await page.getByLabel("Plan name").press("Tab");
    await page.waitForTimeout(1_000);
    expect(await stored()).toEqual(before);

    await page.unroute("**/plan_reader.pack");
    await page.reload();
    await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plans", exact: true }).click();
    await expect(page.getByLabel("Plan name")).toHaveValue("Kept while offline");
  });
});

test.describe(() => {
  // The split loader logs the failed fetch; Chromium logs the aborted request. (One pattern:
  // Playwright reads a two-element array given to test.use as a value and its options.)
  // No service worker: once installed it has every chunk cached, and the network no longer matters.
  test.use({
    allowedConsoleErrors: [/^(TypeError: Failed to fetch\b|Failed to load resource: net::ERR_FAILED$)/],
    serviceWorkers: "block",
  });

  test("the SLOs page's production files are written by a part fetched on the first export; without it the page says why", async ({ page }) => {
    const packs = packRequests(page);
    await openWorkbook(page, "./#/slos");
    await expect(page.getByRole("heading", { name: "Export for production" })).toBeVisible();
    expect(packs).not.toContain("production_exports.pack");

    await page.route("**/production_exports.pack", (route) => route.abort("failed"));
    await page.getByRole("button", { name: "Export Prometheus rules" }).click();
    await expect(page.getByTestId("export-files")).toHaveText(
      "The files could not be made: the part of the workbook that writes production files could not be loaded; check the connection and try again.",
    );

    await page.unroute("**/production_exports.pack");
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export Prometheus rules" }).click()]);
    expect(file.suggestedFilename()).toBe("Parcelry SRE transformation - Prometheus rules.yml");
    await expect(page.getByTestId("export-files")).toHaveText("");
  });

  test("opening on Scenarios fetches its first screen's code; the sections below it come after, once each, without the workspace's chunks", async ({ page }) => {
    const packs = packRequests(page);
    await openWorkbook(page, "./#/scenarios");
    await expect(page.getByRole("heading", { name: "Compare scenarios" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "What “This quarter's incidents” does" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Monte Carlo: will the budget hold?" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Replay history" })).toBeVisible();
    await expect(page.getByText("Import history")).toBeVisible();
    await expect.poll(() => [...packs].sort()).toEqual(["scenarios_history.pack", "scenarios_side.pack", "workspace_scenarios.pack"]);
    expect(packs[0]).toBe("workspace_scenarios.pack");
    // The sections' packs leave out what the workspace's pack brought (the loader takes each
    // module from the first pack that holds it).
    const dir = (await readdir("dist")).find((f) => /^wasm-[0-9a-f]+$/.test(f))!;
    const listed = packsOf(await readFile(`dist/${dir}/__wasm_split.js`, "utf8"));
    const workspace = Object.keys(listed.workspace_scenarios.parts);
    for (const section of ["scenarios_history", "scenarios_side"]) {
      expect(Object.keys(listed[section].parts).filter((part) => workspace.includes(part))).toEqual([]);
    }

    // Another scenario shown: its column is drawn by the code already here.
    await page.getByRole("button", { name: "Double the release rate" }).click();
    await expect(page.getByRole("heading", { name: "What “Double the release rate” does" })).toBeVisible();
    expect(packs).toHaveLength(3);
  });

  test("a section whose code cannot be fetched says so beside a working page, and Retry loads it", async ({ page }) => {
    await page.route("**/scenarios_history.pack", (route) => route.abort("failed"));
    await openWorkbook(page, "./#/scenarios");
    const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "Replay history" }) });
    await expect(section.getByRole("alert")).toHaveText("This section could not be loaded: its code did not arrive; check the connection and try again.");
    // The rest of the page works.
    await expect(page.getByRole("heading", { name: "What “This quarter's incidents” does" })).toBeVisible();
    await page.getByRole("button", { name: "Double the release rate" }).click();
    await expect(page.getByRole("heading", { name: "What “Double the release rate” does" })).toBeVisible();

    await page.unroute("**/scenarios_history.pack");
    await section.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByText("Import history")).toBeVisible();
    await expect(page.getByText("This section could not be loaded")).toHaveCount(0);
  });

  test("the workshop's code is fetched when it is first opened; without it the page says why, and it opens once it can", async ({ page }) => {
    const packs = packRequests(page);
    await openWorkbook(page, "./#/transition");
    await expect(page.getByRole("button", { name: "Run workshop" })).toBeEnabled();
    expect(packs).toEqual(["workspace_transition.pack"]);

    await page.route("**/transition_workshop.pack", (route) => route.abort("failed"));
    await page.getByRole("button", { name: "Run workshop" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "workshop" })).toHaveText(
      "The workshop could not be opened: its code did not arrive; check the connection and try again.",
    );
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await page.unroute("**/transition_workshop.pack");
    await page.getByRole("button", { name: "Run workshop" }).click();
    await expect(page.getByRole("dialog", { name: /^Assessment workshop — / })).toBeVisible();
    await expect(page.getByText("The workshop could not be opened")).toHaveCount(0);
  });

  test("a workspace whose code cannot be fetched says so, keeps the plan, and Retry loads it", async ({ page }) => {
    await openWorkbook(page);
    await page.route("**/workspace_report.pack", (route) => route.abort("failed"));
    await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Report", exact: true }).click();
    const problem = page.getByRole("alert").filter({ hasText: "could not be loaded" });
    await expect(problem.getByRole("heading", { name: "The Report workspace could not be loaded" })).toBeVisible();
    await expect(problem).toContainText("Your plans are saved in this browser and nothing was lost.");
    // The rest of the workbook still works.
    await expect(page.getByRole("navigation", { name: "Workspaces" })).toBeVisible();

    await page.unroute("**/workspace_report.pack");
    await problem.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByRole("heading", { level: 1, name: EXAMPLE_NAME })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "The challenge" })).toBeVisible();
    await expect(problem).toHaveCount(0);
  });
});

test.describe(() => {
  test.use({
    allowedConsoleErrors: [
      /^(Failed to load resource: the server responded with a status of 404 \(Not Found\)$|Error: workspace_slos\.pack: HTTP 404\b)/,
    ],
  });

  test("a page of an old deployment does not mix in the new build's chunks: it says so and Reload gets the new build", async ({ browser }) => {
    const { cp, mkdtemp, rename, writeFile, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const root = await mkdtemp(join(tmpdir(), "workbook-chunks-"));
    await cp("dist", root, { recursive: true });
    const server = await serve({ root, port: 0 });
    const { port } = server.address() as AddressInfo;
    // No service worker: it would serve the old build's chunks from its cache (which is fine,
    // but this test is about a host that no longer has them).
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await openWorkbook(page, `http://127.0.0.1:${port}/`);

    // A new deployment replaces the build directory and the page that names it.
    const [old] = (await readdir(root)).filter((f) => /^wasm-[0-9a-f]+$/.test(f));
    await rename(join(root, old), join(root, "wasm-nextdeploy"));
    for (const file of ["index.html", "index.html.br", "index.html.gz"]) await rm(join(root, file));
    // Its inline scripts name the new directory, so the policy allows their new hashes.
    const { createHash } = await import("node:crypto");
    const scriptHashes = (page: string) =>
      [...page.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => createHash("sha256").update(m[1]).digest("base64"));
    const html = await readFile(join("dist", "index.html"), "utf8");
    let next = html.replaceAll(old, "wasm-nextdeploy");
    const [before, after] = [scriptHashes(html), scriptHashes(next)];
    // The share-link script, Trunk's loader and the chunk preloader.
    expect(before).toHaveLength(3);
    before.forEach((hash, i) => (next = next.replace(hash, after[i])));
    await writeFile(join(root, "index.html"), next);

    await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "SLOs", exact: true }).click();
    const problem = page.getByRole("alert").filter({ hasText: "could not be loaded" });
    await expect(problem.getByRole("heading", { name: "The SLOs workspace could not be loaded" })).toBeVisible();
    await problem.getByRole("button", { name: "Reload the workbook" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "SLOs" })).toBeVisible();
    await context.close();
    server.close();
  });
});
