// zm-recorder.js: privacy-first session recording for zeromission (issue 18, docs/replay.md).
//
// <script src="BASE/replay/zm-recorder.js" data-zm-endpoint="BASE" [data-zm-consent="granted"]
//         [data-zm-customer="ID"]></script>
// window.zmReplay = { consent(), optOut(), sessionId(), onSession(cb) }
//
// Nothing is sent before consent. Every input value is masked to '*' (the server refuses any other), every text is
// masked except inside [data-zm-unmask], images, media, canvas, iframes and SVG are blocked, there is no console or
// network capture, and page addresses go without their query string and fragment. The recorder never blocks the
// page: every request is asynchronous, a failed batch is retried a few times and then dropped.
import { record } from '@rrweb/record';

const SESSION_KEY = 'zm-replay-session'; // the session id (contract: pages of one origin continue one session)
const SEQ_KEY = 'zm-replay-seq'; // the next batch number of that session, so that a second page does not repeat one
const SETTINGS_KEY = 'zm-replay-settings'; // flushMillis, maxBatchBytes and maxBatchJsonBytes as the server answered them
const OFF_KEY = 'zm-replay-off'; // 'opt-out' or 'not-sampled': this tab records nothing more
const RETRIES = 3; // a failed batch is sent at most 1 + RETRIES times, then dropped
const MAX_QUEUED = 20; // batches waiting to be sent; beyond that the oldest is dropped (a dead server never grows memory)
const KEEPALIVE_LIMIT = 60000; // browsers refuse keepalive bodies beyond 64 KiB in flight
const ERROR_SELECTOR = '[role=alert],[data-zm-error]';
const UNMASK_SELECTOR = '[data-zm-unmask]';
// Every kind of input, including hidden, submit and checkbox values that rrweb's maskAllInputs leaves out: the key
// 'input' masks every <input> whatever its type (rrweb looks up the tag name first).
const MASK_INPUTS = {
  input: true, textarea: true, select: true, password: true, text: true, email: true, tel: true, number: true,
  search: true, url: true, date: true, 'datetime-local': true, month: true, week: true, time: true, color: true,
  range: true, hidden: true, checkbox: true, radio: true, submit: true, button: true, reset: true, file: true,
};
const BLOCKED = 'img,picture,video,audio,canvas,iframe,frame,object,embed,svg';

const script = document.currentScript;
const config = {
  endpoint: stripSlash((script && script.getAttribute('data-zm-endpoint')) || (script && script.src ? new URL(script.src).origin : location.origin)),
  consent: !!script && script.getAttribute('data-zm-consent') === 'granted',
  customer: (script && script.getAttribute('data-zm-customer')) || null,
};

let state = 'idle'; // idle → starting → recording → stopped
let stopRecording = null;
let buffer = []; // JSON strings of the events since the last flush
let bufferBytes = 2; // the "[]" around them
let flushTimer = null;
let settings = { flushMillis: 5000, maxBatchBytes: 262144, maxBatchJsonBytes: 262144 };
const queue = []; // {seq, json} waiting or being retried
let sending = false;
const sessionCallbacks = [];
const encoder = new TextEncoder();

function stripSlash(s) {
  return s.replace(/\/+$/, '');
}

/** The page's address without its query string and fragment (they may hold order numbers, e-mail addresses, tokens). */
function pageAddress(href) {
  try {
    const u = new URL(href, location.href);
    return u.origin + u.pathname;
  } catch (e) {
    return '';
  }
}

/** Text is kept only inside [data-zm-unmask]; elsewhere every non-space character becomes '*'. */
function maskText(text, element) {
  if (element && element.closest && element.closest(UNMASK_SELECTOR)) return text;
  return text.replace(/\S/g, '*');
}

function storage() {
  try {
    return window.sessionStorage;
  } catch (e) {
    return null; // storage disabled: one page is one session
  }
}

function load(key) {
  const s = storage();
  try { return s ? s.getItem(key) : null; } catch (e) { return null; }
}

function save(key, value) {
  const s = storage();
  try {
    if (!s) return;
    if (value === null) s.removeItem(key); else s.setItem(key, value);
  } catch (e) { /* full or disabled: recording goes on without continuity */ }
}

function sessionId() {
  return load(SESSION_KEY);
}

