// The countdown of a timed quiz. The deadline is kept on the server; this only shows the
// seconds the page was given, tells screen readers, politely, when half the time has passed
// and when one minute is left, whatever the limit (the visible clock is hidden from them;
// their text changes once a minute), and
// submits the answers when the time is up. Without this script the server still closes
// the attempt at its deadline.
(function () {
  "use strict";
  var box = document.getElementById("quiz-timer");
  var form = document.getElementById("quiz-form");
  if (!box || !form) return;
  var clock = box.querySelector("[data-timer-clock]");
  var minutesText = box.querySelector("[data-timer-minutes]");
  var announce = box.querySelector("[data-timer-announce]");
  var total = parseInt(box.dataset.seconds, 10);
  var half = parseInt(box.dataset.half, 10);
  var minute = parseInt(box.dataset.minute, 10);
  var started = Date.now();
  // A page opened past a warning's moment already says how much is left in its text.
  var halfSaid = total <= half;
  var minuteSaid = total <= minute;
  var lastMinutes = null;
  var done = false;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function format(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return h ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s);
  }

  function submit() {
    var anyway = document.createElement("input");
    anyway.type = "hidden";
    anyway.name = "submit_anyway";
    anyway.value = "1";
    form.appendChild(anyway);
    var button = form.querySelector('button[name="action"][value="submit"]');
    if (form.requestSubmit && button) {
      form.requestSubmit(button);
      return;
    }
    var action = document.createElement("input");
    action.type = "hidden";
    action.name = "action";
    action.value = "submit";
    form.appendChild(action);
    form.submit();
  }

  function tick() {
    if (done) return;
    var left = Math.max(0, total - Math.floor((Date.now() - started) / 1000));
    clock.textContent = format(left);
    var minutes = Math.ceil(left / 60);
    if (minutes !== lastMinutes) {
      lastMinutes = minutes;
      minutesText.textContent =
        minutes === 1 ? box.dataset.minuteOne : box.dataset.minuteMany.replace("__N__", minutes);
    }
    var said = [];
    if (!halfSaid && left <= half) {
      halfSaid = true;
      said.push(box.dataset.halfText);
    }
    if (!minuteSaid && left <= minute) {
      minuteSaid = true;
      said.push(box.dataset.minuteText); // with a two-minute limit, both at once
    }
    if (said.length && left > 0) announce.textContent = said.join(" ");
    if (left === 0) {
      done = true;
      announce.textContent = box.dataset.upText;
      submit();
      return;
    }
    setTimeout(tick, 1000 - ((Date.now() - started) % 1000));
  }

  box.classList.add("is-counting");
  tick();
})();
