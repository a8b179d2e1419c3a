// The session recorder's size and cost on the page, measured in headless Chromium (docs/replay.md, "Recorder and
// player"). No npm package needed: Node's own http server plays the ingestion endpoint, and Chromium is driven over
// the DevTools protocol through a pipe (--remote-debugging-pipe).
//
//   ./mvnw -q -DskipTests package      (builds target/classes/static/replay/zm-recorder.js)
//   node src/tools/replay/recorder-bench.mjs [--seconds 60] [--elements 1000,5000,20000] [--repeat 5] [--port 8101]
//
// Prints: the recorder's size (minified, gzip -9); the full snapshot's time for pages of N elements (median of the
// repeats: from the Meta event to the FullSnapshot event, both stamped by rrweb); and a minute of a busy customer
// (a key every 200 ms into a text area, a click every 2 s that adds a line to the page, the mouse moving) without and
// with recording: the main thread's busy time (Chromium's TaskDuration) and what was sent per minute.
import { openChromium } from './devtools.mjs';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const SECONDS = Number(args.seconds || 60);
const ELEMENTS = String(args.elements || '1000,5000,20000').split(',').map(Number);
const REPEAT = Number(args.repeat || 5);
const PORT = Number(args.port || 8101);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const recorderFile = join(root, 'target/classes/static/replay/zm-recorder.js');
const recorder = readFileSync(recorderFile);

