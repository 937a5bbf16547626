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

  function save() {
    var data = new FormData(form);
    data.set("action", "autosave");
    return fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      status.textContent = response.ok ? script.dataset.saved : script.dataset.failed;
      form.dataset.saved = response.ok ? "yes" : "no";
    }).catch(function () {
      status.textContent = script.dataset.failed;
      form.dataset.saved = "no";
    });
  }

  form.addEventListener("change", function () {
    form.dataset.saved = "pending";
    clearTimeout(timer);
    timer = setTimeout(save, 250);
  });

  // Switching language mid-quiz: save first, then go, so no answer is left behind.
  document.querySelectorAll("[data-language-switch]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      save().finally(function () { window.location.href = link.href; });
    });
  });
})();
