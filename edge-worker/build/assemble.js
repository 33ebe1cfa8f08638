// Puts the Worker together after TeaVM: checks edgeward-core.js was produced and exports what worker.js imports,
// copies worker.js beside it, and prints the bundle's size raw and gzipped (docs/benchmarks.md, Worker).
// Usage: node assemble.js <worker.js> <folder holding edgeward-core.js>
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const [entry, folder] = process.argv.slice(2);
const core = path.join(folder, 'edgeward-core.js');
const text = fs.existsSync(core) ? fs.readFileSync(core, 'utf8') : '';
if (text.length === 0) {
  // A failed TeaVM build leaves a 0-byte file (DESIGN, facts).
  console.error(`${core} is missing or empty: the TeaVM build failed`);
  process.exit(1);
}
for (const name of ['configure', 'cookieToVerify', 'wantsBody', 'decide', 'responded']) {
  if (!new RegExp(`\\bas ${name}\\b|export function ${name}\\b`).test(text)) {
    console.error(`${core} does not export ${name}`);
    process.exit(1);
  }
}
fs.copyFileSync(entry, path.join(folder, 'worker.js'));
const files = ['worker.js', 'edgeward-core.js'].map((f) => fs.readFileSync(path.join(folder, f)));
const raw = files.reduce((n, b) => n + b.length, 0);
const gzipped = zlib.gzipSync(Buffer.concat(files), { level: 9 }).length;
console.log(`edge-worker: worker.js + edgeward-core.js = ${raw} bytes, ${gzipped} bytes gzipped`);
