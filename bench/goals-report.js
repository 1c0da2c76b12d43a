// The "Goals" section of a bench report (issue 23): each goal with the measured values, the ratio and
// met / not met, computed from the run's numbers (report.js collects them), and a marked place for the
// written analysis, which is not generated.
'use strict';

const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? 'n/a' : Number(x).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const x2 = (r) => (r == null ? 'n/a' : `${fmt(r, 2)}×`);
const div = (a, b) => (a == null || b == null || b <= 0 ? null : a / b);
// met when every ratio is present and passes; n/a when none was measured.
function status(values, pass) {
  const present = values.filter((v) => v != null);
  if (!present.length) return 'n/a (not measured in this run)';
  if (present.length < values.length) return present.every(pass) ? 'met where measured (some n/a)' : '**not met**';
  return present.every(pass) ? 'met' : '**not met**';
}

// A 10,000 × rate step held: no errors, p99 < 100 ms, at least 98 % of the offered events replied.
const P99_LIMIT_MS = 100;
function held(s) {
  if (!s || s.eps == null) return null;
  return s.errors === 0 && s.p99 != null && s.p99 < P99_LIMIT_MS && s.eps >= 0.98 * s.n * s.rate;
}
// One step of an N views × rate run from its JSON: blazor-load.js's (kind 'blazor') or the load generator's.
function stepOf(j, kind, n, rate) {
  if (!j) return null;
  const rt = j.roundTripMs || {};
  const common = { n, rate, p50: rt.p50, p99: rt.p99, serverCpu: j.serverCpuUsPerEvent, serverCores: j.serverCpuCores, clientCores: j.clientCpuCores };
  return kind === 'blazor'
    ? { ...common, eps: j.eventsPerSecond, errors: (j.errors ?? 0) + (j.failed ?? 0) + (j.error ? 1 : 0) }
    : { ...common, eps: j.events && j.events.perSecond, errors: j.errorsTotal ?? 0 };
}
// Highest events/s of a held step, or of the first step when none held (what the side sustained anyway).
function sustained(steps) {
  const ok = steps.filter((s) => held(s));
  return ok.length ? { eps: Math.max(...ok.map((s) => s.eps)), held: true } : { eps: steps.length ? steps[0].eps : null, held: false };
}
const describeStep = (s) => (s ? `${fmt(s.rate, 0)}/s per view: ${fmt(s.eps, 0)} events/s, p50 ${fmt(s.p50, 2)} / p99 ${fmt(s.p99, 1)} ms, ${fmt(s.errors, 0)} errors, server CPU ${fmt(s.serverCores, 2)} cores, client CPU ${fmt(s.clientCores, 2)} cores${held(s) ? ' (held)' : ' (not held)'}` : 'not run');

