// Measures the Worker bundle under workerd (not a test; figures go in docs/benchmarks.md, "Cloudflare Worker"):
//   size: worker.js + edgeward-core.js, raw and gzipped (Cloudflare's free-plan limit is 1 MB compressed);
//   warm: workerd's CPU time per valid-cookie request (no Protector call), after warm-up, for the edge Worker and for a
//     bare Worker that only proxies to the same origin; the difference is what the edge policy adds;
//   cold: in fresh workerd processes, CPU from launch until the socket accepts (module load), and CPU of the first
//     valid-cookie request, for both Workers; medians.
// Workers stop the clock while JavaScript runs, so time cannot be read inside the isolate: CPU is read from outside, as
// the sum over workerd's threads of /proc/<pid>/task/*/schedstat (nanoseconds on CPU). Linux only.
// Usage (after ./mvnw -B verify, or -pl edge-worker -am package): node edge-worker/bench/worker-bench.js [warm=20000] [cold=10]
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

const warmRequests = Number(process.argv[2] || 20000);
const coldRuns = Number(process.argv[3] || 10);
const CONCURRENCY = 8;
const root = path.resolve(__dirname, '..');
// EDGEWARD_BUNDLE: another built bundle directory, to compare variants in one sitting.
const bundle = process.env.EDGEWARD_BUNDLE ? path.resolve(process.env.EDGEWARD_BUNDLE) : path.join(root, 'target', 'worker');
const workerd = path.join(root, 'build', 'node_modules', '@cloudflare', 'workerd-linux-64', 'bin', 'workerd');
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Firefox/130.0';
const KEY = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64url');

const BARE = 'export default { fetch(request, env) { const url = new URL(request.url); const o = new URL(env.EDGEWARD_ORIGIN);'
  + ' url.protocol = o.protocol; url.host = o.host; return fetch(new Request(url, request)); } };\n';

function standIn(answer) {
  const server = http.createServer((req, res) => { req.resume(); req.on('end', () => answer(req, res)); });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function url(server) {
  return `http://127.0.0.1:${server.address().port}`;
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

function capnp(modules, bindings, port) {
  const esc = (v) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return 'using Workerd = import "/workerd/workerd.capnp";\n'
    + 'const config :Workerd.Config = (\n'
    + '  services = [ (name = "main", worker = .w),'
    + ' (name = "internet", network = (allow = ["public", "private", "local"])) ],\n'
    + `  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],\n);\n`
    + 'const w :Workerd.Worker = (\n'
    + `  modules = [ ${modules.map((m) => `(name = "${m}", esModule = embed "${m}")`).join(', ')} ],\n`
    + '  compatibilityDate = "2026-11-01", globalOutbound = "internet",\n'
    + `  bindings = [ ${Object.entries(bindings).map(([k, v]) => `(name = "${k}", text = "${esc(v)}")`).join(', ')} ],\n);\n`;
}

function cpuNanos(pid) {
  let total = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch (e) {
      // a thread that ended meanwhile
    }
  }
  return total;
}

function connectable(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
}

const children = new Set();

async function launch(dir, kind, bindings) {
  const port = await freePort();
  const modules = kind === 'edge' ? ['worker.js', 'edgeward-core.js'] : ['bare.js'];
  fs.writeFileSync(path.join(dir, `${kind}.capnp`), capnp(modules, bindings, port));
  const child = spawn(workerd, ['serve', path.join(dir, `${kind}.capnp`)], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  while (!(await connectable(port))) await new Promise((r) => setTimeout(r, 2));
  return { child, port, startupNanos: cpuNanos(child.pid) };
}

function get(port, cookie) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/products/42?page=2', agent, headers: {
      'user-agent': USER_AGENT, accept: 'text/html', 'cf-connecting-ip': '203.0.113.178',
      ...(cookie ? { cookie } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
  });
}

