// The countdown of a timed quiz. The deadline is kept on the server; this only shows the
// seconds the page was given, tells screen readers once, politely, when two minutes are
// left (the visible clock is hidden from them; their text changes once a minute), and
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
  var warning = parseInt(box.dataset.warning, 10);
  var started = Date.now();
  var warned = total <= warning; // a page opened with less left already says so in its text
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
    if (!warned && left <= warning) {
      warned = true;
      announce.textContent = box.dataset.warningText;
    }
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