// v: the numbers report.js gathered; fd: floorData(raw) or null.
function goalsSection(v, fd) {
  const load = (n, variant) => (fd && fd.load[n] && fd.load[n][variant]) || {};
  const mem = (n, variant) => (fd && fd.mem[n] && fd.mem[n][variant]) || {};
  const rows = [];
  const goal = (name, measured, ratioText, st) => rows.push(`| ${name} | ${measured} | ${ratioText} | ${st} |`);

  const loadNs = fd ? Object.keys(fd.load).filter((n) => load(n, 'nospin').cpu != null).sort((a, b) => a - b) : [];
  for (const [variant, limit, name] of [['default', 1.5, 'server CPU per event, default store ≤ 1.5× the spin-free floor'], ['off', 1.1, 'server CPU per event, recovery off ≤ 1.1× the spin-free floor']]) {
    const rs = loadNs.map((n) => div(load(n, variant).cpu, load(n, 'nospin').cpu));
    goal(name, loadNs.map((n) => `${fmt(+n, 0)} × 1/s: ${fmt(load(n, variant).cpu)} vs ${fmt(load(n, 'nospin').cpu)} µs`).join('; ') || 'n/a',
      rs.map(x2).join('; ') || 'n/a', status(rs.length ? rs : [null], (r) => r <= limit));
  }
  goal('idle thread-pool spinning settled by measurement (echo with default spinning vs `UnfairSemaphoreSpinLimit=0`)',
    loadNs.map((n) => `${fmt(+n, 0)} × 1/s: ${fmt(load(n, 'floor').cpu)} vs ${fmt(load(n, 'nospin').cpu)} µs/event, p99 ${fmt(load(n, 'floor').p99, 2)} vs ${fmt(load(n, 'nospin').p99, 2)} ms`).join('; ') || 'n/a',
    loadNs.map((n) => x2(div(load(n, 'floor').cpu, load(n, 'nospin').cpu))).join('; ') || 'n/a', 'see analysis');

  for (const [variant, name] of [['default', 'p99 at 3,000 × 1/s, default store ≤ 2× the echo\'s p99 in the same round'], ['defaultdisk', 'the same with a busy disk (echo under the same disk load)']]) {
    const r = fd ? fd.perRound('3000', variant, (j) => j.roundTripMs && j.roundTripMs.p99) : { median: null, rounds: [] };
    const f = variant === 'defaultdisk' ? 'floordisk' : 'floor';
    const disk = variant === 'defaultdisk' && fd && fd.disk['3000'] != null ? `; writer ${fmt(fd.disk['3000'], 0)} MB/s synced` : '';
    goal(name, `${fmt(load('3000', variant).p99, 2)} vs ${fmt(load('3000', f).p99, 2)} ms (medians)${disk}`,
      `${x2(r.median)} (median of per-round ratios ${r.rounds.map((x) => fmt(x, 2)).join(', ') || 'n/a'})`, status([r.median], (x) => x <= 2));
  }

  const memNs = fd ? Object.keys(fd.mem).filter((n) => mem(n, 'floor').rss != null).sort((a, b) => a - b) : [];
  const rssFloor = memNs.map((n) => div(mem(n, 'default').rss, mem(n, 'floor').rss));
  goal('RSS per idle view (default store) ≤ 1.15× the floor', memNs.map((n) => `N=${fmt(+n, 0)}: ${fmt(mem(n, 'default').rss)} vs ${fmt(mem(n, 'floor').rss)} KiB`).join('; ') || 'n/a',
    rssFloor.map(x2).join('; ') || 'n/a', status(rssFloor.length ? rssFloor : [null], (r) => r <= 1.15));
  const blazorRss = v.memory.map((m) => div(m.blazorRss, m.rekindleRss));
  goal('RSS per idle view ≥ 19× less than Blazor', v.memory.map((m) => `${m.label}: Blazor ${fmt(m.blazorRss)} vs ${fmt(m.rekindleRss)} KiB`).join('; '),
    blazorRss.map(x2).join('; '), status(blazorRss, (r) => r >= 19));
  const heaps = v.memory.filter((m) => m.page === 'counter').map((m) => m.rekindleHeap);
  goal('GC heap per idle view ≤ 10 KiB', v.memory.filter((m) => m.page === 'counter').map((m) => `${m.label}: ${fmt(m.rekindleHeap)} KiB`).join('; ') + (memNs.length ? `; floor (echo) ${memNs.map((n) => `N=${fmt(+n, 0)} ${fmt(mem(n, 'floor').heap)}`).join(', ')} KiB` : ''),
    heaps.map((h) => (h == null ? 'n/a' : `${fmt(h / 10, 2)}× the goal`)).join('; '), status(heaps, (h) => h <= 10));

  const bytesRatios = [div(v.clickTcp.compressed, v.clickTcp.blazor)];
  goal('wire bytes per counter click ≤ half of Blazor\'s (TCP bytes on the socket, compression on)',
    `Blazor ${fmt(v.clickTcp.blazor, 0)} B; Rekindle ${fmt(v.clickTcp.compressed, 0)} B with \`Rekindle:Transport:Compression\`, ${fmt(v.clickTcp.default, 0)} B without`,
    `${x2(bytesRatios[0])} of Blazor's (without compression ${x2(div(v.clickTcp.default, v.clickTcp.blazor))})`, status(bytesRatios, (r) => r <= 0.5));
  const lat = v.latency.map((l) => div(l.rekindle, l.blazor));
  goal('click → DOM median no worse than Blazor\'s', v.latency.map((l) => `${l.kind}: ${fmt(l.rekindle, 2)} vs ${fmt(l.blazor, 2)} ms`).join('; '),
    lat.map(x2).join('; '), status(lat, (r) => r <= 1));

  const r = sustained(v.big.rekindle);
  const b = sustained(v.big.blazor);
  let bigStatus = 'n/a (not measured in this run)';
  if (r.eps != null && b.eps != null) {
    if (r.held && !b.held) bigStatus = 'met';
    else if (!r.held) bigStatus = '**not met**';
    else if (r.eps > b.eps * 1.02) bigStatus = 'met';
    else bigStatus = 'not settled: both held every step measured';
  }
  goal(`${fmt(v.big.n, 0)} active views: higher sustained rate than Blazor at p99 < ${P99_LIMIT_MS} ms`,
    `Blazor: ${v.big.blazor.map(describeStep).join('; ') || 'not run'}. Rekindle: ${v.big.rekindle.map(describeStep).join('; ') || 'not run'}`,
    `sustained ${fmt(r.eps, 0)} vs ${fmt(b.eps, 0)} events/s (${x2(div(r.eps, b.eps))})`, bigStatus);

  return [
    '## Goals of issue 23 (computed from this run)',
    '',
    'Each goal of the issue with this run\'s numbers; "met" is computed from them (floor numbers are the floor section\'s medians). A step of the',
    `${fmt(v.big.n, 0)}-view run "held" when it had no errors, p99 < ${P99_LIMIT_MS} ms and at least 98 % of the offered events replied; a client near`,
    '1.0 CPU core (Node runs the Blazor circuits on one thread) or near 2 (the machine) saturated before the server.',
    '',
    '| goal | measured | ratio | status |',
    '|---|---|---|---|',
    ...rows,
    '',
    '### Analysis',
    '',
    '<!-- ANALYSIS: written by hand after the run, one paragraph per goal: met, or the measured reason it is not. Not generated. -->',
    '_Not written yet._',
    '',
  ].join('\n');
}

module.exports = { goalsSection, held, stepOf };
// node goals-report.js held <json> <blazor|rekindle> <N> <rate>: exit 0 when that step held (run.sh).
if (require.main === module && process.argv[2] === 'held') {
  const [file, kind, n, rate] = process.argv.slice(3);
  let j = null;
  try { j = JSON.parse(require('fs').readFileSync(file, 'utf8')); } catch { /* missing: not held */ }
  process.exit(held(stepOf(j, kind, Number(n), Number(rate))) ? 0 : 1);
}
