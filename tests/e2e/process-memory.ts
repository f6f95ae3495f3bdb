import { readFileSync, readdirSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';

/**
 * The memory a browser holds, all its processes together: the sum of their
 * proportional set sizes (Linux `/proc/PID/smaps_rollup`; a page shared by
 * two processes counts half in each), in bytes. For Firefox, whose
 * WebDriver BiDi reports no heap figure and cannot force a collection: what
 * a page costs with the extension is measured against the same page in a
 * Firefox without it, each after the same settling time. Coarser than
 * Chromium's JS heap after a GC (it holds native memory and garbage not
 * yet collected), so it bounds what we keep from above.
 */
export function browserMemory(browser: Browser): number {
  const root = browser.process()?.pid;
  if (!root) throw new Error('the browser was not launched by this process');
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while being listed.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at && at > 1; at = parent.get(at)) if (at === root) return true;
    return false;
  };
  let bytes = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      bytes += Number(pss?.[1] ?? 0) * 1024;
    } catch {
      // Ended meanwhile: it holds nothing now.
    }
  }
  return bytes;
}
