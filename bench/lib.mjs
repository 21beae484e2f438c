// Helpers of the benchmark (bench/bench.mjs): statistics, a fresh Chromium per measurement
// (launched by the end-to-end tests' own helper).
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnPersistent } from "../tests/e2e/harness.mjs";

/** Sorted copy. */
const sorted = (xs) => [...xs].sort((a, b) => a - b);

export function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100): the smallest sample with at least p % at or below. */
export function percentile(xs, p) {
  const s = sorted(xs);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

/** Median, min and max of a list of samples. */
export function summary(xs) {
  if (!xs.length) throw new Error("no samples");
  const s = sorted(xs);
  return { n: s.length, median: median(s), min: s[0], max: s[s.length - 1], samples: xs };
}

/**
 * A fresh Chromium with a fresh, disk-backed profile (a new user-data-dir), started by the
 * end-to-end tests' `spawnPersistent` (same binary and flags). Disk-backed matters: a Playwright
 * `newContext()` is an off-the-record profile whose IndexedDB lives in memory, which would
 * flatter every write. `end()` closes it and removes the profile.
 */
const live = new Set();

/** Kills (SIGKILL, whole process group) every browser still open: after a fatal error. */
export async function killAll() {
  await Promise.all([...live].map(async ({ chrome, dir }) => {
    await chrome.kill().catch(() => {});
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }));
  live.clear();
}

export async function freshBrowser() {
  const dir = await mkdtemp(join(tmpdir(), "samenscan-bench-profile-"));
  const chrome = await spawnPersistent(dir);
  const entry = { chrome, dir };
  live.add(entry);
  const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  const errors = [];
  const requests = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  chrome.context.on("request", (r) => requests.push(r.url()));
  return {
    ...chrome,
    page,
    errors,
    requests,
    /** Requests to anywhere but 127.0.0.1 (data: and blob: URLs aside). */
    foreign: () => requests.filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(u)),
    end: async () => {
      await chrome.close();
      live.delete(entry);
      await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

/** The machine: CPU model, cores, memory. */
export function machine() {
  let cpu = "unknown";
  let memKb = 0;
  try {
    cpu = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpu;
    memKb = Number(readFileSync("/proc/meminfo", "utf8").match(/^MemTotal:\s*(\d+)/m)?.[1] ?? 0);
  } catch {
    // not Linux
  }
  return { cpu, memGiB: memKb / 1024 / 1024 };
}

/**
 * The renderer process memory of the (only) tab, from /proc: the renderer that used the most CPU
 * time (the spare renderer Chromium may keep has used next to none). `privateFootprint` is
 * RssAnon + VmSwap, which is what Chromium's task manager shows as "Memory footprint" on Linux.
 */
export async function rendererMemory(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  await cdp.detach();
  const renderers = processInfo.filter((p) => p.type === "renderer").sort((a, b) => b.cpuTime - a.cpuTime);
  if (!renderers.length) throw new Error("no renderer process");
  const pid = renderers[0].id;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s*(\\d+) kB`, "m"))?.[1] ?? 0) * 1024;
  return {
    pid,
    renderers: renderers.length,
    rss: kb("VmRSS"),
    rssAnon: kb("RssAnon"),
    privateFootprint: kb("RssAnon") + kb("VmSwap"),
  };
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** `promise`, or a rejection after `ms` with `onTimeout()`'s error (the timer never outlives it). */
export async function withTimeout(promise, ms, onTimeout) {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => Promise.resolve().then(onTimeout).then(fail, fail), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
