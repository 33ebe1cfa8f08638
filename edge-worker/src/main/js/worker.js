// The Cloudflare Worker (docs/cloudflare.md "The Worker"): edge-core's viewer-request policy and log shipper,
// compiled by TeaVM into edgeward-core.js, driven from fetch(request, env, ctx).
//
// edge-core's crypto ports are synchronous and WebCrypto is not, so the asynchronous work sits around the policy:
//   before it runs: the HMAC of the request's session cookie and the SHA-256 of its User-Agent (the only inputs the
//     viewer-request policy verifies and hashes), unless an earlier request of this isolate computed them;
//   after it returns: the signatures of the cookies it minted, which it wrote as same-length placeholders.
// The policy reads what was prepared through `host`; anything unprepared is a fault it turns into a pass-through.
//
// Every fault passes the request to the origin (fail open), with the viewer's own x-edgeward-* headers removed.
import { configure, cookieToVerify, wantsBody, decide, responded } from './edgeward-core.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SIGNATURE_LENGTH = 43; // base64url of 32 bytes, unpadded
const BODY_LIMIT = 40 * 1024; // what CloudFront exposes of a viewer-request body
const OURS = 'x-edgeward-';
const LONG_INPUT = 512; // bytes; a browser's User-Agent is about 150

function base64Url(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] & 0xff);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function bytesOfBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A byte string as a map key. */
function binaryKey(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] & 0xff);
  return text;
}

/** A Map bounded in entries that forgets the least recently used first: its keys come from viewers. */
class Memo {
  constructor(limit) {
    this.limit = limit;
    this.map = new Map();
  }

  get(key) {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key, value) {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value);
  }

  take(key) {
    const value = this.map.get(key);
    this.map.delete(key);
    return value;
  }
}

/** What the core's synchronous ports call (WorkerHost.java), and the WebCrypto work around the policy. */
class Host {
  constructor() {
    this.keys = new Map(); // kid -> CryptoKey
    // Bounded in bytes too (DESIGN "Bounded by design"): a signing input is at most 4 KB (longer cookies are refused
    // unread), and a long User-Agent only ever shares a small memo.
    this.signatures = new Memo(2048); // kid \n signing input -> base64url HMAC
    this.digests = new Memo(1024); // input bytes (up to LONG_INPUT) -> SHA-256 (Int8Array)
    this.longDigests = new Memo(16); // longer inputs
    this.pending = new Memo(1024); // placeholder -> { kid, input }
    this.prefix = null;
    this.counter = 0;
    this.ctx = null; // the request on whose behalf the core is running, for ctx.waitUntil
  }

  async start(keys) {
    // Random values are not allowed in a Worker's global scope, hence here. A viewer cannot guess the prefix, so it
    // cannot plant a placeholder in anything the Worker fills.
    this.prefix = base64Url(crypto.getRandomValues(new Uint8Array(24)));
    const imports = Object.keys(keys).map(async (kid) => {
      this.keys.set(kid, await crypto.subtle.importKey('raw', keys[kid], { name: 'HMAC', hash: 'SHA-256' },
        false, ['sign']));
    });
    await Promise.all(imports);
  }

  knownSignature(kid, input) {
    return this.signatures.get(kid + '\n' + input) ?? null;
  }

  signatureOrPlaceholder(kid, input) {
    const known = this.knownSignature(kid, input);
    if (known !== null) return known;
    const placeholder = this.prefix + String(this.counter++ % 1e11).padStart(SIGNATURE_LENGTH - this.prefix.length, '0');
    this.pending.set(placeholder, { kid, input });
    return placeholder;
  }

  digestMemo(length) {
    return length > LONG_INPUT ? this.longDigests : this.digests;
  }

  knownDigest(data) {
    const known = this.digestMemo(data.length).get(binaryKey(data));
    return known === undefined ? null : known.slice();
  }

  base64UrlOfText(text) {
    return base64Url(encoder.encode(text));
  }

  parseBase64UrlJson(b64) {
    try {
      return { ok: JSON.parse(decoder.decode(bytesOfBase64Url(b64))) };
    } catch (e) {
      return { error: String(e && e.message) };
    }
  }

