// The JavaScript a browser must download before a route can render: the entry chunk plus every chunk the
// route's module statically imports, gzipped. Fails when it is over the budget.
//   node scripts/first-load-size.mjs [route module] [budget KB]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const route = process.argv[2] ?? 'src/features/customers/CustomersPage.tsx';
const budgetKb = Number(process.argv[3] ?? 300);
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const files = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
}
visit('index.html');
visit(route);

const sizes = [...files].map((file) => ({ file, gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length }));
const totalKb = sizes.reduce((sum, s) => sum + s.gzip, 0) / 1024;
for (const { file, gzip } of sizes.sort((a, b) => b.gzip - a.gzip)) {
  console.log(`  ${(gzip / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
console.log(`first load of ${route}: ${totalKb.toFixed(1)} KB gzipped JS (budget ${budgetKb} KB)`);
if (totalKb > budgetKb) {
  console.error(`over budget by ${(totalKb - budgetKb).toFixed(1)} KB`);
  process.exit(1);
}
