// Flashcards: turn the card with Space, a tap on the card, or the "Show the answer" link, without a page load.
// Without this script the link loads the page with the back shown; either way the rating is a plain form.
(function () {
  "use strict";
  var card = document.getElementById("flashcard");
  var back = document.getElementById("flash-back");
  var flip = document.getElementById("flash-flip");
  var link = document.getElementById("show-answer");
  if (!card || !back) {
    return;
  }
  var hint = flip ? flip.querySelector(".flash-hint") : null;
  if (hint) {
    hint.hidden = false;
  }

  function shown() {
    return !back.hidden;
  }

  function show() {
    if (shown()) {
      return;
    }
    back.hidden = false;
    card.classList.add("flipped");
    if (flip) {
      flip.hidden = true;
    }
    back.focus(); // screen readers hear the back; Tab reaches the rating buttons next
  }

  if (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      show();
    });
  }
  card.addEventListener("click", function (event) {
    if (!event.target.closest("a, button, input, label")) {
      show();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var target = event.target;
    var typing = target.closest && target.closest("input, textarea, select, button");
    if ((event.key === " " || event.key === "Spacebar") && !typing && !shown()) {
      event.preventDefault();
      show();
    } else if (shown() && !typing && /^[1-4]$/.test(event.key)) {
      var button = back.querySelector('button[data-key="' + event.key + '"]');
      if (button) {
        button.click();
      }
    }
  });
})();
