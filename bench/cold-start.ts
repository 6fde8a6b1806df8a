/**
 * Benchmark 3: the integration's cold start. Zapier runs each integration in a fresh function,
 * so the cost is importing the built app in a new process; the baseline is importing
 * `zapier-platform-core` alone, measured in the same run. Alternating fresh processes, median of
 * each. Target: a ratio of at most 1.3. Also reports the size of what the integration loads
 * (the files Zapier's dependency detection would zip), found with esbuild's metafile.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = `${root}dist/src/index.js`;

function importMs(specifier: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(
    process.execPath,
    ['--no-warnings', '--input-type=module', '-e', script],
    {
      cwd: root,
    },
  );
  return Number(out.toString());
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const core: number[] = [];
const app: number[] = [];
importMs('zapier-platform-core'); // warm the OS file cache for both
importMs(entry);
for (let run = 0; run < RUNS; run++) {
  core.push(importMs('zapier-platform-core'));
  app.push(importMs(entry));
}
const ratio = median(app) / median(core);
console.log(`| import | median ms (${RUNS} fresh processes) |`);
console.log('|---|---:|');
console.log(`| zapier-platform-core alone (baseline) | ${median(core).toFixed(1)} |`);
console.log(`| built integration (dist/src/index.js) | ${median(app).toFixed(1)} |`);
console.log(`\ncold start: integration/core import time = ${ratio.toFixed(2)} (target <= 1.3)`);

const result = await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'silent',
  external: ['node:*'],
});
// Input names may carry an import attribute suffix (` with { type: 'json' }`).
const inputs = Object.keys(result.metafile.inputs).map((file) => file.replace(/ with \{.*\}$/, ''));
const bytes = inputs.reduce((sum, file) => sum + statSync(`${root}${file}`).size, 0);
const compressed = inputs.reduce(
  (sum, file) => sum + deflateRawSync(readFileSync(`${root}${file}`)).length,
  0,
);
const own = inputs.filter((file) => !file.includes('node_modules/'));
console.log(
  `bundle: ${inputs.length} files loaded (${own.length} of ours), ` +
    `${(bytes / 1024).toFixed(0)} KiB, about ${(compressed / 1024).toFixed(0)} KiB zipped`,
);
