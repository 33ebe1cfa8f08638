// Measures the Node bundles as Lambda@Edge runs them (not a test; figures go in docs/benchmarks.md):
//   cold: wall time of `node` loading a bundle and resolving one valid-cookie request, against a bare `node` start;
//   and of a first visit (no cookie: a Protector call to a loopback stand-in);
//   inside the cold process: module load, and the first handler call (configuration, crypto, first decision);
//   warm: time per request on the valid-cookie path (no network call), after warm-up; the median of 5 rounds, in wall
//   time and in this process's CPU time.
// Lambda@Edge runs nodejs22.x: run this with a Node 22 binary for the figures that matter (docs/benchmarks/edge-node.md).
// Every cold figure is given twice: wall time, and the child's own CPU time (user + system, all its threads, read by
// the child as it exits), which other tenants of a shared machine inflate far less than wall time.
// Usage: node edge-node/bench/bundle-bench.js [coldRuns=30] [warmRequests=200000] [bundles=edge-node/target/lambda-edge]
//   (bundles: a folder holding viewer-request/index.js, with the zips one level up, to compare an earlier build)
'use strict';
const { execFile, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const coldRuns = Number(process.argv[2] || 30);
const warmRequests = Number(process.argv[3] || 200000);
const target = path.resolve(process.argv[4] || path.resolve(__dirname, '..', 'target', 'lambda-edge'));
const event = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'shared', 'testdata',
  'lambda-edge', 'events', 'awsdocs_viewer-request.json'), 'utf8'));

function config(protectorUrl) {
  return {
    cookie: { name: '__Host-ew', lifetime: 'PT24H', signingKey: 'k1',
      keys: { k1: Buffer.from('0123456789abcdef0123456789abcdef').toString('base64url') } },
    checkInterval: { initial: 'PT1H', max: 'PT1H' }, mode: 'mitigate', routes: [],
    exclude: { pathPrefixes: [], extensions: [] },
    protector: { url: protectorUrl, apiKey: 'k', timeout: 'PT1S', breaker: { failures: 5, open: 'PT30S' },
      rate: { perSecond: 1000000, burst: 1000000 } },
    ingest: { url: 'http://127.0.0.1:9', apiKey: 'k', batchSize: 50, maxAge: 'PT60S', queueLimit: 1000, timeout: 'PT1S' },
    challenge: { provider: 'pow', difficulty: 18 },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Appended to every child script: the child's CPU time in ms, as its last line of output.
const CPU_AT_EXIT = ";process.on('exit',()=>{const u=process.cpuUsage();"
  + "require('node:fs').writeSync(1,'\\n'+(u.user+u.system)/1000+'\\n')})";

function lastNumber(stdout) {
  return Number(String(stdout).trim().split('\n').pop());
}

// Children run script files, as Lambda's runtime loads a handler: `node -e` itself loads node:crypto and node:stream
// before the script starts (process.moduleLoadList shows them), which hid what the bundle's own loading of them cost.
function scriptFile(dir, name, source) {
  const file = path.join(dir, name + '.js');
  fs.writeFileSync(file, source + CPU_AT_EXIT);
  return file;
}

function timeRun(file) {
  const started = process.hrtime.bigint();
  const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
  return { wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: lastNumber(out) };
}

// Asynchronous, so this process's Protector stand-in can answer the child meanwhile.
function timeRunAsync(file) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => execFile(process.execPath, [file], (error, stdout) => (error
    ? reject(error) : resolve({ wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: lastNumber(stdout) }))));
}

function millisSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
  const protector = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end('{"action":"allow","ttl":3600,"reason":"bench","decisionId":null}');
    });
  });
  await new Promise((resolve) => protector.listen(0, '127.0.0.1', resolve));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgeward-bench-'));
  fs.copyFileSync(path.join(target, 'viewer-request', 'index.js'), path.join(dir, 'index.js'));
  fs.writeFileSync(path.join(dir, 'edgeward-edge.json'),
    JSON.stringify(config('http://127.0.0.1:' + protector.address().port)));

  const bundle = require(path.join(dir, 'index.js'));
  const first = await bundle.handler(structuredClone(event));
  const setCookie = first.headers['x-edgeward-set-cookie'][0].value;
  const withCookie = structuredClone(event);
  withCookie.Records[0].cf.request.headers.cookie = [{ key: 'Cookie', value: setCookie.split(';')[0] }];
  fs.writeFileSync(path.join(dir, 'event.json'), JSON.stringify(withCookie));

  // Warm: the valid-cookie path, no network call.
  for (let i = 0; i < 20000; i++) await bundle.handler(structuredClone(withCookie));
  const events = Array.from({ length: 1000 }, () => structuredClone(withCookie));
  // Wall time, and this process's CPU time, which time taken by other tenants of a shared machine does not inflate.
  const rounds = [], cpuRounds = [];
  for (let round = 0; round < 5; round++) {
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const count = Math.ceil(warmRequests / 5);
    for (let i = 0; i < count; i++) await bundle.handler(events[i % 1000]);
    const cpu = process.cpuUsage(cpuBefore);
    rounds.push(millisSince(started) * 1000 / count);
    cpuRounds.push((cpu.user + cpu.system) / count);
  }

  // Warm with a Protector call: requests without a cookie, each asking the loopback stand-in (the call budget is
  // raised above so that none is shed); the median of 2,000, in wall time.
  const callMicros = [];
  for (let i = 0; i < 2200; i++) {
    const started = process.hrtime.bigint();
    const r = await bundle.handler(structuredClone(event));
    if (i >= 200) callMicros.push(millisSince(started) * 1000);
    if (!r.headers['x-edgeward-mark'][0].value.includes('|allow|none|')) throw new Error('no Protector answer');
  }

  // Cold start: a fresh node loads the bundle and resolves one valid-cookie request (no network), vs bare node.
  const script = `const h=require(${JSON.stringify(path.join(dir, 'index.js'))});`
    + `h.handler(require(${JSON.stringify(path.join(dir, 'event.json'))})).then(r=>{`
    + `if(!r.headers['x-edgeward-mark'][0].value.includes('|valid|'))process.exit(3)})`;
  // What Node alone charges for the one module the cookie check cannot do without.
  const cryptoOnly = "require('node:crypto').createHmac('sha256', Buffer.alloc(32)).update('x').digest('base64url')";
  // A first visit: no cookie, so the cold process also loads its HTTP client and asks the Protector stand-in.
  fs.writeFileSync(path.join(dir, 'first-visit.json'), JSON.stringify(event));
  const firstVisit = `const h=require(${JSON.stringify(path.join(dir, 'index.js'))});`
    + `h.handler(require(${JSON.stringify(path.join(dir, 'first-visit.json'))})).then(r=>{`
    + `if(!r.headers['x-edgeward-mark'][0].value.includes('|allow|none|'))process.exit(3)})`;
  const files = { bare: scriptFile(dir, 'bare', ''), loaded: scriptFile(dir, 'cold-valid', script),
    crypto: scriptFile(dir, 'crypto-only', cryptoOnly), visit: scriptFile(dir, 'cold-first-visit', firstVisit) };
  const bare = [], loaded = [], crypto = [], visits = [];
  for (let i = 0; i < coldRuns; i++) {
    bare.push(timeRun(files.bare));
    loaded.push(timeRun(files.loaded));
    crypto.push(timeRun(files.crypto));
    visits.push(await timeRunAsync(files.visit));
  }

  // Where a cold process spends it: separate runs, since printing the figures costs time of its own.
  const split = `const c0=process.cpuUsage(),t0=process.hrtime.bigint();`
    + `const h=require(${JSON.stringify(path.join(dir, 'index.js'))});`
    + `const c1=process.cpuUsage(),t1=process.hrtime.bigint();`
    + `h.handler(require(${JSON.stringify(path.join(dir, 'event.json'))})).then(r=>{`
    + `const c2=process.cpuUsage(),t2=process.hrtime.bigint();const ms=(a,b)=>(b.user+b.system-a.user-a.system)/1000;`
    + `console.log(JSON.stringify([Number(t1-t0)/1e6,Number(t2-t1)/1e6,ms(c0,c1),ms(c1,c2)]))})`;
  const splitFile = scriptFile(dir, 'cold-split', split);
  const loads = [], firstCalls = [], loadsCpu = [], firstCallsCpu = [];
  for (let i = 0; i < Math.min(coldRuns, 15); i++) {
    const out = execFileSync(process.execPath, [splitFile], { encoding: 'utf8' });
    const [load, first, loadCpu, firstCpu] = JSON.parse(out.trim().split('\n')[0]);
    loads.push(load);
    firstCalls.push(first);
    loadsCpu.push(loadCpu);
    firstCallsCpu.push(firstCpu);
  }
  const wall = (runs) => runs.map((r) => r.wall);
  const cpu = (runs) => runs.map((r) => r.cpu);
  const added = (runs, of) => median(of(runs)) - median(of(bare));

  const zip = (name) => fs.statSync(path.resolve(target, '..', `edgeward-${name}-lambda.zip`)).size;
  console.log(JSON.stringify({
    node: process.version,
    zipBytes: { viewerRequest: zip('viewer-request'), logShipper: zip('log-shipper') },
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    coldStartMs: { bareNodeMedian: median(wall(bare)), bundleFirstResultMedian: median(wall(loaded)),
      addedMedian: added(loaded, wall), runs: coldRuns,
      nodeCryptoAloneAddedMedian: added(crypto, wall),
      firstVisitWithProtectorCallAddedMedian: added(visits, wall),
      inProcessMedian: { moduleLoad: median(loads), firstHandlerCall: median(firstCalls) } },
    coldStartCpuMs: { bareNodeMedian: median(cpu(bare)), addedMedian: added(loaded, cpu),
      nodeCryptoAloneAddedMedian: added(crypto, cpu), firstVisitWithProtectorCallAddedMedian: added(visits, cpu),
      inProcessMedian: { moduleLoad: median(loadsCpu), firstHandlerCall: median(firstCallsCpu) } },
    warmProtectorCallMicrosPerRequest: { median: median(callMicros), requests: callMicros.length },
    warmValidCookieMicrosPerRequest: { median: median(rounds), cpuMedian: median(cpuRounds), rounds, cpuRounds },
    warmRequests,
  }, null, 2));
  protector.close();
}

main().catch((e) => { console.error(e); process.exit(1); });
