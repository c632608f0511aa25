// Debian's Chromium and the flags every headless run here uses (end-to-end tests,
// benchmarks): no sandbox in containers, no GPU, no background traffic.
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
