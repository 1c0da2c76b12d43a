// Event round trip under load for Blazor Server, the counterpart of
// `Rekindle.LoadGen --views N --rate R --duration S`: N circuits opened with the baseline's
// scripted client (blazor-client.js), then every circuit clicks the counter R times per second
// (random phase) for S seconds; each click is timed from DispatchEventAsync to its render batch.
// Usage: BASELINE_BENCH=<baseline bench dir> node blazor-load.js [N=1000] [rates=1, e.g. 1,2] [seconds=30]
// With several rates the circuits stay open and the rates run in turn, up to the first step that does not hold.
// Writes $RESULTS_DIR/blazor-load-<N>.json (rate 1) or blazor-load-<N>-r<rate>.json per step. Starts and stops its
// own server (lib.startServer). Besides the round trip it records the server's CPU µs per event (from
// /proc/<server pid>/stat over the hold, as the load generator's serverCpuUsPerEvent) and this client's CPU
// in cores (Node runs the circuits on one thread: near 1.0 means the client, not the server, saturated).
'use strict';
const fs = require('fs');
const path = require('path');
const dir = process.env.BASELINE_BENCH;
if (!dir) { console.error('BASELINE_BENCH must point at the baseline bench folder'); process.exit(2); }
const L = require(path.join(dir, 'lib.js'));
const { openMany, closeMany } = require(path.join(dir, 'blazor-client.js'));
const { held, stepOf } = require('../goals-report.js');

const N = Number(process.argv[2] || 1000);
const RATES = String(process.argv[3] || '1').split(',').map(Number);
const SECONDS = Number(process.argv[4] || 30);
const TICKS = 100; // USER_HZ, the unit of utime/stime in /proc/<pid>/stat on Linux

// The process's user + system CPU seconds (fields 14 and 15 of /proc/<pid>/stat, after the command name).
function cpuSeconds(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch { return null; }
}
const circuitErrors = (circuits) => circuits.reduce((a, c) => a + c.errors.length + (c.closed ? 1 : 0), 0);

// One hold at `rate` clicks per second per circuit; fills `out` with the step's numbers.
async function hold(server, circuits, rate, out) {
  const samples = [];
  let sent = 0, errorsDuring = 0, late = 0;
  const errorsBefore = circuitErrors(circuits);
  const serverCpu0 = cpuSeconds(server.pid);
  const clientCpu0 = process.cpuUsage();
  const t1 = Date.now();
  const until = t1 + SECONDS * 1000;
  const period = 1000 / rate;
  await Promise.all(circuits.map(async (c) => {
    let next = Date.now() + Math.random() * period;
    for (;;) {
      if (next >= until) return;
      const wait = next - Date.now();
      if (wait > 0) await L.sleep(wait);
      sent++;
      try { const r = await c.click(1); samples.push(r.ms); } catch { errorsDuring++; }
      next += period;
      if (next < Date.now()) { late++; next = Date.now() + period; }
    }
  }));
  const holdSeconds = (Date.now() - t1) / 1000;
  const serverCpu1 = cpuSeconds(server.pid);
  const clientCpu = process.cpuUsage(clientCpu0);
  if (serverCpu0 != null && serverCpu1 != null && samples.length) out.serverCpuUsPerEvent = Math.round((serverCpu1 - serverCpu0) * 1e7 / samples.length) / 10;
  out.serverCpuCores = serverCpu1 == null ? null : Math.round((serverCpu1 - serverCpu0) / holdSeconds * 100) / 100;
  out.clientCpuCores = Math.round((clientCpu.user + clientCpu.system) / 1e6 / holdSeconds * 100) / 100;
  out.holdSeconds = holdSeconds;
  out.sent = sent;
  out.replied = samples.length;
  out.eventsPerSecond = samples.length / holdSeconds;
  out.lateTicks = late;
  out.errors = errorsDuring + circuitErrors(circuits) - errorsBefore;
  out.roundTripMs = L.describe(samples);
  out.serverStats = await L.stats(false);
}

function write(out) {
  L.writeJson(`blazor-load-${N}${out.rate === 1 ? '' : `-r${out.rate}`}.json`, out);
  const { roundTripMs: r = {} } = out;
  process.stderr.write(`blazor load: ${out.opened}/${N} circuits × ${out.rate}/s, ${out.replied} events in ${SECONDS} s, p50 ${r.p50} ms p99 ${r.p99} ms, errors ${out.errors}, server CPU ${out.serverCpuUsPerEvent} µs/event, client ${out.clientCpuCores} cores${out.error ? ' ERROR ' + out.error : ''}\n`);
}

// Circuits are opened once; the rates run in turn on them, until a step does not hold (goals-report.js).
(async () => {
  const server = await L.startServer({ logName: 'server-blazor-load.log' });
  const open = { N, seconds: SECONDS };
  let circuits = [];
  try {
    const w = await openMany('/counter', 20, 8, async (c) => { for (let i = 0; i < 5; i++) await c.click(1); });
    await closeMany(w.circuits);
    const t0 = Date.now();
    const opened = await openMany('/counter', N, 16, null);
    circuits = opened.circuits;
    Object.assign(open, { openMs: Date.now() - t0, opened: circuits.length, failed: opened.failed, openErrors: opened.errors });
    for (const rate of RATES) {
      const out = { ...open, rate };
      try { await hold(server, circuits, rate, out); } catch (e) { out.error = String(e && e.stack || e); }
      write(out);
      if (!held(stepOf(out, 'blazor', N, rate))) break;
    }
    await closeMany(circuits);
  } catch (e) {
    write({ ...open, rate: RATES[0], error: String(e && e.stack || e) });
  } finally {
    await L.stopServer(server);
  }
})().catch((e) => { console.error(e); process.exit(1); });
