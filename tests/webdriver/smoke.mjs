// The release build in the engines without the File System Access API, driven through
// WebDriver as a user's browser: Firefox ESR (geckodriver) and WebKitGTK, Safari's engine
// (WebKitWebDriver, under xvfb-run). What their users get: the first visit, every
// workspace, an edit kept after a reload, a plan file exported and imported, the file
// buttons' fallback, a share link, and (Firefox, through WebDriver BiDi) no console error.
//
//   node --test tests/webdriver/smoke.mjs     (make test-webdriver; dist/ must be built)
//
// ENGINES=firefox or ENGINES=webkit runs one of them.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { Builder, By, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { serve } from "../../scripts/serve.mjs";

const WAIT = 20_000;
const EXAMPLE = JSON.parse(readFileSync("src/model/plan/example_plan.json", "utf8"));
const engines = (process.env.ENGINES ?? "firefox,webkit").split(",");

/** The first executable of `names` on PATH (or an absolute path that exists). */
function which(...names) {
  for (const name of names) {
    if (name.startsWith("/") && existsSync(name)) return name;
    for (const dir of (process.env.PATH ?? "").split(":")) if (existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`none of ${names.join(", ")} is installed (make browser installs them)`);
}

/** A free port. */
async function freePort() {
  const { createServer } = await import("node:net");
  return new Promise((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/** Waits until `url` answers. */
async function answering(url) {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(url);
      return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

/** Firefox through geckodriver, headless, downloading into `downloads`; console errors and uncaught exceptions are collected. */
async function startFirefox(downloads) {
  const options = new firefox.Options()
    .setBinary(which("firefox-esr", "firefox"))
    .addArguments("-headless")
    .setPreference("browser.download.folderList", 2)
    .setPreference("browser.download.dir", downloads)
    .setPreference("browser.download.useDownloadDir", true)
    .setPreference("browser.download.always_ask_before_handling_new_types", false)
    .enableBidi();
  const service = new firefox.ServiceBuilder(which(`${process.env.HOME}/.cargo/bin/geckodriver`, "geckodriver"));
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  const errors = [];
  const { default: LogInspector } = await import("selenium-webdriver/bidi/logInspector.js");
  const inspector = await LogInspector(driver);
  await inspector.onConsoleEntry((entry) => entry.level === "error" && errors.push(`console: ${entry.text}`));
  await inspector.onJavascriptException((entry) => errors.push(`uncaught: ${entry.text}`));
  return { driver, errors, stop: async () => driver.quit() };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver under xvfb-run. Classic WebDriver only: console errors are not visible to it. */
async function startWebKit() {
  const port = await freePort();
  const server = spawn(which("xvfb-run"), ["-a", which("WebKitWebDriver"), `--port=${port}`], { stdio: "ignore", detached: true });
  await answering(`http://127.0.0.1:${port}/status`);
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: which("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", "MiniBrowser"), args: ["--automation"] } })
    .build();
  return {
    driver,
    errors: null,
    stop: async () => {
      await driver.quit().catch(() => {});
      try {
        process.kill(-server.pid);
      } catch {}
    },
  };
}

for (const engine of engines) {
  describe(`${engine}: the release build without the File System Access API`, () => {
    let site;
    let base;
    let browser;
    let driver;
    const downloads = mkdtempSync(join(tmpdir(), `webdriver-${engine}-`));

    before(async () => {
      site = await serve({ root: "dist", port: await freePort() });
      base = `http://127.0.0.1:${site.address().port}/`;
      browser = engine === "firefox" ? await startFirefox(downloads) : await startWebKit();
      driver = browser.driver;
    });
    after(async () => {
      await browser?.stop();
      site?.close();
    });

    /** Retries `fn` until it gives a truthy value, through elements the app replaces while it starts. */
    const retry = (what, fn) =>
      driver.wait(async () => {
        try {
          return await fn();
        } catch (e) {
          if (["StaleElementReferenceError", "NoSuchElementError", "ElementNotInteractableError"].includes(e.name)) return false;
          throw e;
        }
      }, WAIT, what);
    /** Opens `url` and waits until the app (not the build-time first screen) shows a workspace. */
    const open = async (url) => {
      await driver.get(url);
      await retry("the app started", () =>
        driver.executeScript("const app = document.getElementById('app'); return !document.getElementById('first-screen') && app && !app.hidden && !!app.querySelector('h1');"),
      );
    };
    const xpathText = (tag, text) => By.xpath(`//${tag}[normalize-space(.)=${JSON.stringify(text)}]`);
    /** Waits until an element `tag` with the text `text` is shown. */
    const shown = (tag, text) => retry(`${tag} “${text}”`, async () => driver.findElement(xpathText(tag, text)).isDisplayed());
    /** Clicks the button `text`. */
    const click = (text) => retry(`click “${text}”`, async () => (await driver.findElement(xpathText("button", text)).click(), true));
    const fieldOf = (label) => By.xpath(`//label[normalize-space(.)=${JSON.stringify(label)}]/following::*[self::input or self::textarea][1]`);
    /** Waits until the field `label` holds `value`. */
    const holds = (label, value) => retry(`${label} = ${value}`, async () => (await driver.findElement(fieldOf(label)).getAttribute("value")) === value);
    const saved = () => retry("Saved", async () => (await driver.findElement(By.css("header [role=status]")).getText()) === "Saved");

    test("a first visit shows the example plan on the Plans page", async () => {
      await open(base);
      await shown("h1", "Plans");
      await holds("Plan name", "Parcelry SRE transformation");
      await saved();
    });

    test("every workspace opens", async () => {
      for (const [hash, heading] of [["overview", "Overview"], ["transition", "Transition"], ["slos", "SLOs"], ["scenarios", "Scenarios"], ["plans", "Plans"]]) {
        await open(`${base}#/${hash}`);
        await shown("h1", heading);
      }
      // Sections below a workspace's first screen are parts fetched after it (compiled from
      // their packs as they arrive): Scenarios' results column and Replay history.
      await open(`${base}#/scenarios`);
      await shown("h3", "Burn rate");
      await shown("h2", "Replay history");
      await retry("Replay history loaded", async () => (await driver.findElements(xpathText("label", "Import history"))).length === 1);
      // The Report lays out the plan under its name, with its print button.
      await open(`${base}#/report`);
      await shown("button", "Print or save as PDF");
      await retry("the report names the plan", async () => (await driver.findElement(By.css("#app")).getText()).includes("Parcelry SRE transformation"));
    });

    test("an edit is kept after a reload", async () => {
      await open(`${base}#/plans`);
      await retry("type the organization", async () => {
        const organization = await driver.findElement(fieldOf("Organization"));
        await organization.clear();
        await organization.sendKeys(`Parcelry in ${engine}`);
        await driver.findElement(fieldOf("Plan name")).click();
        return true;
      });
      await saved();
      await driver.navigate().refresh();
      await retry("the app started", () => driver.executeScript("return !!document.querySelector('#app h1') && !document.getElementById('first-screen');"));
      await holds("Organization", `Parcelry in ${engine}`);
    });

    test("the file buttons say they import and download here", async () => {
      await open(`${base}#/plans`);
      await shown("p", "This browser cannot keep a plan bound to a file: “Open plan file…” imports a copy, and “Save to file…” downloads one.");
      await shown("button", "Open plan file…");
      await shown("button", "Save to file…");
    });

    test("a plan file is imported, and (Firefox) exported as a download", async () => {
      await open(`${base}#/plans`);
      if (engine === "firefox") {
        await click("Save to file…");
        const file = join(downloads, "Parcelry SRE transformation.json");
        await driver.wait(async () => existsSync(file) && readFileSync(file, "utf8").trimEnd().endsWith("}"), WAIT, `download in ${readdirSync(downloads)}`);
        assert.equal(JSON.parse(readFileSync(file, "utf8")).organization, "Parcelry in firefox");
      }
      const path = join(mkdtempSync(join(tmpdir(), "plan-")), "imported.json");
      writeFileSync(path, JSON.stringify({ ...EXAMPLE, id: `imported-${engine}`, name: `Imported in ${engine}` }, null, 2));
      await retry("pick the file", async () => (await driver.findElement(By.css("#import-plan")).sendKeys(path), true));
      await holds("Plan name", `Imported in ${engine}`);
      await saved();
    });

    test("a share link offers its plan", async () => {
      const plan = { ...EXAMPLE, id: `shared-${engine}`, name: `Shared with ${engine}`, histories: [] };
      const payload = deflateRawSync(Buffer.from(JSON.stringify(plan)), { level: 9 }).toString("base64url");
      await open(`${base}#share=${payload}`);
      await shown("h2", "Import the shared plan?");
      await retry("Import plan", async () => (await driver.findElement(By.xpath("//dialog[@open]//button[normalize-space(.)='Import plan']")).click(), true));
      await open(`${base}#/plans`);
      await holds("Plan name", `Shared with ${engine}`);
    });

    test("no console error or uncaught exception", { skip: engine === "webkit" && "WebKitWebDriver has no WebDriver BiDi to read the console" }, () => {
      assert.deepEqual(browser.errors, []);
    });
  });
}
