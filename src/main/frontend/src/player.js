// zm-player.js: rrweb-player with zeromission's timeline beside it (issue 18, docs/replay.md).
//
// zmPlayer.mount(element, {events, timeline, startAt}) shows the recorded (masked) session and, beside it, its timeline
// (page changes, clicks, rage clicks, errors shown to the customer), each entry with its time (mm:ss) and a button that
// moves the player to that moment. timeline is the server's (GET /api/v1/replays/{id}); without it the same rules run
// here on the events (zmPlayer.timeline(events)). startAt is in milliseconds from the first event.
import Player from 'rrweb-player';
import 'rrweb-player/dist/style.css';
import './player.css';

const KIND_LABELS = { page: 'Page', click: 'Click', 'rage-click': 'Rage click', error: 'Error' };
const RAGE_CLICKS = 3; // clicks ...
const RAGE_MILLIS = 1000; // ... within this time ...
const RAGE_PIXELS = 30; // ... and this distance of each other are one rage click (the contract's rule)

/** The timeline of a list of rrweb events, by the contract's rules (the server's ReplayTimeline does the same). */
export function timeline(events) {
  if (!events || !events.length) return [];
  const start = events[0].timestamp;
  const entries = [];
  let clicks = [];
  const closeClicks = () => {
    if (clicks.length >= RAGE_CLICKS) {
      entries.push({ kind: 'rage-click', atMillis: clicks[0].atMillis, x: clicks[0].x, y: clicks[0].y, count: clicks.length });
    } else {
      clicks.forEach((c) => entries.push({ kind: 'click', atMillis: c.atMillis, x: c.x, y: c.y }));
    }
    clicks = [];
  };
  for (const e of events) {
    const at = e.timestamp - start;
    if (e.type === 4 && e.data && e.data.href) {
      entries.push({ kind: 'page', atMillis: at, text: e.data.href });
    } else if (e.type === 3 && e.data && e.data.source === 2 && e.data.type === 2) {
      const click = { atMillis: at, x: e.data.x, y: e.data.y };
      const first = clicks[0];
      if (first && (at - clicks[clicks.length - 1].atMillis > RAGE_MILLIS
          || Math.abs(click.x - first.x) > RAGE_PIXELS || Math.abs(click.y - first.y) > RAGE_PIXELS
          || at - first.atMillis > RAGE_MILLIS)) {
        closeClicks();
      }
      clicks.push(click);
    } else if (e.type === 5 && e.data && e.data.tag === 'zm-error') {
      entries.push({ kind: 'error', atMillis: at, text: (e.data.payload && e.data.payload.text) || '' });
    }
  }
  closeClicks();
  return entries.sort((a, b) => a.atMillis - b.atMillis);
}

/** mm:ss (h:mm:ss past an hour) of a number of milliseconds. */
export function clock(millis) {
  const total = Math.max(0, Math.floor(millis / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n) => String(n).padStart(2, '0');
  return h > 0 ? h + ':' + two(m) + ':' + two(s) : two(m) + ':' + two(s);
}

function describe(entry) {
  switch (entry.kind) {
    case 'page': return entry.text || '';
    case 'error': return entry.text || '';
    case 'rage-click': return (entry.count ? entry.count + ' clicks' : 'several clicks') + ' on one spot';
    default: return entry.x != null ? 'at ' + Math.round(entry.x) + ', ' + Math.round(entry.y) : '';
  }
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

/**
 * Mounts the player and its timeline into the element; returns {player, goto(millis)}.
 * The player's size follows the element's width (a phone's 390 px too); the timeline goes below it when narrow.
 */
export function mount(target, options) {
  const events = (options && options.events) || [];
  if (events.length < 2) throw new Error('a replay needs at least two events to play, got ' + events.length);
  const entries = (options && options.timeline) || timeline(events);
  const startAt = Math.max(0, Number((options && options.startAt) || 0));
  target.classList.add('zm-replay');
  target.textContent = '';
  const stage = element('div', 'zm-replay-stage');
  const side = element('nav', 'zm-replay-timeline');
  side.setAttribute('aria-label', 'Timeline');
  side.appendChild(element('h2', null, 'Timeline'));
  target.appendChild(stage);
  target.appendChild(side);
  const width = Math.max(240, Math.min(stage.clientWidth || target.clientWidth || 800, 1024));
  const player = new Player({
    target: stage,
    props: { events, width, height: Math.round(width * 0.6), autoPlay: false, showController: true, skipInactive: true,
      // the player resolves recorded relative URLs against the recorded page; nothing of the recorded site is loaded
      // beyond what its stylesheets name, and the page's Content-Security-Policy decides that
      UNSAFE_replayCanvas: false, mouseTail: false },
  });
  const list = element('ol', 'zm-replay-entries');
  const buttons = [];
  const goto = (millis) => {
    player.goto(millis, false);
    buttons.forEach(({ button, at }) => button.classList.toggle('zm-current', at <= millis
      && !buttons.some((b) => b.at > at && b.at <= millis)));
  };
  if (!entries.length) list.appendChild(element('li', 'zm-replay-empty', 'Nothing happened in this session but the pages.'));
  for (const entry of entries) {
    const item = element('li', 'zm-replay-entry zm-kind-' + entry.kind);
    const button = element('button', null);
    button.type = 'button';
    button.dataset.atMillis = String(entry.atMillis);
    button.appendChild(element('time', 'zm-replay-at', clock(entry.atMillis)));
    button.appendChild(element('span', 'zm-replay-kind', KIND_LABELS[entry.kind] || entry.kind));
    button.appendChild(element('span', 'zm-replay-text', describe(entry)));
    button.addEventListener('click', () => goto(entry.atMillis));
    buttons.push({ button, at: entry.atMillis });
    item.appendChild(button);
    list.appendChild(item);
  }
  side.appendChild(list);
  goto(startAt);
  return { player, goto };
}
