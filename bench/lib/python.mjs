// A virtualenv with Huawei Cloud's official Python SDK, for the client-cost comparison. It lives
// under the OS temporary directory (never in the repository), named after a hash of the
// requirements and the interpreter, and is reused while its ".ready" marker matches.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REQUIREMENTS = new URL("../python/requirements.txt", import.meta.url).pathname;

export function pythonVersion(python = process.env.PYTHON ?? "python3") {
  return execFileSync(python, ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" }).trim();
}

/** Returns the venv's python executable, creating the venv if needed. Throws with a reason. */
export function ensureVenv({ python = process.env.PYTHON ?? "python3", log = console.error } = {}) {
  const version = pythonVersion(python);
  const requirements = readFileSync(REQUIREMENTS, "utf8");
  const key = createHash("sha256").update(`${version}\n${requirements}`).digest("hex").slice(0, 12);
  const dir = join(tmpdir(), `eipkit-bench-venv-${key}`);
  const bin = join(dir, process.platform === "win32" ? "Scripts" : "bin");
  const venvPython = join(bin, process.platform === "win32" ? "python.exe" : "python");
  const marker = join(dir, ".ready");
  if (existsSync(marker) && readFileSync(marker, "utf8") === key && existsSync(venvPython)) return venvPython;
  log(`creating a Python virtualenv for the official SDK in the temporary directory (${dir})`);
  rmSync(dir, { recursive: true, force: true });
  const run = (cmd, args) => {
    try {
      execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", timeout: 300_000 });
    } catch (error) {
      const detail = `${error.stderr ?? ""}${error.stdout ?? ""}`.trim().split("\n").slice(-3).join(" ");
      throw new Error(`${[cmd, ...args].join(" ")} failed: ${detail || error.message}`);
    }
  };
  run(python, ["-m", "venv", dir]);
  run(venvPython, ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", "-r", REQUIREMENTS]);
  writeFileSync(marker, key);
  return venvPython;
}
