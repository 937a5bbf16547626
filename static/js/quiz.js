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

  // The count, the bar and the numbers above the questions follow the answers as they change.
  var count = document.getElementById("answered-count");
  var bar = document.getElementById("answered-bar");
  var dialog = document.getElementById("confirm-submit");
  var pendingSubmit = null; // the submit button pressed while questions were unanswered

  function isAnswered(fieldset) {
    if (fieldset.querySelector("input[type=radio]:checked")) return true;
    // An order counts once every item has its place (as the server saves it); a matching at its first pair.
    var every = fieldset.hasAttribute("data-ordering") ? "every" : "some";
    return Array.prototype[every].call(fieldset.querySelectorAll("select"), function (select) {
      return select.value !== "";
    });
  }

  function unanswered() {
    var numbers = [];
    form.querySelectorAll("fieldset.question").forEach(function (fieldset, i) {
      var answered = isAnswered(fieldset);
      var link = document.querySelector('.question-nav a[data-question="' + (i + 1) + '"]');
      if (link) {
        link.className = answered ? "answered" : "unanswered";
        link.querySelector("[data-state]").textContent =
          " " + (answered ? script.dataset.answeredLabel : script.dataset.unansweredLabel);
      }
      if (!answered) numbers.push(i + 1);
    });
    return numbers;
  }

  function showProgress() {
    var total = form.querySelectorAll("fieldset.question").length;
    var answered = total - unanswered().length;
    var text = count.dataset.template.replace("__N__", answered);
    if (count.textContent !== text) count.textContent = text;
    bar.value = answered;
  }

  if (count && bar) form.addEventListener("change", showProgress);

  if (dialog) {
    dialog.querySelector("[data-submit-anyway]").addEventListener("click", function () {
      var anyway = document.createElement("input");
      anyway.type = "hidden";
      anyway.name = "submit_anyway";
      anyway.value = "1";
      form.appendChild(anyway);
      dialog.hidden = true;
      if (form.requestSubmit) form.requestSubmit(pendingSubmit || undefined);
      else pendingSubmit.click();
    });
    dialog.querySelector("[data-keep-answering]").addEventListener("click", function () {
      dialog.hidden = true;
      var first = unanswered()[0];
      var target = first && document.getElementById("question-" + first);
      if (target) {
        target.scrollIntoView();
        var control = target.querySelector("input, select");
        if (control) control.focus();
      }
    });
  }

  function askBeforeSubmitting(event) {
    // A submit with questions left open asks first; "Submit anyway" sends it with submit_anyway.
    var button = event.submitter;
    if (!dialog || !button || button.value !== "submit" || form.elements.submit_anyway) return false;
    var open = unanswered();
    if (!open.length) return false;
    event.preventDefault();
    pendingSubmit = button;
    var message = open.length === 1 ? script.dataset.confirmOne : script.dataset.confirmMany;
    dialog.querySelector("#confirm-submit-text").textContent = message.replace("__N__", open.length);
    dialog.hidden = false;
    dialog.querySelector("[data-submit-anyway]").focus();
    return true;
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
    if (askBeforeSubmitting(event)) return;
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