  /** fetch for the core's EdgeHttp: calls back exactly once, never rejects, and outlives the response. */
  post(url, headers, body, timeoutMs, ok, fail) {
    const owner = this.ctx;
    let settled = false;
    const once = (callback) => (...args) => {
      if (settled) return;
      settled = true;
      const previous = this.ctx;
      this.ctx = owner;
      try {
        callback(...args);
      } catch (e) {
        console.error('edgeward: callback failed', e);
      } finally {
        this.ctx = previous;
      }
    };
    const onOk = once(ok);
    const onFail = once(fail);
    let sent;
    try {
      sent = fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) })
        .then((r) => r.text().then((t) => onOk(r.status, t)))
        .catch((e) => onFail(String((e && (e.name + ': ' + e.message)) || e)));
    } catch (e) {
      onFail(String(e));
      return;
    }
    if (owner) owner.waitUntil(sent);
  }

  async sign(kid, input) {
    const mac = await crypto.subtle.sign('HMAC', this.keys.get(kid), encoder.encode(input));
    const signature = base64Url(new Uint8Array(mac));
    this.signatures.set(kid + '\n' + input, signature);
    return signature;
  }

  /** Computes what the policy will read: the cookie's HMAC and the User-Agent's digest, unless known already. */
  async prepare(token, userAgent) {
    const work = [];
    if (token && this.keys.has(token.kid) && this.knownSignature(token.kid, token.input) === null) {
      work.push(this.sign(token.kid, token.input));
    }
    const bytes = encoder.encode(userAgent);
    const key = binaryKey(bytes);
    const memo = this.digestMemo(bytes.length);
    if (memo.get(key) === undefined) {
      work.push(crypto.subtle.digest('SHA-256', bytes).then((d) => memo.set(key, new Int8Array(d))));
    }
    if (work.length) await Promise.all(work);
  }

  /** Replaces every signature placeholder in the result with the real signature. */
  async fill(result) {
    const found = new Set();
    this.collect(result, found);
    if (found.size === 0) return result;
    const signatures = new Map();
    await Promise.all([...found].map(async (placeholder) => {
      const job = this.pending.take(placeholder);
      if (!job) throw new Error('a signature placeholder was not pending');
      signatures.set(placeholder, await this.sign(job.kid, job.input));
    }));
    return this.replace(result, signatures);
  }

  collect(value, found) {
    if (typeof value === 'string') {
      for (let at = value.indexOf(this.prefix); at >= 0; at = value.indexOf(this.prefix, at + SIGNATURE_LENGTH)) {
        found.add(value.substr(at, SIGNATURE_LENGTH));
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) this.collect(value[key], found);
    }
  }

  replace(value, signatures) {
    if (typeof value === 'string') {
      let out = value;
      for (const [placeholder, signature] of signatures) out = out.split(placeholder).join(signature);
      return out;
    }
    if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) value[key] = this.replace(value[key], signatures);
    }
    return value;
  }
}

const host = new Host();
let started = null;

async function start(env) {
  const configured = configure(env, host);
  if (configured.error) {
    console.warn('edgeward: ' + configured.error + '; passing every request through unchecked');
    return configured;
  }
  try {
    await host.start(configured.keys);
  } catch (e) {
    console.warn('edgeward: cookie keys unusable by WebCrypto; passing every request through unchecked: ' + e);
    return { error: 'keys' };
  }
  return configured;
}

function push(headers, name, value) {
  if (value === undefined || value === null || value === '') return;
  (headers[name] ??= []).push({ key: name, value: String(value) });
}

/** The request as the Lambda@Edge viewer-request event edge-core reads. */
function viewerEvent(request, url, body, requestId) {
  const headers = {};
  for (const [name, value] of request.headers) {
    // The viewer's own cloudfront-* headers are spoofs; the ones below come from Cloudflare.
    if (!name.startsWith('cloudfront-')) push(headers, name, value);
  }
  const cf = request.cf || {};
  const bot = cf.botManagement || {};
  push(headers, 'cloudfront-viewer-country', cf.country);
  push(headers, 'cloudfront-viewer-asn', cf.asn);
  push(headers, 'cloudfront-viewer-ja3-fingerprint', bot.ja3Hash);
  push(headers, 'cloudfront-viewer-ja4-fingerprint', bot.ja4);
  const cfRequest = {
    clientIp: request.headers.get('cf-connecting-ip') || '',
    method: request.method,
    uri: url.pathname,
    querystring: url.search.slice(1),
    headers,
  };
  if (body) {
    cfRequest.body = { inputTruncated: body.truncated, action: 'read-only', encoding: 'text', data: body.text };
  }
  return { Records: [{ cf: { config: config(url, 'viewer-request', requestId), request: cfRequest } }] };
}

function config(url, eventType, requestId) {
  return { distributionDomainName: url.hostname, distributionId: 'cloudflare-worker', eventType, requestId };
}

function withoutOurs(cfRequest) {
  const headers = {};
  for (const name of Object.keys(cfRequest.headers)) {
    if (!name.startsWith(OURS)) headers[name] = cfRequest.headers[name];
  }
  return { ...cfRequest, headers };
}

