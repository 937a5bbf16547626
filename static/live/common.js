/* What the projector (projector.js) and the phone (play.js) share: look-ups, the server's "%(name)s"
   texts, the leaderboard, and a socket that comes back after a lost connection. Names are inserted as
   text, never HTML. Loaded before either (both deferred, so in order). */
window.DDOLive = (function () {
  "use strict";

  function el(id) { return document.getElementById(id); }
  function fmt(text, values) { return text.replace(/%\((\w+)\)s/g, function (m, k) { return values[k]; }); }

  function showTop(top, heading, points) {
    var list = el("live-top");
    list.textContent = "";
    top.forEach(function (row) {
      var item = document.createElement("li");
      item.textContent = row.name + " · " + fmt(points, row);
      list.appendChild(item);
    });
    el("board-heading").textContent = heading;
    el("live-board").hidden = false;
  }

  /* The socket at ``address`` (a path on this host, or a ws:// or wss:// address), opened again after a
     lost connection (250 ms, doubling up to 2 s) unless ``on.stop(event)`` says the game is over or refused.
     ``on.open()`` after each opening, ``on.message(message)`` for each message, ``on.reconnecting()`` before
     each retry. Returns ``send(message)``, which drops a message while the socket is not open. */
  function reconnecting(address, on) {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var url = address.indexOf("ws") === 0 ? address : scheme + location.host + address;
    var socket = null, retry = 0;
    function connect() {
      socket = new WebSocket(url);
      socket.onopen = function () { retry = 0; if (on.open) { on.open(); } };
      socket.onmessage = function (event) { on.message(JSON.parse(event.data)); };
      socket.onclose = function (event) {
        if (on.stop(event)) { return; }
        on.reconnecting();
        setTimeout(connect, Math.min(250 * Math.pow(2, retry++), 2000));
      };
    }
    connect();
    return function send(message) { if (socket && socket.readyState === 1) { socket.send(JSON.stringify(message)); } };
  }

  return {el: el, fmt: fmt, showTop: showTop, reconnecting: reconnecting};
}());
