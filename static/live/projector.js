/* The host's projector for a live game (templates/live/projector.html): players, questions with their
   countdown and the count of answers, the distribution and leaderboard, the podium; the controls by
   button or key (N start/next, P pause/resume, S skip, E end). Names are inserted as text, never HTML. */
(function () {
  "use strict";
  var root = document.getElementById("live-host");
  if (!root || !window.WebSocket) { return; }
  var S = JSON.parse(document.getElementById("live-strings").textContent);
  var lang = document.documentElement.lang === "en" ? "en" : "tr";
  var other = lang === "en" ? "tr" : "en";
  var send = null, saved = false, phase = "lobby", question = null, answered = 0, clock = null, paused = false;

  var el = DDOLive.el, fmt = DDOLive.fmt;
  function say(text) { el("live-status").textContent = text || ""; }

  function controls() {
    var shown = {
      lobby: ["start", "end"],
      question: ["next", paused ? "resume" : "pause", "skip", "end"],
      results: ["next", "end"],
      ended: []
    }[phase];
    var buttons = root.querySelectorAll("[data-action]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = shown.indexOf(buttons[i].dataset.action) < 0; }
    el("live-lobby").hidden = phase !== "lobby";
    el("live-downloads").hidden = !saved;
  }

  function addPlayer(name) {
    var item = document.createElement("li");
    item.textContent = name;
    el("live-players").appendChild(item);
    el("live-player-count").textContent = el("live-players").children.length;
  }

  function stopClock() { if (clock) { clearInterval(clock); clock = null; } }
  /* The question's time, then any extra time (a class's accommodations, WCAG 2.2.1): the question stays
     open until every player's time is over (``everyone`` seconds), or, with an untimed player (null),
     until the host moves on. Saying so keeps the host from closing it on them at "0 s". */
  function runClock(remaining, everyone) {
    stopClock();
    var now = Date.now(), until = now + remaining * 1000;
    var extraUntil = everyone === null || everyone === undefined ? null : now + everyone * 1000;
    function tick() {
      var left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      var extra = extraUntil === null ? null : Math.max(0, Math.ceil((extraUntil - Date.now()) / 1000));
      var text = fmt(S.seconds_left, {s: left});
      if (left === 0 && extra === null) { text = S.untimed_left; }
      else if (left === 0 && extra > 0) { text = fmt(S.extra_time, {s: extra}); }
      el("live-clock").textContent = paused ? S.paused : text;
      if (left === 0 && !extra) { stopClock(); }
    }
    tick();
    if (!paused) { clock = setInterval(tick, 250); }
  }

  function showAnswered() { el("live-answered").textContent = fmt(S.answered_count, {n: answered}); }

  function showQuestion(q) {
    if (!question || question.index !== q.index) { answered = q.answered || 0; }
    question = q;
    phase = "question";
    paused = q.paused;
    el("live-board").hidden = true;
    el("live-question").hidden = false;
    el("live-progress").textContent = fmt(S.question_of, {n: q.index + 1, count: q.count});
    el("live-prompt").textContent = q.prompt[lang];
    el("live-prompt-other").textContent = q.prompt[other];
    el("live-prompt-other").lang = other;
    var list = el("live-distribution");
    list.textContent = "";
    q.options.forEach(function (option) {
      var item = document.createElement("li");
      item.textContent = option.text[lang];
      list.appendChild(item);
    });
    say(paused ? S.paused : "");
    showAnswered();
    runClock(q.remaining, q.everyone_remaining);
    controls();
  }

  function showTop(top, heading) { DDOLive.showTop(top, heading, S.points); }

  function showClosed(message) {
    stopClock();
    phase = "results";
    el("live-clock").textContent = "";
    var last = message.last;
    if (last && question && question.index === last.index) {
      var list = el("live-distribution");
      list.textContent = "";
      var total = last.distribution.reduce(function (a, b) { return a + b; }, 0);
      question.options.forEach(function (option, i) {
        var item = document.createElement("li");
        var label = document.createElement("span");
        label.textContent = option.text[lang] + (option.key === last.answer ? " " + S.right_mark : "");
        var bar = document.createElement("progress");
        bar.max = Math.max(total, 1);
        bar.value = last.distribution[i];
        bar.setAttribute("aria-label", option.text[lang]);
        var count = document.createElement("span");
        count.textContent = fmt(S.chosen, {n: last.distribution[i]});
        if (option.key === last.answer) { item.className = "live-right"; }
        item.appendChild(label);
        item.appendChild(bar);
        item.appendChild(count);
        list.appendChild(item);
      });
      say(last.skipped ? S.skipped : "");
    }
    showTop(message.top, S.leaderboard);
    controls();
  }

  function handle(message) {
    switch (message.type) {
      case "players":
        el("live-players").textContent = "";
        message.names.forEach(addPlayer);
        break;
      case "player": addPlayer(message.name); break;
      case "lobby": phase = "lobby"; say(S.lobby); controls(); break;
      case "question": showQuestion(message); break;
      case "answered":
        if (question && message.question === question.index) { answered = message.count; showAnswered(); }
        break;
      case "closed": showClosed(message); break;
      case "ended":
        stopClock();
        phase = "ended";
        el("live-question").hidden = true;
        say(S.game_over);
        showTop(message.podium, S.podium);
        controls();
        break;
      case "saved": saved = true; controls(); break;
      case "error": say(message.message); break;
      default: break;
    }
  }

  function act(action) {
    if (action === "end" && !window.confirm(S.confirm_end)) { return; }
    send({type: action});
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (button) { act(button.dataset.action); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) { return; }
    var key = event.key.toLowerCase();
    var action = {n: phase === "lobby" ? "start" : "next", p: paused ? "resume" : "pause", s: "skip", e: "end"}[key];
    var button = action && root.querySelector("[data-action='" + action + "']");
    if (button && !button.hidden) { event.preventDefault(); act(action); }
  });

  send = DDOLive.reconnecting(root.dataset.socket, {
    message: handle,
    stop: function (event) { return saved || event.code === 4403 || event.code === 4404; },
    reconnecting: function () { say(S.reconnecting); }
  });
}());
