// Headless Chromium driven over the DevTools protocol through a pipe, for the replay benchmarks (recorder-bench.mjs,
// player-bench.mjs): no npm package, only the machine's Chromium (ZM_CHROMIUM, else /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.ZM_CHROMIUM || '/usr/bin/chromium';

/**
 * Starts Chromium with a fresh profile and one page target. Returns send(method, params, sessionId), event(method)
 * (the next event of that method), the page's session id, evaluate(expression) in the page, and close() (stops
 * Chromium and removes its profile).
 */
export async function openChromium({ profilePrefix, windowSize }) {
  const profile = mkdtempSync(join(tmpdir(), profilePrefix));
  const chrome = spawn(CHROMIUM, ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    '--remote-debugging-pipe', `--window-size=${windowSize}`, `--user-data-dir=${profile}`, 'about:blank'],
  { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const toChrome = chrome.stdio[3];
  const fromChrome = chrome.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  let buffered = '';
  fromChrome.on('data', (data) => {
    buffered += data.toString('utf8');
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const { ok, fail } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) fail(new Error(JSON.stringify(message.error))); else ok(message.result);
      } else if (message.method) {
        listeners.splice(0).forEach((l) => (l.method === message.method ? l.ok(message.params) : listeners.push(l)));
      }
    }
  });
  function send(method, params = {}, sessionId) {
    const id = nextId++;
    toChrome.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    return new Promise((ok, fail) => pending.set(id, { ok, fail }));
  }
  function event(method) {
    return new Promise((ok) => listeners.push({ method, ok }));
  }
  async function close() {
    // Chromium writes its profile until it has exited: remove the folder after that
    const exited = chrome.exitCode !== null ? Promise.resolve() : new Promise((ok) => chrome.once('exit', ok));
    chrome.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, awaitPromise: true,
    returnByValue: true }, sessionId)).result.value;
  return { send, event, sessionId, evaluate, close };
}
