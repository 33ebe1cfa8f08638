// Rewrites a TeaVM bundle so V8 starts it faster (docs/benchmarks/edge-node.md, "Why the cold-start target is not
// met"). Behaviour is unchanged; the Node harness tests run the rewritten bundles.
//  1. Block-bodied arrow functions that use neither `this`, `arguments`, `super` nor `new.target` become function
//     expressions: TeaVM writes every method as an arrow, and V8 pre-parses arrows markedly slower.
//  2. The functions that the first requests run are wrapped in parentheses, V8's hint to compile them with the file
//     instead of lazily one by one. Which ones is found by running an instrumented copy on sample requests against
//     loopback stand-ins for Protector and ingest; for viewer-request, those of a cold valid-cookie request only.
// The result must parse again, or the build fails.
// Usage: node postprocess.js <folder holding index.js> <viewer-request|origin-request|log-shipper>
'use strict';
const acorn = require('acorn');
const walk = require('acorn-walk');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const [folder, kind] = process.argv.slice(2);
if (!folder || !['viewer-request', 'origin-request', 'log-shipper'].includes(kind)) {
  console.error('usage: node postprocess.js <folder holding index.js> <viewer-request|origin-request|log-shipper>');
  process.exit(2);
}
const file = path.join(folder, 'index.js');
const source = fs.readFileSync(file, 'utf8');
const MARK = '\n// edgeward: post-processed\n';
if (source.length === 0) {
  console.error(`${file} is empty: the TeaVM build failed`);
  process.exit(1);
}
if (source.endsWith(MARK)) {
  console.log(`${kind}: already post-processed`);
  process.exit(0);
}

function parse(text) {
  return acorn.parse(text, { ecmaVersion: 'latest', sourceType: 'script' });
}

/** Whether a function's own body refers to what an arrow takes from its surroundings. */
function usesEnclosingBindings(fn) {
  let found = false;
  walk.recursive(fn.body, null, {
    FunctionExpression() {},
    FunctionDeclaration() {},
    ThisExpression() { found = true; },
    Super() { found = true; },
    MetaProperty() { found = true; },
    Identifier(node) { if (node.name === 'arguments') found = true; },
  }, walk.base);
  return found;
}

/** Every function this tool may rewrite or mark, in source order. */
function candidates(ast) {
  const found = [];
  const statementStarts = new Set();
  walk.full(ast, (node) => {
    if (node.type === 'ExpressionStatement') statementStarts.add(node.start);
  });
  walk.full(ast, (node) => {
    const block = node.body && node.body.type === 'BlockStatement';
    if (node.type === 'FunctionExpression' && !node.generator && !node.async) {
      found.push({ node, lower: false });
    } else if (node.type === 'ArrowFunctionExpression' && block && !node.async) {
      // `function(){}` cannot start a statement the way `()=>{}` can: such an arrow keeps parentheses.
      found.push({ node, lower: !usesEnclosingBindings(node), startsStatement: statementStarts.has(node.start) });
    }
  });
  return found.sort((a, b) => a.node.start - b.node.start);
}

function applyEdits(text, edits) {
  let out = text;
  for (const edit of edits.sort((a, b) => b.at - a.at || b.order - a.order)) {
    out = out.slice(0, edit.at) + edit.text + out.slice(edit.at + (edit.remove || 0));
  }
  return out;
}

function bodyStart(fn) {
  // After any directive prologue, which must stay first in the body.
  const first = fn.body.body[0];
  return first && first.directive !== undefined ? first.end : fn.body.start + 1;
}

function instrumented(found) {
  const edits = found.map((c, i) => ({ at: bodyStart(c.node), text: `__edgewardSeen[${i}]=1;`, order: 0 }));
  const prologue = parse(source).body[0];
  const at = prologue && prologue.directive !== undefined ? prologue.end : 0;
  edits.push({ at, text: `var __edgewardSeen=globalThis.__edgewardSeen=new Uint8Array(${found.length});`, order: 1 });
  return applyEdits(source, edits);
}

function rewritten(found, seen) {
  const edits = [];
  let lowered = 0;
  let marked = 0;
  found.forEach((c, i) => {
    const node = c.node;
    const eager = seen[i] === 1;
    let head = '';
    if (c.lower) {
      const params = node.params.length
        ? source.slice(node.params[0].start, node.params[node.params.length - 1].end) : '';
      head = `function(${params})`;
      lowered++;
    }
    // Parentheses are what V8 reads as "compile now", so they go only where the profile saw the function run.
    const parenthesise = eager || (c.lower && c.startsStatement);
    if (parenthesise || c.lower) {
      edits.push({ at: node.start, text: (parenthesise ? '(' : '') + head,
        remove: c.lower ? node.body.start - node.start : 0, order: 1 });
    }
    if (parenthesise) {
      edits.push({ at: node.end, text: ')', order: 0 });
    }
    if (eager) marked++;
  });
  return { text: applyEdits(source, edits), lowered, marked };
}

function standIn(answer) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function event(eventType, request, response) {
  const cf = {
    config: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE',
      eventType, requestId: 'MRVMF7KydIvxMWfJIglgwHQwZsbG2IhRJ07sn9AkKUFSHS9EXAMPLE==' },
    request,
  };
  if (response) cf.response = response;
  return { Records: [{ cf }] };
}