function nextSeq() {
  const seq = Number(load(SEQ_KEY) || '0');
  save(SEQ_KEY, String(seq + 1));
  return seq;
}

function post(path, body, headers, keepalive) {
  return fetch(config.endpoint + path, {
    method: 'POST', body, headers, keepalive: !!keepalive, credentials: 'omit', mode: 'cors', cache: 'no-store',
  });
}

// ---- session ---------------------------------------------------------------------------------------------------

function consent() {
  if (state !== 'idle') return;
  const off = load(OFF_KEY);
  if (off === 'not-sampled') return; // the server said no for this tab; a second consent does not ask again
  save(OFF_KEY, null); // an explicit consent lifts an earlier opt-out
  state = 'starting';
  const existing = sessionId();
  if (existing) {
    resume();
    return;
  }
  startSession(0);
}

function startSession(attempt) {
  const body = { page: pageAddress(location.href), consent: true };
  if (config.customer) body.customerId = config.customer;
  post('/api/v1/replay-sessions', JSON.stringify(body), { 'Content-Type': 'application/json' })
    .then((response) => {
      if (response.status >= 500 || response.status === 429) throw new Error('retry');
      if (!response.ok) return null; // 400/403: this page may not record; nothing to retry
      return response.json();
    })
    .then((answer) => {
      if (state !== 'starting') return;
      if (!answer || answer.record === false || !answer.sessionId) {
        if (answer && answer.record === false) save(OFF_KEY, 'not-sampled');
        state = 'stopped';
        return;
      }
      save(SESSION_KEY, answer.sessionId);
      save(SEQ_KEY, '0');
      save(SETTINGS_KEY, JSON.stringify({ flushMillis: answer.flushMillis, maxBatchBytes: answer.maxBatchBytes,
        maxBatchJsonBytes: answer.maxBatchJsonBytes }));
      resume();
    })
    .catch(() => {
      if (state !== 'starting') return;
      if (attempt < RETRIES) setTimeout(() => startSession(attempt + 1), 1000 * 2 ** attempt);
      else state = 'stopped';
    });
}

function resume() {
  try {
    const saved = JSON.parse(load(SETTINGS_KEY) || '{}');
    if (saved.flushMillis > 0) settings.flushMillis = saved.flushMillis;
    if (saved.maxBatchBytes > 0) settings.maxBatchBytes = saved.maxBatchBytes;
    // the JSON of a batch may be larger than the body when it goes gzipped (a big page's snapshot); else the body's limit
    settings.maxBatchJsonBytes = saved.maxBatchJsonBytes > 0 && typeof CompressionStream === 'function'
      ? saved.maxBatchJsonBytes : settings.maxBatchBytes;
  } catch (e) { /* defaults */ }
  state = 'recording';
  const id = sessionId();
  sessionCallbacks.splice(0).forEach((cb) => call(cb, id));
  stopRecording = record({
    emit,
    maskAllInputs: false, // false so that rrweb takes MASK_INPUTS, which masks more than its maskAllInputs list
    maskInputOptions: MASK_INPUTS,
    maskTextSelector: '*',
    maskTextFn: maskText,
    blockSelector: BLOCKED,
    recordCanvas: false,
    collectFonts: false,
    inlineImages: false,
    recordCrossOriginIframes: false,
    sampling: { mousemove: 50, scroll: 150, input: 'last' },
    slimDOMOptions: { script: true, comment: true, headFavicon: true, headWhitespace: true, headMetaSocial: true,
      headMetaRobots: true, headMetaHttpEquiv: true, headMetaVerification: true, headMetaAuthorship: true },
  }) || null;
  watchErrors();
  flushTimer = setInterval(() => flush(false), settings.flushMillis);
  addEventListener('visibilitychange', onHidden);
  addEventListener('pagehide', onPageHide);
}

function stop() {
  if (stopRecording) stopRecording();
  stopRecording = null;
  if (flushTimer) clearInterval(flushTimer);
  flushTimer = null;
  if (errorObserver) errorObserver.disconnect();
  errorObserver = null;
  removeEventListener('visibilitychange', onHidden);
  removeEventListener('pagehide', onPageHide);
  state = 'stopped';
}

function optOut() {
  stop();
  buffer = [];
  bufferBytes = 2;
  queue.length = 0;
  save(SESSION_KEY, null);
  save(SEQ_KEY, null);
  save(SETTINGS_KEY, null);
  save(OFF_KEY, 'opt-out');
  state = 'idle'; // a later consent() starts a new session
}

