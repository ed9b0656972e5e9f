import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
const probe = 'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("cpu:"+(u.userCPUTime+u.systemCPUTime)+"\\n")})';
const n = Number(process.argv[2] ?? 708);
const file = `/tmp/mem3-${n}.jsonl`;
if (!fs.existsSync(file)) { const texts = fs.readFileSync('/work/shared/data/polnear/dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text); fs.writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ id: `a${i}`, text: texts[i % texts.length] })).join('\n') + '\n'); }
for (const w of (process.argv[3] ?? '1,2,1,2').split(',').map(Number)) {
  for (const f of ['/tmp/r.sqlite', '/tmp/r.sqlite-wal', '/tmp/r.sqlite-shm']) fs.rmSync(f, { force: true });
  const l0 = os.loadavg()[0];
  const r = spawnSync(process.execPath, ['--import', probe, 'bin/trustlens.js', 'corpus', 'run', file, '--db', '/tmp/r.sqlite', '--workers', String(w), '--format', 'json', '--quiet'], { encoding: 'utf8' });
  const s = JSON.parse(r.stdout);
  const cpu = Number(/cpu:(\d+)/.exec(r.stderr)![1]) / 1000;
  console.log(`workers ${w}: ${s.rate.toFixed(1)} articles/s after start-up, ${(s.seconds).toFixed(1)} s total, CPU ${(cpu / n).toFixed(2)} ms/article, load ${l0.toFixed(1)}→${os.loadavg()[0].toFixed(1)}`);
}
