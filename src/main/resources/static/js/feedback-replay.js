// The feedback form's session-replay question (docs/replay.md): the customer's yes starts the recorder, a no stops it,
// and the hidden replayId field carries the session this message belongs to. Without the recorder (scripts off, or
// it failed to load) the question stays hidden and the form works as before.
(function () {
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  var field = document.getElementById('replayId');
  var box = document.getElementById('replay-consent');
  var yes = document.getElementById('replay-consent-yes');
  if (!field) return;
  // ?replay=<uuid>: a page that recorded the session (a checkout on another origin) linked here with it
  if (field.value && !UUID.test(field.value)) field.value = '';
  // the other language keeps the replay the form was linked with (a template may not put request parameters in links)
  var other = document.querySelector('a.lang');
  if (other && field.value) other.href += (other.href.indexOf('?') < 0 ? '?' : '&') + 'replay=' + field.value;
  var replay = window.zmReplay;
  if (!replay || !box || !yes) return;
  var recorded = null; // the tab's session, when the field holds it
  var fill = function (id) {
    if (id && UUID.test(id) && !field.value) {
      field.value = id;
      recorded = id;
    }
  };
  fill(replay.sessionId());
  replay.onSession(fill);
  yes.checked = !!replay.sessionId();
  box.hidden = false;
  yes.addEventListener('change', function () {
    if (yes.checked) {
      replay.consent();
    } else {
      // the recorder may have let the session go already (the server no longer knew it): the field still holds it
      if (field.value && (field.value === recorded || field.value === replay.sessionId())) field.value = '';
      replay.optOut();
    }
  });
})();