// ---- the page and the endpoint ----------------------------------------------------------------------------------
function page(n, consent) {
  const parts = [];
  for (let i = 0; parts.length < n; i++) {
    parts.push(`<section><h2>Section ${i}</h2>`, `<p>Order line ${i}: two pairs of shoes, size ${36 + (i % 10)}, `
      + `delivered to a parcel box</p>`, `<label>Note ${i} <input name="n${i}" value="value ${i}"></label>`,
    `<table><tr><td>${i}</td><td>299.00 SEK</td><td><a href="/item/${i}">item</a></td></tr></table></section>`);
  }
  // a <section> with its children is about 10 elements; n counts elements, roughly
  const body = parts.slice(0, Math.max(1, Math.round(n / 2.5))).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>bench ${n}</title>
<style>body{font-family:sans-serif} section{border-bottom:1px solid #ddd;padding:4px} #typed{width:600px;height:80px}</style>
<script src="/replay/zm-recorder.js" data-zm-endpoint="/"${consent ? ' data-zm-consent="granted"' : ''}></script></head>
<body><h1>Checkout</h1><textarea id="typed"></textarea><button id="add" style="position:fixed;left:10px;top:10px;width:120px;height:40px">Add</button>
<ul id="lines"></ul>
<script>document.getElementById('add').addEventListener('click',function(){var li=document.createElement('li');
li.textContent='Line '+document.querySelectorAll('#lines li').length;document.getElementById('lines').appendChild(li);});</script>
${body}</body></html>`;
}

const received = []; // {raw, gzip, events}
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (process.env.ZM_BENCH_DEBUG) console.error(req.method, req.url, req.headers['content-encoding'] || '');
    const url = new URL(req.url, 'http://x');
    if (req.method === 'GET' && url.pathname === '/replay/zm-recorder.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(recorder);
    } else if (req.method === 'GET' && url.pathname === '/page') {
      res.writeHead(200, { 'Content-Type': 'text/html' })
        .end(page(Number(url.searchParams.get('n')), url.searchParams.get('consent') === '1'));
    } else if (req.method === 'POST' && url.pathname === '/api/v1/replay-sessions') {
      // a batch limit far above the contract's default, so that the snapshots of large pages arrive to be measured
      // (what the recorder does with one over the limit: docs/replay.md)
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ sessionId: crypto.randomUUID(),
        record: true, flushMillis: 5000, maxBatchBytes: 16 * 1024 * 1024 }));
    } else if (req.method === 'POST' && url.pathname.endsWith('/events')) {
      const body = Buffer.concat(chunks);
      const raw = req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
      received.push({ sent: body.length, raw: raw.length, events: JSON.parse(raw.toString('utf8')).events });
      res.writeHead(202, { 'Content-Type': 'application/json' }).end('{"stored":1}');
    } else {
      res.writeHead(404).end();
    }
  });
});
await new Promise((ok) => server.listen(PORT, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${PORT}`;

// ---- Chromium over the DevTools protocol (devtools.mjs) -----------------------------------------------------------
const { send, event, sessionId: s, evaluate, close } = await openChromium({ profilePrefix: 'zm-bench-', windowSize: '1280,900' });
await send('Page.enable', {}, s);
await send('Performance.enable', { timeDomain: 'threadTicks' }, s);
async function open(url) {
  // a new tab's session each time: the recorder would otherwise continue the previous page's session
  await evaluate('try { sessionStorage.clear() } catch (e) {}');
  const loaded = event('Page.loadEventFired');
  await send('Page.navigate', { url }, s);
  await loaded;
}
async function until(condition, what, timeout = 30000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error('timed out waiting for ' + what);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}
const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));
const metric = async (name) => (await send('Performance.getMetrics', {}, s)).metrics.find((m) => m.name === name).value;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  console.log(`zm-recorder.js: ${recorder.length} bytes minified, ${gzipSync(recorder, { level: 9 }).length} bytes gzip -9`);
  const version = await send('Browser.getVersion');
  await send('Emulation.setFocusEmulationEnabled', { enabled: true }, s);
  console.log(`Chromium: ${version.product}; ${SECONDS} s of interaction; full snapshot: median of ${REPEAT}`);

  // ---- the full snapshot ----
  for (const n of ELEMENTS) {
    const times = [];
    let elements = 0;
    let bytes = 0;
    for (let r = 0; r < REPEAT; r++) {
      received.length = 0;
      await open(`${origin}/page?n=${n}`);
      elements = await evaluate('document.getElementsByTagName("*").length');
      await evaluate('zmReplay.consent()');
      await until(() => received.some((b) => b.events.some((e) => e.type === 2)), 'the full snapshot', 60000);
      const events = received.flatMap((b) => b.events);
      const meta = events.find((e) => e.type === 4);
      const full = events.find((e) => e.type === 2);
      times.push(full.timestamp - meta.timestamp);
      bytes = Buffer.byteLength(JSON.stringify(full));
    }
    console.log(`full snapshot, ${elements} elements: ${median(times)} ms (min ${Math.min(...times)}, max `
      + `${Math.max(...times)}), ${Math.round(bytes / 1024)} KiB of JSON (${bytes <= 4194304 - 64 ? 'fits' : 'does NOT fit'} `
      + `in a gzipped batch of the server's default maxBatchJsonBytes, 4,194,304 bytes)`);
  }

  // ---- a busy minute, without and with recording ----
  const results = {};
  for (const recording of [false, true]) {
    received.length = 0;
    await open(`${origin}/page?n=1000&consent=${recording ? 1 : 0}`);
    if (recording) await until(() => received.some((b) => b.events.some((e) => e.type === 2)), 'recording');
    const firstBatches = received.length;
    await evaluate('document.getElementById("typed").focus()');
    const beforeTask = await metric('TaskDuration');
    const beforeScript = await metric('ScriptDuration');
    const started = Date.now();
    let keys = 0;
    let clicks = 0;
    while (Date.now() - started < SECONDS * 1000) {
      await send('Input.insertText', { text: 'abcdefghij'[keys % 10] }, s);
      keys++;
      const x = 200 + (keys * 37) % 800;
      const y = 200 + (keys * 53) % 500;
      await send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }, s);
      if (keys % 10 === 0) {
        await send('Input.dispatchMouseEvent', { type: 'mousePressed', x: 60, y: 30, button: 'left', clickCount: 1 }, s);
        await send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: 60, y: 30, button: 'left', clickCount: 1 }, s);
        clicks++;
        await evaluate('document.getElementById("typed").focus()');
      }
      await wait(200);
    }
    if (recording) await wait(5500); // the last flush
    const task = (await metric('TaskDuration')) - beforeTask;
    const script = (await metric('ScriptDuration')) - beforeScript;
    const batches = received.slice(firstBatches);
    const perMinute = 60 / SECONDS;
    results[recording] = { task, script };
    console.log(`${recording ? 'recording' : 'not recording'}: ${keys} keys, ${clicks} clicks in ${SECONDS} s; main `
      + `thread busy ${Math.round(task * 1000 * perMinute)} ms per minute (scripts ${Math.round(script * 1000 * perMinute)} ms)`
      + (recording ? `; sent ${batches.length} batches, ${Math.round(batches.reduce((a, b) => a + b.sent, 0) / 1024 * perMinute)} KiB `
        + `gzip per minute (${Math.round(batches.reduce((a, b) => a + b.raw, 0) / 1024 * perMinute)} KiB of JSON)` : ''));
  }
  const scripts = (results.true.script - results.false.script) * 1000 * 60 / SECONDS;
  const tasks = (results.true.task - results.false.task) * 1000 * 60 / SECONDS;
  console.log(`the recorder's cost: ${Math.round(scripts)} ms of script time per minute of such use `
    + `(${(scripts / 600).toFixed(2)} % of the minute); main-thread busy time ${tasks >= 0 ? '+' : ''}${Math.round(tasks)} ms `
    + `per minute against not recording (the input, style and layout work of the minute itself varies by more)`);
} finally {
  await close();
  server.close();
}
