import fs from 'node:fs';

/**
 * CPU seconds used so far by each thread of a running process, by thread id, read from Linux's
 * /proc (utime + stime, in clock ticks of 1/100 s); empty where /proc is absent. The corpus
 * benchmark and tests use it to tell a worker's own CPU from V8's background threads'.
 */
export function threadCpu(pid: number): Map<string, number> {
  const m = new Map<string, number>();
  let tids: string[] = [];
  try { tids = fs.readdirSync(`/proc/${pid}/task`); } catch { return m; }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      m.set(tid, (Number(f[11]) + Number(f[12])) / 100);
    } catch { /* the thread just ended */ }
  }
  return m;
}
