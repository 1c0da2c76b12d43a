// Summarizes bench/floor.sh runs: per variant and N, the median over rounds of server CPU µs per event,
// round-trip p50/p99, and GC heap / RSS per idle view, each with its ratio to the floor (the bare echo).
// Usage: node floor-report.js <raw dir>   (prints a markdown section; report.js appends it when present)
// floorData(raw) returns the same medians for report.js's "× floor" column and its goals section.
'use strict';
const fs = require('fs');
const path = require('path');

const median = (xs) => { const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const fmt = (x, d = 1) => (x == null ? 'n/a' : Number(x).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const ratio = (x, floor) => (x == null || floor == null || floor <= 0 ? 'n/a' : `${fmt(x / floor, 2)}×`);
const order = ['floor', 'nospin', 'off', 'default', 'browser', 'compressed', 'floordisk', 'defaultdisk'];
const label = {
  floor: 'floor (bare Kestrel echo)', nospin: 'floor, spin-free (echo, `UnfairSemaphoreSpinLimit=0`)', off: 'Rekindle, recovery off',
  default: 'Rekindle, default (SQLite store)', browser: 'Rekindle, browser store', compressed: 'Rekindle, default + compression',
  floordisk: 'floor, busy disk', defaultdisk: 'Rekindle, default (SQLite store), busy disk',
};
// The echo a variant is compared with: the same disk load.
const floorOf = (v) => (v.endsWith('disk') ? 'floordisk' : 'floor');

// Median MB/s of the busy-disk writer's passes (dd's summary lines) during the runs at N.
function diskThroughput(dir, n) {
  const speeds = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.startsWith(`busy-disk-load-${n}-`))) {
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/copied, [\d.]+ s, ([\d.]+) ([kMG]B)\/s/g)) {
      speeds.push(Number(m[1]) * { kB: 0.001, MB: 1, GB: 1000 }[m[2]]);
    }
  }
  return median(speeds);
}

function floorData(raw) {
  const dir = path.join(raw, 'floor');
  if (!fs.existsSync(dir)) return null;
  const runs = { load: {}, mem: {} };
  for (const f of fs.readdirSync(dir)) {
    const m = /^(load|mem)-(\d+)-([a-z]+)-(\d+)\.json$/.exec(f);
    if (!m) continue;
    let j;
    try { j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch { continue; }
    j.round = Number(m[4]);
    ((runs[m[1]][m[2]] ??= {})[m[3]] ??= []).push(j);
  }
  const summarize = (js, pick) => ({ rounds: js.length, errors: js.reduce((a, j) => a + (j.errorsTotal || 0), 0), ...Object.fromEntries(Object.entries(pick).map(([k, f]) => [k, median(js.map(f))])) });
  const load = {};
  for (const [n, vs] of Object.entries(runs.load)) {
    load[n] = Object.fromEntries(Object.entries(vs).map(([v, js]) => [v, summarize(js, {
      cpu: (j) => j.serverCpuUsPerEvent, p50: (j) => j.roundTripMs && j.roundTripMs.p50, p99: (j) => j.roundTripMs && j.roundTripMs.p99,
      eps: (j) => j.events && j.events.perSecond, clientCpu: (j) => j.clientCpuCores,
    })]));
  }
  const mem = {};
  for (const [n, vs] of Object.entries(runs.mem)) {
    mem[n] = Object.fromEntries(Object.entries(vs).map(([v, js]) => [v, summarize(js, {
      heap: (j) => j.memoryPerView && j.memoryPerView.gcHeapAfterFullGcBytes / 1024,
      rss: (j) => j.memoryPerView && (j.memoryPerView.rssAfterFullGcBytes ?? j.memoryPerView.workingSetAfterFullGcBytes) / 1024,
    })]));
  }
  const disk = Object.fromEntries(Object.keys(load).map((n) => [n, diskThroughput(dir, n)]).filter(([, s]) => s != null));
  // Median over rounds of variant ÷ its echo in the same round (load runs at n; pick reads one run's value).
  const perRound = (n, v, pick) => {
    const vs = runs.load[n] || {};
    const base = Object.fromEntries((vs[floorOf(v)] || []).map((j) => [j.round, pick(j)]));
    const rs = (vs[v] || []).map((j) => (base[j.round] > 0 && pick(j) != null ? pick(j) / base[j.round] : null)).filter((r) => r != null);
    return { median: median(rs), rounds: rs };
  };
  return { load, mem, disk, perRound };
}

function floorSection(raw) {
  const data = floorData(raw);
  if (!data) return null;
  const byN = (o) => Object.keys(o).sort((a, b) => +a - +b);
  const md = ['## The floor: a bare Kestrel WebSocket echo beside Rekindle (bench/floor.sh)', ''];
  md.push('Medians over interleaved rounds (every variant once per round, in turn; the lower middle value for an even count); × floor = variant ÷ echo in the same runs (the busy-disk variant ÷ the echo under the same disk load); × spin-free = variant ÷ the echo with `DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0` (not for the busy-disk runs: that echo ran without the disk load).', '');
  for (const n of byN(data.load)) {
    const vs = data.load[n];
    const free = vs.nospin && vs.nospin.cpu;
    md.push(`**${Number(n).toLocaleString('en-US')} views × 1 event/s**`, '');
    md.push('| variant | rounds | server CPU µs/event | × floor | × spin-free | p50 ms | p99 ms | × floor (p99) | events/s | load generator CPU (cores) | errors |', '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const v of order.filter((o) => vs[o])) {
      const s = vs[v];
      const f = vs[floorOf(v)] || {};
      md.push(`| ${label[v]} | ${s.rounds} | ${fmt(s.cpu)} | ${ratio(s.cpu, f.cpu)} | ${v.endsWith('disk') ? '–' : ratio(s.cpu, free)} | ${fmt(s.p50, 2)} | ${fmt(s.p99, 2)} | ${ratio(s.p99, f.p99)} | ${fmt(s.eps, 0)} | ${fmt(s.clientCpu, 2)} | ${s.errors} |`);
    }
    if (data.disk[n] != null) md.push('', `Busy disk: the background writer synced ${fmt(data.disk[n], 0)} MB/s (median of its passes) in 64 KiB writes during these runs.`);
    md.push('');
  }
  for (const n of byN(data.mem)) {
    const vs = data.mem[n];
    md.push(`**${Number(n).toLocaleString('en-US')} idle views** (after a forced full GC; KiB per view)`, '');
    md.push('| variant | rounds | GC heap | × floor | RSS | × floor | errors |', '|---|---|---|---|---|---|---|');
    const f = vs.floor || {};
    for (const v of order.filter((o) => vs[o])) {
      const s = vs[v];
      md.push(`| ${label[v]} | ${s.rounds} | ${fmt(s.heap)} | ${ratio(s.heap, f.heap)} | ${fmt(s.rss)} | ${ratio(s.rss, f.rss)} | ${s.errors} |`);
    }
    md.push('');
  }
  return md.join('\n');
}

module.exports = { floorSection, floorData };
if (require.main === module) {
  const section = floorSection(process.argv[2]);
  if (!section) { console.error(`no floor/ runs under ${process.argv[2]}`); process.exit(1); }
  console.log(section);
}
