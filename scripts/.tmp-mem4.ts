import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
const probe = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss:"+process.resourceUsage().maxRSS+"\\n"))';
for (const n of process.argv.slice(2).map(Number)) {
  const file = `/tmp/mem3-${n}.jsonl`;
  for (const f of ['/tmp/mem4.sqlite', '/tmp/mem4.sqlite-wal', '/tmp/mem4.sqlite-shm']) fs.rmSync(f, { force: true });
  const r = spawnSync(process.execPath, ['--import', probe, 'bin/trustlens.js', 'corpus', 'run', file, '--db', '/tmp/mem4.sqlite', '--workers', '2', '--format', 'json', '--quiet'], { encoding: 'utf8' });
  const s = JSON.parse(r.stdout);
  console.log(n, 'maxRSS', (Number(/maxrss:(\d+)/.exec(r.stderr)![1]) / 1024).toFixed(0), 'MB', 'rate', s.rate.toFixed(1), 'startup', s.startupSeconds.toFixed(1));
}
