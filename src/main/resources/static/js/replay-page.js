// The session-replay page (pages/replay.html, docs/replay.md): fetches the replay's summary (with its timeline) and
// its events from the addresses the page names, then mounts zm-player.js's player with the timeline beside it.
(function () {
  var section = document.getElementById('replay');
  var status = document.getElementById('replay-status');
  var summaryLine = document.getElementById('replay-summary');
  if (!section) return;
  var say = function (text) {
    status.textContent = text;
    status.hidden = false;
  };
  var get = function (url) {
    return fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'}).then(function (r) {
      if (r.status === 404) throw new Error('gone');
      if (!r.ok) throw new Error('status ' + r.status);
      return r.json();
    });
  };
  if (!window.zmPlayer) {
    say('The player could not be loaded.');
    return;
  }
  Promise.all([get(section.dataset.summary), get(section.dataset.events)]).then(function (both) {
    var summary = both[0], events = both[1];
    var minutes = Math.round((summary.durationMillis || 0) / 6000) / 10;
    summaryLine.textContent = (summary.startedAt ? summary.startedAt.replace('T', ' ').replace(/\..*|Z$/, '') + ' UTC · ' : '')
        + minutes + ' min · ' + (summary.events != null ? summary.events : events.length) + ' events'
        + (summary.pages && summary.pages.length ? ' · ' + summary.pages.length + ' page' + (summary.pages.length === 1 ? '' : 's') : '');
    if (!events || events.length < 2) {
      say('This replay has too few events to play.');
      return;
    }
    status.hidden = true;
    var holder = document.createElement('div');
    section.appendChild(holder);
    window.zmPlayer.mount(holder, {events: events, timeline: summary.timeline, startAt: Number(section.dataset.start || 0)});
  }).catch(function (e) {
    summaryLine.textContent = 'not available';
    say(e.message === 'gone'
        ? 'This replay is gone: recordings are deleted after the retention period (30 days unless configured otherwise) and when the customer\'s data is erased.'
        : 'The replay could not be loaded (' + e.message + '). Try again in a moment.');
  });
})();
