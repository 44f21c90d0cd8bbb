// The Chromium the browser parts of the benchmark drive.
import { existsSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The Chromium on PATH (Debian's `chromium`), or $CHROMIUM. */
export function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
  }
  throw new Error("no Chromium found on PATH (Debian: apt-get install chromium) and $CHROMIUM is not set");
}
