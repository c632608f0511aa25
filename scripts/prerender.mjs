// Trunk post_build step (after split-wasm.mjs, before the Content-Security-Policy): draws the
// first visit's screen, the Plans page with the example plan, with the release build itself
// in headless Chromium, and writes that markup into index.html's #first-screen. A first
// visit then shows it with the page, before any wasm arrives; the app renders out of sight
// and takes its place (src/ui/first_screen.rs, index.html's first script). The markup comes
// from the app's own views, never a copy by hand, so it cannot drift from the app.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";
import { serve } from "./serve.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook");
  process.exit(1);
}
const page = join(staging, "index.html");
const html = readFileSync(page, "utf8");
const SLOT = '<div id="first-screen"></div>';
if (!html.includes(SLOT)) throw new Error(`prerender: index.html has no ${SLOT}`);

const server = await serve({ root: staging, port: 0 });
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }).catch((e) => {
    throw new Error(`prerender: Chromium did not start (make browser installs it): ${e.message}`);
  });
  // A new visitor: no storage, no service worker; a phone's width does not change the markup.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const tab = await context.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => performance.getEntriesByName("workbook-interactive").length > 0, null, { timeout: 60_000 });
  const markup = await tab.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const app = document.getElementById("app");
    // What a field shows is a property; the markup must carry it as its default.
    for (const field of app.querySelectorAll("input, textarea, select")) {
      if (field.type === "checkbox" || field.type === "radio") field.toggleAttribute("checked", field.checked);
      else if (field.tagName === "TEXTAREA") field.textContent = field.value;
      else if (field.tagName === "SELECT") for (const o of field.options) o.toggleAttribute("selected", o.selected);
      else if (field.type !== "file") field.setAttribute("value", field.value);
    }
    return app.innerHTML.replace(/<!---->/g, "");
  });
  if (errors.length > 0) throw new Error(`prerender: the page failed: ${errors.join("; ")}`);
  if (!markup.includes("<h1>Plans</h1>")) throw new Error("prerender: the first visit did not show the Plans page");
  writeFileSync(page, html.replace(SLOT, `<div id="first-screen">${markup}</div>`));
  console.log(`prerender: the first screen is ${(markup.length / 1024).toFixed(1)} KB of markup`);
} finally {
  await browser?.close();
  server.close();
}
