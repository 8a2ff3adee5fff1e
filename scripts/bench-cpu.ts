/**
 * CPU time per request of the dashboard's server against the baseline's, from /proc (utime +
 * stime): unlike latency, it barely moves when other work loads the machine. Used by
 * scripts/bench.ts; `node scripts/bench-cpu.ts` runs it alone (needs both builds).
 */
import { readFileSync } from "node:fs";

/** CPU time a process has used so far, in ms (Linux /proc/PID/stat fields 14 and 15, clock ticks of 10 ms). */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The server's CPU ms per request over `count` requests made `concurrency` at a time. */
export async function cpuPerRequest(pid: number, request: () => Promise<Response>, count: number, concurrency = 4): Promise<number> {
  let left = count;
  const worker = async () => {
    while (left-- > 0) {
      const response = await request();
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`status ${response.status}`);
    }
  };
  const before = cpuTimeMs(pid);
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (cpuTimeMs(pid) - before) / count;
}