function onSession(cb) {
  const id = state === 'recording' ? sessionId() : null;
  if (id) call(cb, id); else sessionCallbacks.push(cb);
}

function call(cb, id) {
  try { cb(id); } catch (e) { /* the page's callback must not stop the recorder */ }
}

// ---- events and batches ----------------------------------------------------------------------------------------

/** Every character of a form value as '*' (the length stays: the player shows that something was typed). */
function starred(value) {
  return typeof value === 'string' ? value.replace(/[^*]/gu, '*') : value;
}

/**
 * Form values rrweb leaves in clear whatever its masking options say: the value of a checkbox or radio button in
 * its input events (rrweb sends target.value for them), and the value attributes of inputs, options and text areas
 * in the page's snapshot and in added elements. The server refuses any batch with such a value in clear.
 */
function scrubNode(node) {
  if (!node) return;
  if (node.type === 2 && node.attributes && Object.prototype.hasOwnProperty.call(node.attributes, 'value')) {
    node.attributes.value = starred(String(node.attributes.value));
  }
  if (node.childNodes) node.childNodes.forEach(scrubNode);
}

function scrubFormValues(event) {
  const data = event.data;
  if (!data) return;
  if (event.type === 2) scrubNode(data.node);
  if (event.type === 3 && data.source === 5 && typeof data.text === 'string') data.text = starred(data.text);
  if (event.type === 3 && data.source === 0) {
    (data.adds || []).forEach((add) => scrubNode(add.node));
    (data.attributes || []).forEach((change) => {
      if (change.attributes && typeof change.attributes.value === 'string') change.attributes.value = starred(change.attributes.value);
    });
  }
}

function emit(event) {
  if (state !== 'recording') return;
  scrubFormValues(event);
  if (event.type === 4 && event.data && event.data.href) event.data.href = pageAddress(event.data.href);
  let json;
  try { json = JSON.stringify(event); } catch (e) { return; }
  const bytes = encoder.encode(json).length;
  const limit = settings.maxBatchJsonBytes - 32; // room for {"seq":N,"events":}
  if (bytes + 2 > limit) {
    // One event larger than a batch may be: the server would refuse it. Without its full snapshot a page cannot be
    // replayed, so this page stops recording (the session goes on on the next page).
    if (event.type === 2) stop();
    return;
  }
  if (bufferBytes + bytes + 1 > limit) flush(false);
  buffer.push(json);
  bufferBytes += bytes + 1;
  // A page's full snapshot goes at once, compressed: a customer who leaves the page before the next flush would
  // otherwise take it with them (what is left at pagehide goes uncompressed under the 64 KiB keepalive limit, which a
  // page of some 500 elements with its inlined style sheets exceeds), and without it the page cannot be replayed.
  if (event.type === 2) flush(false);
}

function takeBatch() {
  if (!buffer.length) return null;
  const json = '{"seq":' + nextSeq() + ',"events":[' + buffer.join(',') + ']}';
  buffer = [];
  bufferBytes = 2;
  return json;
}

function flush() {
  const json = takeBatch();
  if (json) enqueue({ json, tries: 0 });
}

function enqueue(batch) {
  queue.push(batch);
  while (queue.length > MAX_QUEUED) queue.shift();
  pump();
}

function pump() {
  if (sending || !queue.length) return;
  const id = sessionId();
  if (!id) { queue.length = 0; return; }
  sending = true;
  const batch = queue[0];
  encode(batch.json)
    .then(({ body, headers }) => post('/api/v1/replay-sessions/' + encodeURIComponent(id) + '/events', body, headers))
    .then((response) => {
      if (response.ok) return done(batch);
      if (response.status === 404) { // the session expired or was erased: record no more in this tab
        queue.length = 0;
        save(SESSION_KEY, null);
        stop();
        return done(batch);
      }
      if (response.status === 429 || response.status >= 500) {
        const after = Number(response.headers.get('Retry-After'));
        return retry(batch, after > 0 ? Math.min(after, 60) * 1000 : 0);
      }
      return done(batch); // 400, 413, 422: sending it again cannot help
    })
    .catch(() => retry(batch, 0));
}

