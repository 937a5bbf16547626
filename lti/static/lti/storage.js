// LTI client-side storage (lti_storage_target): when the browser refuses our cookie inside the
// platform's iframe, the platform's storage frame keeps the launch's state for us (postMessage).
"use strict";
(function () {
  const box = document.getElementById("lti-storage");
  const origin = box.dataset.origin;
  const target = box.dataset.target === "_parent" ? window.parent : window.parent.frames[box.dataset.target] || window.parent;
  const ask = function (message) {
    return new Promise(function (resolve, reject) {
      const id = Math.random().toString(36).slice(2);
      const listen = function (event) {
        if (event.origin !== origin || !event.data || event.data.message_id !== id) return;
        window.removeEventListener("message", listen);
        if (event.data.error) reject(event.data.error); else resolve(event.data);
      };
      window.addEventListener("message", listen);
      target.postMessage(Object.assign({ message_id: id }, message), origin);
      setTimeout(function () { reject("timeout"); }, 5000);
    });
  };
  if (box.dataset.mode === "put") {
    ask({ subject: "lti.put_data", key: "state_" + box.dataset.state, value: box.dataset.state })
      .then(function () { return ask({ subject: "lti.put_data", key: "nonce_" + box.dataset.nonce, value: box.dataset.nonce }); })
      .finally(function () { window.location.href = box.dataset.next; });
  } else {
    ask({ subject: "lti.get_data", key: "state_" + box.dataset.state })
      .then(function (answer) {
        if (answer.value !== box.dataset.state) throw new Error("mismatch");
        document.getElementById("lti-storage-form").submit();
      })
      .catch(function () { document.getElementById("lti-storage-failed").hidden = false; });
  }
})();