async function many(port, cookie, count) {
  let next = 0;
  async function lane() {
    while (next++ < count) {
      const res = await get(port, cookie);
      if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const micros = (nanos) => (nanos / 1000).toFixed(1);

async function main() {
  const files = ['worker.js', 'edgeward-core.js'].map((f) => fs.readFileSync(path.join(bundle, f)));
  const raw = files.reduce((n, b) => n + b.length, 0);
  const gzipped = zlib.gzipSync(Buffer.concat(files), { level: 9 }).length;
  console.log(`bundle: ${raw} bytes raw, ${gzipped} bytes gzipped (${(gzipped / 1024).toFixed(1)} KiB)`);

  const origin = await standIn((req, res) => { res.setHeader('content-type', 'text/html'); res.end('<p>ok</p>'); });
  const protector = await standIn((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"action":"allow","ttl":3600,"reason":"bench","decisionId":null}');
  });
  const ingest = await standIn((req, res) => { res.statusCode = 202; res.end(); });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgeward-worker-bench-'));
  for (const f of ['worker.js', 'edgeward-core.js']) fs.copyFileSync(path.join(bundle, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'bare.js'), BARE);
  const edgeBindings = {
    EDGEWARD_CONFIG: JSON.stringify({
      cookie: { name: '__Host-ew', lifetime: 'PT24H', signingKey: 'k1' },
      checkInterval: { initial: 'PT1H', max: 'PT1H' }, mode: 'mitigate', routes: [],
      protector: { url: url(protector), timeout: 'PT1S', breaker: { failures: 5, open: 'PT30S' } },
      ingest: { url: url(ingest), batchSize: 50, maxAge: 'PT60S', queueLimit: 1000, timeout: 'PT1S' },
      challenge: { provider: 'pow', difficulty: 18 },
    }),
    EDGEWARD_COOKIE_KEYS: JSON.stringify({ k1: KEY }),
    EDGEWARD_PROTECTOR_API_KEY: 'bench', EDGEWARD_INGEST_API_KEY: 'bench', EDGEWARD_ORIGIN: url(origin),
  };
  const bareBindings = { EDGEWARD_ORIGIN: url(origin) };
  try {
    // A session cookie as a returning visitor holds it: minted by a first visit (one Protector call).
    const minter = await launch(dir, 'edge', edgeBindings);
    const first = await get(minter.port, null);
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    if (!cookie.startsWith('__Host-ew=')) throw new Error('no session cookie from the first visit');
    minter.child.kill('SIGKILL');

    const warm = {};
    for (const [kind, bindings, cookieSent] of [['edge', edgeBindings, cookie], ['bare', bareBindings, null]]) {
      const w = await launch(dir, kind, bindings);
      await many(w.port, cookieSent, Math.min(2000, warmRequests));
      const before = cpuNanos(w.child.pid);
      await many(w.port, cookieSent, warmRequests);
      warm[kind] = (cpuNanos(w.child.pid) - before) / warmRequests;
      w.child.kill('SIGKILL');
    }
    console.log(`warm, workerd CPU per valid-cookie request (${warmRequests} requests, ${CONCURRENCY} at a time):`
      + ` edge ${micros(warm.edge)} us, bare proxy ${micros(warm.bare)} us, edge policy adds`
      + ` ${micros(warm.edge - warm.bare)} us`);

    const cold = { edge: { startup: [], first: [] }, bare: { startup: [], first: [] } };
    for (let i = 0; i < coldRuns; i++) {
      for (const [kind, bindings, cookieSent] of [['edge', edgeBindings, cookie], ['bare', bareBindings, null]]) {
        const w = await launch(dir, kind, bindings);
        const before = cpuNanos(w.child.pid);
        await get(w.port, cookieSent);
        cold[kind].startup.push(w.startupNanos);
        cold[kind].first.push(cpuNanos(w.child.pid) - before);
        w.child.kill('SIGKILL');
      }
    }
    for (const kind of ['edge', 'bare']) {
      console.log(`cold (${coldRuns} fresh processes, medians), ${kind}: launch to accepting`
        + ` ${micros(median(cold[kind].startup))} us CPU, first valid-cookie request ${micros(median(cold[kind].first))} us CPU`);
    }
    console.log(`cold, edge policy adds to the first request: ${micros(median(cold.edge.first) - median(cold.bare.first))} us`
      + `; to start-up: ${micros(median(cold.edge.startup) - median(cold.bare.startup))} us`);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    agent.destroy();
    origin.close();
    protector.close();
    ingest.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e.stack || e);
  process.exit(1);
});
