// The `test` and `expect` every end-to-end spec imports. On top of Playwright's own, every
// test fails if any page it opened had an uncaught error (`pageerror`: a thrown exception,
// an unhandled rejection, a Rust panic) or logged a console error, listing each one. This
// covers every page of the test's context, pages opened later, and pages of contexts the
// test makes itself with `browser.newContext()` or `browser.newPage()`.
//
// A test that provokes an error on purpose (a CSP violation, storage that throws, a server
// that is stopped) names exactly the messages it expects, for that test only:
//
//   test.describe(() => {
//     test.use({ allowedConsoleErrors: [/^Refused to execute inline script because/] });
//     test("injected inline script is blocked", async ({ page }) => { ... });
//   });
//
// Several messages go in one pattern with alternatives (`/^(first|second)$/`): Playwright
// reads a two-element array given to test.use as a value followed by its options.
//
// A pattern is tested against the message text (`RegExp.test`), so anchor it and spell out
// as much of the message as is stable; keep it as narrow as the message allows. There is no
// way to switch the check off.
import { test as base, expect, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "@playwright/test";

export { expect };
export type { Browser, Page } from "@playwright/test";

type Options = {
  /** Console errors this test provokes on purpose; every other one fails the test. */
  allowedConsoleErrors: RegExp[];
  /** Uncaught page errors this test provokes on purpose; every other one fails the test. */
  allowedPageErrors: RegExp[];
};

type Fixtures = {
  /** Collects errors from every page of the test and fails the test at teardown. */
  failOnPageErrors: void;
};

function where(message: ConsoleMessage) {
  const { url, lineNumber, columnNumber } = message.location();
  return url ? ` (at ${url}:${lineNumber}:${columnNumber})` : "";
}

/**
 * Starts recording uncaught errors and console errors of every page of `context`, and of
 * every context `browser` makes from now on, except the allowed ones. `found` lists them as
 * they come; `stop` stops watching new contexts.
 */
export function watchForErrors({ context, browser, allowedConsoleErrors = [], allowedPageErrors = [] }: {
  context: BrowserContext;
  browser: Browser;
  allowedConsoleErrors?: RegExp[];
  allowedPageErrors?: RegExp[];
}) {
  const found: string[] = [];
  const watchedPages = new WeakSet<Page>();
  const watchPage = (page: Page) => {
    if (watchedPages.has(page)) return;
    watchedPages.add(page);
    page.on("pageerror", (error) => {
      if (allowedPageErrors.some((allowed) => allowed.test(error.message))) return;
      const text = error.stack?.includes(error.message) ? error.stack : `${error.name}: ${error.message}`;
      found.push(`pageerror on ${page.url()}: ${text}`);
    });
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (allowedConsoleErrors.some((allowed) => allowed.test(message.text()))) return;
      found.push(`console error on ${page.url()}: ${message.text()}${where(message)}`);
    });
  };
  const watchContext = (c: BrowserContext) => {
    c.pages().forEach(watchPage);
    c.on("page", watchPage);
  };
  watchContext(context);
  // Contexts the test makes itself (a second browser for a share link, a server of its
  // own) are watched too; `browser.newPage()` makes a context as well.
  browser.on("context", watchContext);
  return { found, stop: () => void browser.off("context", watchContext) };
}

export const test = base.extend<Options & Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  allowedPageErrors: [[], { option: true }],

  failOnPageErrors: [
    async ({ context, browser, allowedConsoleErrors, allowedPageErrors }, use) => {
      const watch = watchForErrors({ context, browser, allowedConsoleErrors, allowedPageErrors });
      try {
        await use();
      } finally {
        watch.stop();
      }
      if (watch.found.length > 0) {
        throw new Error(`The page reported ${watch.found.length} error(s):\n${watch.found.map((f) => `  - ${f}`).join("\n")}`);
      }
    },
    { auto: true },
  ],
});