function request(cookie) {
  const headers = {
    host: [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }],
    'user-agent': [{ key: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Firefox/130.0' }],
    accept: [{ key: 'Accept', value: 'text/html' }],
  };
  if (cookie) headers.cookie = [{ key: 'Cookie', value: cookie }];
  return { clientIp: '203.0.113.178', headers, method: 'GET', querystring: 'page=2', uri: '/products/42' };
}

/** Runs the instrumented bundle on the requests a fresh environment sees first; resolves with what ran. */
async function profile(code) {
  const protector = await standIn((res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"action":"allow","ttl":3600,"reason":"build","decisionId":null}');
  });
  const ingest = await standIn((res) => { res.statusCode = 202; res.end('{}'); });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgeward-postprocess-'));
  try {
    fs.writeFileSync(path.join(dir, 'index.js'), code);
    fs.writeFileSync(path.join(dir, 'edgeward-edge.json'), JSON.stringify({
      cookie: { name: '__Host-ew', lifetime: 'PT24H', signingKey: 'k1',
        keys: { k1: Buffer.from('build-time profiling key, not a secret').toString('base64url') } },
      checkInterval: { initial: 'PT1H', max: 'PT1H' }, mode: 'mitigate', routes: [],
      exclude: { pathPrefixes: [], extensions: [] },
      protector: { url: `http://127.0.0.1:${protector.address().port}`, apiKey: 'k', timeout: 'PT2S',
        breaker: { failures: 5, open: 'PT30S' } },
      ingest: { url: `http://127.0.0.1:${ingest.address().port}`, apiKey: 'k', batchSize: 50, maxAge: 'PT60S',
        queueLimit: 1000, timeout: 'PT1S' },
      challenge: { provider: 'pow', difficulty: 18 },
    }));
    const seen = {};
    const phase = (name) => {
      seen[name] = Uint8Array.from(globalThis.__edgewardSeen);
      globalThis.__edgewardSeen.fill(0);
    };
    const bundle = require(path.join(dir, 'index.js'));
    phase('load');
    if (kind === 'viewer-request') {
      // A first visit (Protector asked, cookie minted), then a return visit the cookie settles.
      const first = await bundle.handler(event('viewer-request', request(null)));
      phase('first');
      const minted = first.headers['x-edgeward-set-cookie'];
      if (!minted) throw new Error('the profiling request got no session cookie: ' + JSON.stringify(first));
      // The return visit runs in a fresh copy, so that what it needs is told apart from what the first visit
      // already ran.
      delete require.cache[require.resolve(path.join(dir, 'index.js'))];
      globalThis.__edgewardSeen.fill(0);
      const fresh = require(path.join(dir, 'index.js'));
      globalThis.__edgewardSeen.fill(0);
      await fresh.handler(event('viewer-request', request(minted[0].value.split(';')[0])));
      phase('cookie');
    } else if (kind === 'origin-request') {
      // A cache miss with the CloudFront-Viewer-* headers CloudFront adds after viewer-request: Protector asked.
      const miss = request(null);
      miss.headers['cloudfront-viewer-ja4-fingerprint'] = [{ key: 'CloudFront-Viewer-JA4-Fingerprint',
        value: 't13d1516h2_8daaf6152771_02713d6af862' }];
      miss.headers['cloudfront-viewer-country'] = [{ key: 'CloudFront-Viewer-Country', value: 'DE' }];
      const forwarded = await bundle.handler(event('origin-request', miss));
      if (!forwarded || forwarded.status) throw new Error('the profiling request was not forwarded: '
        + JSON.stringify(forwarded));
    } else {
      const response = { status: '200', statusDescription: 'OK',
        headers: { 'content-type': [{ key: 'Content-Type', value: 'text/html' }] } };
      await bundle.handler(event('viewer-response', request(null), response));
      await bundle.handler(event('origin-response', request(null), { ...response, status: '404' }));
    }
    phase('rest');
    return seen;
  } finally {
    protector.close();
    ingest.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  // TeaVM's own output, kept outside the bundle folder for profiling (the CDK app ships that whole folder).
  const raw = path.resolve(folder, '..', '..', 'teavm-raw', kind);
  fs.mkdirSync(raw, { recursive: true });
  fs.writeFileSync(path.join(raw, 'index.js'), source);
  const found = candidates(parse(source));
  const phases = await profile(instrumented(found));
  // Compiled with the file: what loading and a cold valid-cookie request run (viewer-request), or what the profiled
  // requests run (the others). A first visit's extra functions (the Protector call, minting) compile lazily, on
  // that visit: marking them too cost the cookie path more at load than it saved the first visit
  // (docs/benchmarks/edge-node.md, "After issue 14"). EDGEWARD_EAGER_PHASES=load,first,cookie,rest marks all.
  const wanted = (process.env.EDGEWARD_EAGER_PHASES
    || (kind === 'viewer-request' ? 'load,cookie' : 'load,rest')).split(',');
  const seen = new Uint8Array(found.length);
  for (const name of wanted) {
    if (phases[name]) phases[name].forEach((v, i) => { if (v) seen[i] = 1; });
  }
  const result = rewritten(found, seen);
  parse(result.text);
  fs.writeFileSync(file, result.text + MARK);
  console.log(`${kind}: ${result.lowered} arrow functions lowered, ${result.marked} of ${found.length} functions`
    + ` marked for eager compilation, ${source.length} -> ${result.text.length} bytes`);
}

main().then(() => process.exit(0), (e) => {
  console.error(`post-processing ${file} failed: ${e.stack || e}`);
  process.exit(1);
});
