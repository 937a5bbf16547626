// Autosave for the quiz page: every change is posted to the server, so a closed
// tab or a lost connection loses nothing. The page works without this script
// (the Save button posts the same form).
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form || !window.fetch) return;
  var status = document.getElementById("save-status");
  var script = document.currentScript || document.querySelector("script[data-saved]");
  var timer = null;
  var inflight = null; // the autosave on its way, if any
  var leaving = false; // a button was pressed: the form itself carries every answer now

  function showClosed(body) {
    // Submitted already (another tab, or the submit won the race): say so and link to the result.
    status.textContent = body.error + " ";
    var link = document.createElement("a");
    link.href = body.result_url;
    link.textContent = body.result_label;
    status.appendChild(link);
    form.dataset.saved = "closed";
    leaving = true;
  }

  function save() {
    timer = null;
    var data = new FormData(form);
    data.set("action", "autosave");
    inflight = fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      if (response.status === 409) {
        return response.json().then(showClosed);
      }
      status.textContent = response.ok ? script.dataset.saved : script.dataset.failed;
      form.dataset.saved = response.ok ? "yes" : "no";
    }).catch(function () {
      status.textContent = script.dataset.failed;
      form.dataset.saved = "no";
    }).finally(function () {
      inflight = null;
    });
    return inflight;
  }

  form.addEventListener("change", function () {
    if (leaving) return;
    form.dataset.saved = "pending";
    clearTimeout(timer);
    timer = setTimeout(save, 250);
  });

  // Save, Submit and "continue in …" post the whole form: a waiting autosave is dropped (the form
  // carries the same answers), and one already on its way is let finish first, so it can never
  // land after the submit.
  form.addEventListener("submit", function (event) {
    clearTimeout(timer);
    timer = null;
    leaving = true;
    if (!inflight) return;
    event.preventDefault();
    var button = event.submitter;
    inflight.finally(function () {
      inflight = null;
      if (form.dataset.saved === "closed") return;
      if (form.requestSubmit) {
        form.requestSubmit(button || undefined);
        return;
      }
      if (button && button.name) {
        var pressed = document.createElement("input");
        pressed.type = "hidden";
        pressed.name = button.name;
        pressed.value = button.value;
        form.appendChild(pressed);
      }
      form.submit();
    });
  });

  // Switching language mid-quiz: save first, then go, so no answer is left behind.
  document.querySelectorAll("[data-language-switch]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      (inflight || Promise.resolve()).then(save).finally(function () { window.location.href = link.href; });
    });
  });
})();
