// Headless Chromium for the browser tests and benchmarks: the system's Chromium through
// playwright-core, with the flags that keep it off the network at start-up (without them it
// tries to reach update and sync services at every launch).
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/** `executablePath` defaults to $CHROMIUM, else Debian's /usr/bin/chromium. */
export async function launchChromium({ executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium" } = {}) {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
