/* The player's phone in a live game (templates/live/play.html): join or come back, answer, follow the score.
   The player's token is kept in localStorage per game, so a reload, a lost connection or a language switch
   (a reload of the page in the other language) brings the player back where they were. Every text coming
   from the server is inserted with textContent, never as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("live-player");
  if (!root || !window.WebSocket) { return; }
  var S = JSON.parse(document.getElementById("live-strings").textContent);
  var lang = root.dataset.lang === "en" ? "en" : "tr";
  var KEY = "ddo-live-" + root.dataset.code;
  var send = null, question = null, chosen = {}, clock = null, over = false;
  var shownPhase = null, shownIndex = null;

  var el = DDOLive.el, fmt = DDOLive.fmt;
  function say(text) { el("live-status").textContent = text || ""; }
  function warn(text) { el("live-error").textContent = text || ""; }
  function textOf(option) { return option.text[lang] || option.text.tr; }

  function stopClock() { if (clock) { clearInterval(clock); clock = null; } }
  function runClock(remaining, paused) {
    stopClock();
    var out = el("live-clock");
    if (remaining === null) { out.textContent = S.untimed; return; }
    var until = Date.now() + remaining * 1000;
    function tick() {
      var left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      out.textContent = paused ? S.paused : fmt(S.seconds_left, {s: left});
      if (left === 0) { stopClock(); lock(); }
    }
    tick();
    if (!paused) { clock = setInterval(tick, 250); }
  }

  function lock() {
    var buttons = el("live-options").querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
  }

  function showLine(you) {
    if (!you) { return; }
    el("live-you").hidden = false;
    el("live-you-line").textContent = fmt(S.line, you);
  }

  function showTop(top, heading) { DDOLive.showTop(top, heading, S.points); }

  function showQuestion(q) {
    question = q;
    el("live-join").hidden = true;
    el("live-board").hidden = true;
    el("live-question").hidden = false;
    el("live-progress").textContent = fmt(S.question_of, {n: q.index + 1, count: q.count});
    el("live-prompt").textContent = q.prompt[lang] || q.prompt.tr;
    var box = el("live-options");
    box.textContent = "";
    var mine = q.answered || chosen[q.index];
    q.options.forEach(function (option) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "live-option";
      button.textContent = textOf(option);
      button.disabled = !q.playing || !!mine || q.paused;
      if (mine === option.key) { button.setAttribute("aria-pressed", "true"); }
      button.addEventListener("click", function () {
        chosen[q.index] = option.key;
        button.setAttribute("aria-pressed", "true");
        lock();
        send({type: "answer", question: q.index, option: option.key});
      });
      box.appendChild(button);
    });
    warn("");
    if (!q.playing) { say(S.not_playing); } else if (mine) { say(S.answered); } else if (q.paused) { say(S.paused); } else { say(""); }
    runClock(q.remaining, q.paused);
  }

  function showClosed(message) {
    stopClock();
    lock();
    var last = message.last;
    if (last && question && question.index === last.index) {
      var right = question.options.filter(function (o) { return o.key === last.answer; })[0];
      var answer = right ? textOf(right) : "";
      var you = message.you || {};
      if (last.skipped) { say(S.skipped); }
      else if (you.right === true) { say(fmt(S.right, you)); }
      else if (you.right === false) { say(fmt(S.wrong, {answer: answer})); }
      else { say(fmt(S.no_answer, {answer: answer})); }
      var buttons = el("live-options").querySelectorAll("button");
      for (var i = 0; i < buttons.length; i++) {
        if (question.options[i].key === last.answer) { buttons[i].classList.add("live-right"); }
      }
    }
    showLine(message.you);
    showTop(message.top, S.leaderboard);
  }

  function handle(message) {
    if (message.type === "question") { shownPhase = "question"; shownIndex = message.index; }
    if (message.type === "closed" && message.last) { shownPhase = "results"; shownIndex = message.last.index; }
    if (message.type === "lobby") { shownPhase = "lobby"; shownIndex = -1; }
    if (message.type === "ended") { shownPhase = "ended"; }
    switch (message.type) {
      case "joined":
        localStorage.setItem(KEY, message.token);
        el("live-join").hidden = true;
        say(S.joined);
        break;
      case "lobby": el("live-join").hidden = true; say(S.waiting); break;
      case "question": showQuestion(message); break;
      case "ack": say(S.answered); break;
      case "pong":
        // A question or close this phone never heard (a lost broadcast): ask for where the game is.
        if (message.phase && (message.phase !== shownPhase || message.index !== shownIndex)) { send({type: "sync"}); }
        break;
      case "standing": showLine(message); break;
      case "closed": showClosed(message); break;
      case "ended":
        over = true;
        stopClock();
        el("live-question").hidden = true;
        el("live-join").hidden = true;
        say(S.game_over);
        showLine(message.you);
        showTop(message.podium, S.podium);
        break;
      case "error":
        if (message.code === "unknown_token") { localStorage.removeItem(KEY); showJoin(); }
        else { warn(message.message); if (question && !chosen[question.index]) { showQuestion(question); } }
        if (message.code === "second_answer" || message.code === "too_late") { lock(); }
        if (message.code.indexOf("name_") === 0 || message.code === "game_over") { showJoin(); }
        break;
      default: break;
    }
  }

  function showJoin() {
    var form = el("live-join");
    form.hidden = false;
    var name = el("live-name");
    if (name.type !== "hidden") { name.focus(); }
  }

  el("live-join").addEventListener("submit", function (event) {
    event.preventDefault();
    warn("");
    send({type: "join", name: el("live-name").value, lang: lang});
  });

  send = DDOLive.reconnecting(root.dataset.socket, {
    open: function () {
      var token = localStorage.getItem(KEY);
      if (token) { send({type: "resume", token: token, lang: lang}); } else { showJoin(); }
    },
    message: handle,
    stop: function (event) { return over || event.code === 4404 || event.code === 4403; },
    reconnecting: function () { say(S.reconnecting); }
  });
  setInterval(function () { if (localStorage.getItem(KEY)) { send({type: "ping"}); } }, 10000);
}());