async function readBody(request) {
  const bytes = new Uint8Array(await request.arrayBuffer());
  const truncated = bytes.length > BODY_LIMIT;
  return { truncated, text: decoder.decode(truncated ? bytes.subarray(0, BODY_LIMIT) : bytes) };
}

/**
 * The policy's decision, crypto prepared before and signatures filled after; null when no decision came within
 * `waitMillis`. Only a decision still waiting on Protector when decide() returns gets a timer: a timer costs workerd
 * more CPU than the whole valid-cookie decision (docs/benchmarks.md, Cloudflare Worker), and WebCrypto cannot hang.
 */
async function decision(event, request, ctx, waitMillis) {
  await host.prepare(cookieToVerify(request.headers.get('cookie')), request.headers.get('user-agent') ?? '');
  host.ctx = ctx;
  let settled = null;
  const decided = new Promise((resolve) => decide(event, (result) => {
    settled = result;
    resolve(result);
  }));
  const result = settled !== null ? settled : await withDeadline(decided, waitMillis);
  return result === null ? null : host.fill(result);
}

function withDeadline(promise, millis) {
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), millis);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The origin request: the viewer's URL (or EDGEWARD_ORIGIN's scheme, host and port) with the policy's headers. */
function originRequest(request, url, cfRequest, body, env) {
  const target = new URL(url);
  if (env.EDGEWARD_ORIGIN) {
    const origin = new URL(env.EDGEWARD_ORIGIN);
    target.protocol = origin.protocol;
    target.host = origin.host;
  }
  const headers = new Headers();
  for (const name of Object.keys(cfRequest.headers)) {
    if (name === 'host') continue;
    for (const entry of cfRequest.headers[name]) headers.append(name, entry.value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(target, { method: request.method, headers, redirect: 'manual',
    body: hasBody ? (body ? body.text : request.body) : null });
}

function generatedResponse(cfResponse, method) {
  const headers = new Headers();
  for (const name of Object.keys(cfResponse.headers || {})) {
    for (const entry of cfResponse.headers[name]) headers.append(name, entry.value);
  }
  let body = cfResponse.body ?? null;
  if (body !== null && cfResponse.bodyEncoding === 'base64') body = bytesOfBase64Url(body);
  return new Response(method === 'HEAD' ? null : body, { status: Number(cfResponse.status), headers });
}

function responseEvent(url, requestId, cfRequest, response) {
  const headers = {};
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') push(headers, name, value);
  }
  for (const cookie of response.headers.getSetCookie ? response.headers.getSetCookie() : []) {
    push(headers, 'set-cookie', cookie);
  }
  const eventType = response.status < 400 ? 'viewer-response' : 'origin-response';
  return { Records: [{ cf: { config: config(url, eventType, requestId), request: cfRequest,
    response: { status: String(response.status), statusDescription: response.statusText || '', headers } } }] };
}

async function handle(request, env, ctx) {
  host.ctx = ctx;
  const engine = await (started ??= start(env));
  const url = new URL(request.url);
  // Cloudflare's Ray ID names the request in its own logs too; workerd alone has none.
  const requestId = request.headers.get('cf-ray') || crypto.randomUUID();
  let body = null;
  let event = null;
  let cfRequest = null;
  try {
    if (!engine.error) {
      body = wantsBody(request.method, url.pathname) ? await readBody(request) : null;
      event = viewerEvent(request, url, body, requestId);
      const result = await decision(event, request, ctx, engine.waitMillis);
      if (result === null) {
        console.warn('edgeward: no decision within ' + engine.waitMillis + ' ms, request passed');
      } else if (result.respond) {
        return generatedResponse(result.respond, request.method);
      } else if (result.forward) {
        cfRequest = result.forward;
      } else {
        console.warn('edgeward: request passed unchanged: ' + result.pass);
      }
    }
  } catch (e) {
    console.warn('edgeward: request passed unchanged after a fault: ' + e);
  }
  if (cfRequest === null) {
    cfRequest = withoutOurs((event || viewerEvent(request, url, body, requestId)).Records[0].cf.request);
  }
  let response;
  try {
    response = await fetch(originRequest(request, url, cfRequest, body, env));
  } catch (e) {
    console.warn('edgeward: origin unreachable: ' + e);
    return new Response('origin unreachable', { status: 502 });
  }
  if (engine.error) return response;
  host.ctx = ctx;
  const cookie = responded(responseEvent(url, requestId, cfRequest, response));
  if (!cookie) return response;
  const out = new Response(response.body, response);
  out.headers.append('set-cookie', cookie);
  return out;
}

export default {
  fetch: handle,
};
