// The editors' admin: accessibility fixes for modeltranslation's TR/EN tabs (jQuery UI), after they are built.
// - Each tab's link is only a click target: it loses its href (jQuery UI finds the panel through
//   aria-controls), so the tab holds no nested focusable control (axe nested-interactive). Every
//   panel here is on the page, so jQuery UI is told not to look at the href for a remote one.
// - The "all fields" language switch gets the label the page provides (axe select-name).
// Runs on document ready, after modeltranslation's own ready handler (this file is loaded after it).
(window.django ? django.jQuery : window.jQuery)(function ($) {
  if (!$.ui || !$.ui.tabs) {
    return;
  }
  $.ui.tabs.prototype._isLocal = function () {
    return true;
  };
  document.querySelectorAll(".ui-tabs-nav li[role=tab] > a.ui-tabs-anchor").forEach(function (anchor) {
    anchor.removeAttribute("href");
  });
  var label = document.getElementById("mt-switch-label");
  var select = document.getElementById("modeltranslation-main-switch");
  if (label && select) {
    select.setAttribute("aria-labelledby", label.id);
  }
});
