// Where the Worker's warm CPU goes (not a test; docs/benchmarks/edge-worker.md "Where the warm time goes"): runs
// worker.js and edgeward-core.js in Node's V8 (the engine workerd embeds), with fetch answered in-process (origin,
// Protector `allow`, ingest 202), sends valid-cookie requests straight to the Worker's fetch handler, and reports
//   - CPU per request of the edge Worker and of a bare proxy Worker, as process.cpuUsage() sees them;
//   - a V8 CPU profile of the edge Worker's requests: self time by function, with the source it points at.
// It measures the JavaScript only (no HTTP, no workerd I/O), so its figures are below worker-bench.js's; it is for
// comparing variants and finding hot spots.
//
//   node edge-worker/bench/worker-profile.mjs [requests=20000] [top=25; 0: no profile]   (EDGEWARD_BUNDLE: another bundle)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const requests = Number(process.argv[2] || 20000);
const top = Number(process.argv[3] ?? 25);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = process.env.EDGEWARD_BUNDLE ? path.resolve(process.env.EDGEWARD_BUNDLE) : path.join(root, 'target', 'worker');
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Firefox/130.0';
const KEY = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64url');
const ORIGIN = 'http://origin.bench.invalid';
const PROTECTOR = 'http://protector.bench.invalid/check';
const INGEST = 'http://ingest.bench.invalid/ingest';

globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input.url;
  if (url.startsWith(PROTECTOR)) {
    return new Response('{"action":"allow","ttl":3600,"reason":"bench","decisionId":null}',
      { headers: { 'content-type': 'application/json' } });
  }
  if (url.startsWith(INGEST)) return new Response(null, { status: 202 });
  return new Response('<p>ok</p>', { headers: { 'content-type': 'text/html' } });
};

const env = {
  EDGEWARD_CONFIG: JSON.stringify({
    cookie: { name: '__Host-ew', lifetime: 'PT24H', signingKey: 'k1' },
    checkInterval: { initial: 'PT1H', max: 'PT1H' }, mode: 'mitigate', routes: [],
    protector: { url: PROTECTOR, timeout: 'PT1S', breaker: { failures: 5, open: 'PT30S' } },
    ingest: { url: INGEST, batchSize: 50, maxAge: 'PT60S', queueLimit: 1000, timeout: 'PT1S' },
    challenge: { provider: 'pow', difficulty: 18 },
  }),
  EDGEWARD_COOKIE_KEYS: JSON.stringify({ k1: KEY }),
  EDGEWARD_PROTECTOR_API_KEY: 'bench', EDGEWARD_INGEST_API_KEY: 'bench', EDGEWARD_ORIGIN: ORIGIN,
};

const bare = {
  fetch(request, env) {
    const url = new URL(request.url);
    const o = new URL(env.EDGEWARD_ORIGIN);
    url.protocol = o.protocol;
    url.host = o.host;
    return fetch(new Request(url, request));
  },
};

function request(cookie) {
  return new Request('https://shop.example/products/42?page=2', { headers: {
    'user-agent': USER_AGENT, accept: 'text/html', 'cf-connecting-ip': '203.0.113.178', host: 'shop.example',
    ...(cookie ? { cookie } : {}) } });
}

const pending = [];
const ctx = { waitUntil: (p) => pending.push(p) };

async function run(worker, cookie, count) {
  for (let i = 0; i < count; i++) {
    const res = await worker.fetch(request(cookie), env, ctx);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.arrayBuffer();
    if (pending.length > 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending.splice(0));
}

async function cpuPerRequest(worker, cookie) {
  await run(worker, cookie, Math.min(2000, requests));
  const before = process.cpuUsage();
  await run(worker, cookie, requests);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / requests;
}

// The Worker's own console lines (batches shipped) would bury the report.
const say = (line) => process.stdout.write(line + '\n');
const warn = console.warn;
console.log = console.info = () => {};
console.warn = console.error = (...args) => {
  if (!String(args[0]).startsWith('edgeward shipper: ingest accepted')) warn(...args);
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgeward-worker-profile-'));
try {
  for (const f of ['worker.js', 'edgeward-core.js']) fs.copyFileSync(path.join(bundle, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  const edge = (await import(pathToFileURL(path.join(dir, 'worker.js')).href)).default;
  const first = await edge.fetch(request(null), env, ctx);
  const cookie = String(first.headers.get('set-cookie')).split(';')[0];
  if (!cookie.startsWith('__Host-ew=')) throw new Error('no session cookie from the first visit');

  const edgeMicros = await cpuPerRequest(edge, cookie);
  const bareMicros = await cpuPerRequest(bare, null);
  say(`in-process CPU per valid-cookie request (${requests}): edge ${edgeMicros.toFixed(1)} us,`
    + ` bare ${bareMicros.toFixed(1)} us, edge adds ${(edgeMicros - bareMicros).toFixed(1)} us`
    + ` (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);

  if (top === 0) process.exit(0); // figures only, no profile
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  const profiledFrom = process.cpuUsage();
  await run(edge, cookie, requests);
  const { profile } = await session.post('Profiler.stop');
  const profiledCpu = process.cpuUsage(profiledFrom);
  const edgeProfiled = (profiledCpu.user + profiledCpu.system) / requests;
  session.disconnect();

  const total = profile.samples.length;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const keyOf = (f) => `${f.functionName || '(anonymous)'} ${path.basename(f.url || '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  // Self time: samples whose top frame is the function; total time: samples with the function anywhere on the stack.
  const stats = new Map();
  const entry = (f) => {
    const key = keyOf(f);
    if (!stats.has(key)) stats.set(key, { self: 0, total: 0, frame: f });
    return stats.get(key);
  };
  for (const id of profile.samples) {
    entry(nodes.get(id).callFrame).self++;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const e = entry(nodes.get(at).callFrame);
      if (!seen.has(e)) {
        seen.add(e);
        e.total++;
      }
    }
  }
  const sources = new Map();
  const snippet = (f) => {
    if (!f.url || !f.url.startsWith('file:')) return '';
    const file = fileURLToPath(f.url);
    if (!sources.has(file)) sources.set(file, fs.readFileSync(file, 'utf8').split('\n'));
    const line = sources.get(file)[f.lineNumber] || '';
    return line.substr(f.columnNumber, 90).replace(/\s+/g, ' ');
  };
  const perRequest = (hits) => (hits / total * edgeProfiled).toFixed(1).padStart(6);
  for (const [title, field] of [['self', 'self'], ['total (self and callees)', 'total']]) {
    say(`${title} time, top ${top} of ${total} samples, as us per request:`);
    for (const [key, e] of [...stats].sort((a, b) => b[1][field] - a[1][field]).slice(0, top)) {
      say(`${perRequest(e[field])}  ${(100 * e[field] / total).toFixed(1).padStart(5)}%  ${key}  ${snippet(e.frame)}`);
    }
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
