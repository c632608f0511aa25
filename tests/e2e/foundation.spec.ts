// The foundation as a user meets it: first visit, autosave across reloads, export and
// import, bad files, offline, sub-path hosting, deep links and the library operations.
import { expect, test } from "./fixtures";
import type { AddressInfo } from "node:net";
import { serve } from "../../scripts/serve.mjs";
import { EXAMPLE_NAME, download, exportPlan, importFile, libraryRows, openWorkbook } from "./helpers";

test("first visit opens the example plan", async ({ page }) => {
  await openWorkbook(page);
  await expect(page).toHaveURL(/#\/plans$/);
  await expect(page.getByRole("heading", { level: 1, name: "Plans" })).toBeVisible();
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  await expect(page.locator(".open-plan-name")).toHaveText(EXAMPLE_NAME);
  await expect(page.getByText("4 stakeholder groups, 5 teams, 3 assessment rounds, 6 coaching actions · 4 services, 3 user journeys, 9 SLOs · 3 scenarios")).toBeVisible();
  for (const name of ["Plans", "Transition", "SLOs", "Scenarios"]) {
    await expect(page.getByRole("navigation").getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(libraryRows(page)).toHaveCount(1);
});

test("an edit survives a reload", async ({ page }) => {
  await openWorkbook(page);
  await page.getByLabel("Plan name").fill("Parcelry plan, revised");
  await page.getByLabel("Organization").fill("Parcelry GmbH");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Plan name")).toHaveValue("Parcelry plan, revised");
  await expect(page.getByLabel("Organization")).toHaveValue("Parcelry GmbH");
  await expect(libraryRows(page)).toHaveCount(1);
});

test("an edit is kept even when the page is reloaded at once", async ({ page }) => {
  await openWorkbook(page);
  await page.getByLabel("Organization").fill("Parcelry, reloaded at once");
  await page.reload();
  await expect(page.getByLabel("Organization")).toHaveValue("Parcelry, reloaded at once");
});

test("an empty plan name is refused at the field and never stored", async ({ page }) => {
  await openWorkbook(page);
  await page.getByLabel("Plan name").fill("");
  await expect(page.getByText("The plan needs a name.")).toBeVisible();
  await expect(page.getByLabel("Plan name")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
});

test("export then import gives an identical plan", async ({ page }) => {
  await openWorkbook(page);
  const exported = await exportPlan(page);
  expect(exported.name).toBe(`${EXAMPLE_NAME}.json`);
  expect(exported.text).toMatch(/^\{\n  "\$schema": "http:\/\/127\.0\.0\.1:\d+\/plan\.schema\.json",\n  "format": "sre-workbook-plan",\n  "version": 4,/);

  // Same id: the user is asked; "Replace" swaps in the file's plan.
  await importFile(page, exported.name, exported.text);
  const dialog = page.getByRole("dialog", { name: "This plan is already in your library" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Replace" }).click();
  await expect(dialog).toBeHidden();
  await expect(libraryRows(page)).toHaveCount(1);
  const again = await exportPlan(page);
  expect(again.text).toBe(exported.text);

  // "Keep both" adds a copy with a new id and everything else the same.
  await importFile(page, exported.name, exported.text);
  await dialog.getByRole("button", { name: "Keep both" }).click();
  await expect(libraryRows(page)).toHaveCount(2);
  await expect(page.getByLabel("Plan name")).toHaveValue(`${EXAMPLE_NAME} (imported)`);
  const copy = JSON.parse((await exportPlan(page)).text);
  const original = JSON.parse(exported.text);
  expect(copy.id).not.toBe(original.id);
  for (const field of ["transition", "slo_catalog", "scenarios", "challenge", "organization", "updated"]) {
    expect(copy[field]).toEqual(original[field]);
  }
});

test("Escape closes the import dialog without changing anything", async ({ page }) => {
  await openWorkbook(page);
  const exported = await exportPlan(page);
  await importFile(page, exported.name, exported.text);
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(libraryRows(page)).toHaveCount(1);
});

test("a malformed file shows its problems and leaves the library unchanged", async ({ page }) => {
  await openWorkbook(page);
  await importFile(page, "broken.json", '{\n  "format": "sre-workbook-plan",\n  "version": 1,\n  "name": oops\n}');
  const alert = page.getByRole("alert").filter({ hasText: "Could not import “broken.json”" });
  await expect(alert).toContainText("nothing was changed");
  await expect(alert).toContainText("not valid JSON at line 4, column 11: expected value");
  await expect(libraryRows(page)).toHaveCount(1);

  // A well-formed file with several problems lists each with its field path.
  const exported = await exportPlan(page);
  const plan = JSON.parse(exported.text);
  plan.id = "another-plan";
  plan.slo_catalog.slos[2].target_percent = 100.5;
  plan.scenarios[0].slo = "ghost";
  await importFile(page, "invalid.json", JSON.stringify(plan));
  const problems = page.getByRole("alert").filter({ hasText: "Could not import “invalid.json”" });
  await expect(problems).toContainText("2 problems:");
  await expect(problems.getByRole("listitem")).toHaveText([
    "slo_catalog.slos[2].target_percent: 100.5 is not between 0 and 100 (both excluded)",
    'scenarios[0].slo: refers to SLO "ghost", which is not in this plan',
  ]);
  await expect(libraryRows(page)).toHaveCount(1);

  await importFile(page, "future.json", JSON.stringify({ ...plan, version: 99 }));
  await expect(page.getByRole("alert")).toContainText("version: 99 is newer than this app understands (up to 4)");
  await page.reload();
  await expect(libraryRows(page)).toHaveCount(1);
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
});

test("a dropped file is imported", async ({ page }) => {
  await openWorkbook(page);
  const exported = await exportPlan(page);
  const plan = JSON.parse(exported.text);
  plan.id = "dropped-plan";
  plan.name = "Dropped plan";
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return data;
  }, JSON.stringify(plan));
  await page.locator("main").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByText("Imported “Dropped plan”.")).toBeVisible();
  await expect(libraryRows(page)).toHaveCount(2);
});

test("library: new, rename, duplicate, delete and undo", async ({ page }) => {
  await openWorkbook(page);
  await page.getByRole("button", { name: "New blank plan" }).click();
  await expect(page.getByLabel("Plan name")).toHaveValue("Untitled plan");
  await expect(page.getByText("4 stakeholder groups, 0 teams, 0 assessment rounds")).toBeVisible();
  await expect(libraryRows(page)).toHaveCount(2);

  await page.getByRole("button", { name: "Rename Untitled plan" }).click();
  await page.getByLabel("New name for Untitled plan").fill("Platform team pilot");
  await page.getByLabel("New name for Untitled plan").press("Enter");
  await expect(libraryRows(page).filter({ hasText: "Platform team pilot" })).toHaveCount(1);

  await page.getByRole("button", { name: `Duplicate ${EXAMPLE_NAME}` }).click();
  await expect(page.getByLabel("Plan name")).toHaveValue(`${EXAMPLE_NAME} (copy)`);
  await expect(libraryRows(page)).toHaveCount(3);

  await page.getByRole("button", { name: "Delete Platform team pilot" }).click();
  await expect(page.getByText("Deleted “Platform team pilot”.")).toBeVisible();
  await expect(libraryRows(page)).toHaveCount(2);
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(libraryRows(page)).toHaveCount(3);

  await page.getByRole("button", { name: `Open ${EXAMPLE_NAME}`, exact: true }).click();
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(libraryRows(page)).toHaveCount(3);
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
});

test("workspaces are deep links that survive a reload", async ({ page }) => {
  await openWorkbook(page, "./#/slos");
  await expect(page.getByRole("heading", { level: 1, name: "SLOs" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Label purchase succeeds/ })).toContainText("99.9");
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Transition", exact: true }).click();
  await expect(page).toHaveURL(/#\/transition$/);
  await expect(page.getByRole("heading", { level: 1, name: "Transition" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Transition", exact: true })).toHaveAttribute("aria-current", "page");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Transition" })).toBeVisible();
  // Opening the bare address again, a returning user starts on the Overview.
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

test("an unreadable stored plan is set aside, offered for download, and not overwritten", async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      sessionStorage.setItem("seeded", "1");
      localStorage.setItem("sre-workbook/plan/lost", '{"format": "sre-workbook-plan", "version": 1, "id": "lo');
      localStorage.setItem("sre-workbook/session", '{"open_plan": null, "route": "#/plans", "visited": true}');
    }
  });
  await page.goto("./");
  const banner = page.getByRole("alert").filter({ hasText: "A stored plan could not be read and was set aside" });
  await expect(banner).toContainText("not valid JSON at line 1");
  const saved = await download(page, () => banner.getByRole("button", { name: "Download it" }).click());
  expect(saved.text).toBe('{"format": "sre-workbook-plan", "version": 1, "id": "lo');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("sre-workbook/set-aside/")));
  expect(stored).toHaveLength(1);
});

test("with the server stopped, a reload still works", async ({ browser }) => {
  const server = await serve({ root: "dist", port: 0 });
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext();
  const page = await context.newPage();
  await openWorkbook(page, `http://127.0.0.1:${port}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await page.getByLabel("Organization").fill("Offline Parcelry");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
  await page.reload();
  await expect(page.getByLabel("Organization")).toHaveValue("Offline Parcelry");
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "SLOs", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SLOs" })).toBeVisible();
  await context.close();
});

test("served under a sub-path it still works", async ({ browser }) => {
  const server = await serve({ root: "dist", port: 0, prefix: "/workbook/" });
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext();
  const page = await context.newPage();
  const failed: string[] = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(r.url()));
  await openWorkbook(page, `http://127.0.0.1:${port}/workbook/`);
  await expect(page.getByLabel("Plan name")).toHaveValue(EXAMPLE_NAME);
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Scenarios", exact: true }).click();
  await expect(page).toHaveURL(`http://127.0.0.1:${port}/workbook/#/scenarios`);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Scenarios" })).toBeVisible();
  expect(failed).toEqual([]);
  await context.close();
  server.close();
});

test("a new deployment is picked up on the next visit and the old cache removed", async ({ browser }) => {
  const { cp, mkdtemp, readFile, writeFile } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const root = await mkdtemp(join(tmpdir(), "workbook-deploy-"));
  await cp("dist", root, { recursive: true });
  const server = await serve({ root, port: 0 });
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext();
  const page = await context.newPage();
  await openWorkbook(page, `http://127.0.0.1:${port}/`);
  const cacheNames = () => page.evaluate(() => caches.keys());
  // The first visit is over once its service worker has cached the build and taken control.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await expect.poll(cacheNames).toHaveLength(1);
  const [oldCache] = await cacheNames();

  // Deploy a new build: a changed page and a service worker with a new cache name.
  const sw = await readFile(join(root, "sw.js"), "utf8");
  await writeFile(join(root, "sw.js"), sw.replace(oldCache.replace("sre-workbook-", ""), "nextdeploy"));
  const html = await readFile(join(root, "index.html"), "utf8");
  await writeFile(join(root, "index.html"), html.replace("<title>SRE Foundations Workbook</title>", "<title>SRE Foundations Workbook (next)</title>"));
  // A deployment replaces the precompressed copies too (the server prefers them).
  const { brotliCompressSync, gzipSync } = await import("node:zlib");
  for (const file of ["sw.js", "index.html"]) {
    const body = await readFile(join(root, file));
    await writeFile(join(root, `${file}.br`), brotliCompressSync(body));
    await writeFile(join(root, `${file}.gz`), gzipSync(body));
  }

  await page.reload();
  await expect(page).toHaveTitle("SRE Foundations Workbook (next)");
  await expect.poll(cacheNames).toEqual(["sre-workbook-nextdeploy"]);
  await context.close();
  server.close();
});
