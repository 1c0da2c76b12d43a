// Summarizes bench/compare.sh: per spin setting and variant, the server CPU µs per event of every round,
// their median and its ratio to the same setting's floor, and the median p50/p99 round trip.
//   node bench/compare-report.js RAW_DIR
const fs = require('fs');
const path = require('path');
const raw = process.argv[2];
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const spin of ['spin', 'nospin']) {
  const dir = path.join(raw, spin);
  if (!fs.existsSync(dir)) continue;
  const rows = new Map();
  for (const run of fs.readdirSync(dir)) {
    const [build] = run.split('-r');
    const floorDir = path.join(dir, run, 'floor');
    for (const file of fs.readdirSync(floorDir).filter(f => f.startsWith('load-') && f.endsWith('.json'))) {
      const variant = file.split('-')[2];
      const name = variant === 'floor' ? 'floor' : `${build} ${variant}`;
      const result = JSON.parse(fs.readFileSync(path.join(floorDir, file), 'utf8'));
      result.round = run.split('-r')[1];
      if (!rows.has(name)) rows.set(name, []);
      rows.get(name).push(result);
    }
  }
  const floor = rows.has('floor') ? median(rows.get('floor').map(r => r.serverCpuUsPerEvent)) : NaN;
  console.log(`\n${spin === 'spin' ? 'default spinning' : 'DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0'}`);
  console.log('| variant | CPU µs/event per round | median | × floor | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|');
  for (const name of ['floor', 'old off', 'new off', 'old default', 'new default']) {
    const results = rows.get(name);
    if (!results) continue;
    const cpu = median(results.map(r => r.serverCpuUsPerEvent));
    console.log(`| ${name} | ${results.map(r => r.serverCpuUsPerEvent).join(', ')} | ${cpu.toFixed(1)} | ${(cpu / floor).toFixed(2)}× | ${median(results.map(r => r.roundTripMs.p50)).toFixed(2)} | ${median(results.map(r => r.roundTripMs.p99)).toFixed(1)} |`);
  }
  // New ÷ old within each round: the two ran back to back, so the machine's load weighs on both alike.
  for (const variant of ['default', 'off']) {
    const oldByRound = new Map((rows.get(`old ${variant}`) ?? []).map(r => [r.round, r.serverCpuUsPerEvent]));
    const ratios = (rows.get(`new ${variant}`) ?? []).filter(r => oldByRound.has(r.round)).map(r => r.serverCpuUsPerEvent / oldByRound.get(r.round));
    if (ratios.length > 0) {
      console.log(`new ÷ old, ${variant}, per round: ${ratios.map(x => x.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)}`);
    }
  }
}
