// The console's only script (the Content-Security-Policy allows no inline script). Pages work without it; it adds:
// 1. live updates: an element with data-live-source listens to that event stream and asks htmx to reload it;
// 2. kept input: forms with data-keep save what is typed in this tab's sessionStorage, so a form whose session
//    expired (login in between) or whose service was down comes back filled in; a page with a data-sent-marker clears it;
// 3. an expired session during an htmx request (499) reloads the page, which leads to the login.
(function () {
  "use strict";

  function startLiveUpdates() {
    document.querySelectorAll("[data-live-source]").forEach(function (element) {
      if (!window.EventSource) {
        return;
      }
      var source = new EventSource(element.getAttribute("data-live-source"));
      var opened = false;
      function changed() {
        document.body.dispatchEvent(new CustomEvent("werkbak-changed"));
      }
      source.addEventListener("message", changed);
      // After a lost connection the browser reconnects by itself; what changed meanwhile is fetched once then.
      source.addEventListener("open", function () {
        if (opened) {
          changed();
        }
        opened = true;
      });
    });
  }

  function keyOf(form) {
    return "zorgpad-form:" + form.getAttribute("data-keep");
  }

  function keepInput() {
    document.querySelectorAll("[data-sent-marker]").forEach(function (marker) {
      sessionStorage.removeItem("zorgpad-form:" + marker.getAttribute("data-sent-marker"));
    });
    document.querySelectorAll("form[data-keep]").forEach(function (form) {
      var saved = sessionStorage.getItem(keyOf(form));
      if (saved && !form.hasAttribute("data-server-filled")) {
        var values = JSON.parse(saved);
        Array.prototype.forEach.call(form.elements, function (field) {
          if (!field.name || field.type === "hidden" || !(field.name in values)) {
            return;
          }
          if (field.type === "checkbox" || field.type === "radio") {
            field.checked = values[field.name].indexOf(field.value) >= 0;
          } else if (!field.value) {
            field.value = values[field.name][0];
          }
        });
      }
      form.addEventListener("input", function () {
        var values = {};
        Array.prototype.forEach.call(form.elements, function (field) {
          if (!field.name || field.type === "hidden" || field.name === "_csrf") {
            return;
          }
          if ((field.type === "checkbox" || field.type === "radio") && !field.checked) {
            return;
          }
          (values[field.name] = values[field.name] || []).push(field.value);
        });
        sessionStorage.setItem(keyOf(form), JSON.stringify(values));
      });
    });
  }

  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 499) {
      window.location.reload();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    startLiveUpdates();
    keepInput();
  });
})();
