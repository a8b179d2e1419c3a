// The player's time to first frame on a running product (docs/replay.md, "Player: time to first frame"). No npm
// package needed: Chromium is driven over the DevTools protocol through a pipe (--remote-debugging-pipe), as in
// recorder-bench.mjs. Usually started by `bin/zm bench player`, which first stores a five-minute demo session.
//
//   node src/tools/replay/player-bench.mjs --url http://localhost:8141 --replay <uuid> [--runs 15] [--user analyst:demo]
//
// Signs in (the form, as a person does), then opens /replays/{id} --runs times with the browser cache disabled (a
// first visit: page, zm-player.js, its CSS and the replay's data all fetched) and --runs times with it enabled (a
// second visit: only the replay's summary and events fetched again, which are not cacheable).
//
// Time to first frame: from the navigation's start (performance.timeOrigin) to the first animation frame in which the
// replayer's frame (.replayer-wrapper iframe) holds the rebuilt full snapshot (its body has elements): the frame in
// which the browser can first paint the recorded page. Polled with requestAnimationFrame from a script the DevTools
// protocol adds to the page before its own scripts. Also printed: when the events' response ended, and its size as
// transferred (Resource Timing's transferSize: headers and the body as sent, compressed or not) and decoded.
import { openChromium } from './devtools.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const BASE = String(args.url || 'http://localhost:8080').replace(/\/+$/, '');
const REPLAY = args.replay;
const RUNS = Number(args.runs || 15);
const [USER, PASSWORD] = String(args.user || 'analyst:demo').split(':');
if (!REPLAY || !/^[0-9a-f-]{36}$/i.test(REPLAY)) {
  console.error('usage: node player-bench.mjs --url http://localhost:PORT --replay <replay id> [--runs 15] [--user analyst:demo]');
  process.exit(2);
}

// ---- Chromium over the DevTools protocol (devtools.mjs) -----------------------------------------------------------
const { send, event, sessionId: s, evaluate, close } = await openChromium({ profilePrefix: 'zm-player-bench-', windowSize: '1400,1000' });
await send('Page.enable', {}, s);
await send('Network.enable', {}, s);
async function open(url) {
  const loaded = event('Page.loadEventFired');
  await send('Page.navigate', { url }, s);
  await loaded;
}
const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));
async function until(expression, what, timeout = 60000) {
  const start = Date.now();
  for (;;) {
    const value = await evaluate(expression);
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error('timed out waiting for ' + what);
    await wait(25);
  }
}
const pct = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1))];
};
const ms = (x) => x.toFixed(0);

// The probe: added before the page's own scripts, in the top page of a replay only (the replayer's frame runs no
// script: it is sandboxed without scripts).
await send('Page.addScriptToEvaluateOnNewDocument', { source: `
  if (window.top === window && location.pathname.indexOf('/replays/') === 0) {
    window.__zmFirstFrame = 0;
    var tick = function () {
      var f = document.querySelector('.replayer-wrapper iframe');
      var d = f && f.contentDocument;
      if (d && d.body && d.body.childElementCount > 0) { window.__zmFirstFrame = performance.now(); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }` }, s);

try {
  const version = await send('Browser.getVersion');
  // ---- sign in, as a person does ----
  await open(BASE + '/login');
  const signedIn = event('Page.loadEventFired');
  await evaluate(`(function () {
    document.querySelector('input[name=username]').value = ${JSON.stringify(USER)};
    document.querySelector('input[name=password]').value = ${JSON.stringify(PASSWORD)};
    document.querySelector('input[name=username]').form.submit();
    return true; })()`);
  await signedIn;
  const where = await evaluate('location.pathname');
  if (where.startsWith('/login')) throw new Error(`signing in as ${USER} failed (still on ${where})`);

  const page = `${BASE}/replays/${REPLAY}`;
  console.log(`Chromium: ${version.product}; ${page}; ${RUNS} runs each, cold (cache disabled) and warm`);
  for (const mode of ['cold', 'warm']) {
    await send('Network.setCacheDisabled', { cacheDisabled: mode === 'cold' }, s);
    if (mode === 'warm') await open(page); // fills the cache; not counted
    const frames = [];
    const fetched = [];
    const waited = [];
    let sizes;
    for (let run = 0; run < RUNS; run++) {
      await open(page);
      const frame = await until('window.__zmFirstFrame', 'the first frame of the replay (is the replay there?)');
      const r = await evaluate(`(function () {
        var e = performance.getEntriesByType('resource').filter(function (r) { return /\\/events$/.test(r.name); })[0];
        var n = performance.getEntriesByType('navigation')[0];
        var f = document.querySelector('.replayer-wrapper iframe');
        return {eventsEnd: e ? e.responseEnd : -1, eventsWait: e ? e.responseStart - e.requestStart : -1,
          pay: !!f.contentDocument.getElementById('pay'), transfer: e ? e.transferSize : -1, encoded: e ? e.encodedBodySize : -1,
          decoded: e ? e.decodedBodySize : -1, html: n ? n.responseEnd : -1,
          summary: (document.getElementById('replay-summary') || {}).textContent || '',
          nodes: f.contentDocument.getElementsByTagName('*').length};
      })()`);
      frames.push(frame);
      fetched.push(r.eventsEnd);
      waited.push(r.eventsWait);
      if (!r.pay) throw new Error('the first frame is not the recorded checkout (no #pay in the replayer\'s frame)');
      sizes = r;
      if (run === 0) console.log(`  ${mode} first run: first frame ${ms(frame)} ms (page ${ms(r.html)} ms, events fetched ${ms(r.eventsEnd)} ms); `
        + `${r.nodes} elements in the replayer's frame; "${r.summary}"`);
    }
    console.log(`${mode}: time to first frame median ${ms(pct(frames, 50))} ms, p95 ${ms(pct(frames, 95))} ms `
      + `(min ${ms(Math.min(...frames))}, max ${ms(Math.max(...frames))}); events fetched by median ${ms(pct(fetched, 50))} ms `
      + `(the server's answer to it: median ${ms(pct(waited, 50))} ms to its first byte)`);
    console.log(`${mode}: events ${sizes.transfer} bytes transferred (${sizes.encoded} body as sent, ${sizes.decoded} decoded)`);
  }
} finally {
  await close();
}