function done(batch) {
  if (queue[0] === batch) queue.shift();
  sending = false;
  pump();
}

function retry(batch, wait) {
  batch.tries += 1;
  if (batch.tries > RETRIES) return done(batch); // dropped: the page must never wait for the recorder
  sending = false;
  setTimeout(pump, Math.max(wait, 1000 * 2 ** (batch.tries - 1)));
}

/** gzip with the browser's CompressionStream when it has one; the body as it is otherwise. */
function encode(json) {
  const headers = { 'Content-Type': 'application/json' };
  if (typeof CompressionStream !== 'function') return Promise.resolve({ body: json, headers });
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer().then((body) => {
    headers['Content-Encoding'] = 'gzip';
    return { body, headers };
  }, () => ({ body: json, headers: { 'Content-Type': 'application/json' } }));
}

function onHidden() {
  if (document.visibilityState === 'hidden') onPageHide();
}

/**
 * The page is hidden or goes away (a hidden page may be frozen or discarded without another word): what is left is
 * sent now, uncompressed (compression would finish after the page is gone), with keepalive, in pieces under the
 * browser's keepalive limit, after the batches not yet answered. What does not fit into the limit is lost with the page.
 */
function onPageHide() {
  if (state !== 'recording') return;
  const id = sessionId();
  if (!id) return;
  const events = buffer;
  buffer = [];
  bufferBytes = 2;
  const path = '/api/v1/replay-sessions/' + encodeURIComponent(id) + '/events';
  const keepalive = (json) => {
    try { post(path, json, { 'Content-Type': 'application/json' }, true).catch(() => {}); } catch (e) { /* gone */ }
  };
  // Batches already numbered but not yet answered (waiting behind another, being retried, or being compressed or sent
  // right now) would die with the page: a fetch without keepalive is cancelled when the page goes. They go again as
  // they are, with their numbers: the server stores a number once, so one that did arrive is not stored twice. They
  // stay queued too, for a page that is only hidden and lives on (the pump sends them, answered 200 if they arrived).
  for (const batch of queue) {
    if (encoder.encode(batch.json).length <= KEEPALIVE_LIMIT) keepalive(batch.json);
  }
  let piece = [];
  let pieceBytes = 2;
  const send = () => {
    if (!piece.length) return;
    keepalive('{"seq":' + nextSeq() + ',"events":[' + piece.join(',') + ']}');
    piece = [];
    pieceBytes = 2;
  };
  for (const e of events) {
    const bytes = encoder.encode(e).length + 1;
    if (pieceBytes + bytes > KEEPALIVE_LIMIT - 32) send();
    if (bytes + 34 > KEEPALIVE_LIMIT) continue; // cannot go with keepalive
    piece.push(e);
    pieceBytes += bytes;
  }
  send();
}

// ---- errors shown to the customer --------------------------------------------------------------------------------

let errorObserver = null;
const lastErrorText = new WeakMap();

function watchErrors() {
  const check = (element) => {
    const text = (element.textContent || '').trim().replace(/\s+/g, ' ');
    if (!text || lastErrorText.get(element) === text) return;
    lastErrorText.set(element, text);
    try {
      record.addCustomEvent('zm-error', { text: maskText(text, element) });
    } catch (e) { /* not recording any more */ }
  };
  const scan = (node) => {
    if (!node || node.nodeType !== 1) return;
    if (node.matches(ERROR_SELECTOR)) check(node);
    node.querySelectorAll(ERROR_SELECTOR).forEach(check);
  };
  scan(document.documentElement);
  errorObserver = new MutationObserver((mutations) => {
    for (const m of mutations) {
      const target = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      const alert = target && target.closest ? target.closest(ERROR_SELECTOR) : null;
      if (alert) check(alert);
      m.addedNodes.forEach(scan);
    }
  });
  errorObserver.observe(document.documentElement, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['role', 'data-zm-error'],
  });
}

// ---- start -------------------------------------------------------------------------------------------------------

window.zmReplay = {
  consent,
  optOut,
  sessionId: () => (state === 'recording' ? sessionId() : null),
  onSession,
};

// Consent given on the page (data-zm-consent="granted"), or earlier in this tab: a session already in this tab's
// storage was started after a consent, and the pages that follow continue it.
if (load(OFF_KEY) !== 'opt-out' && (config.consent || sessionId())) consent();
