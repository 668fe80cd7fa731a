/* The pledge form in the admin: each line item's "Value in EUR" follows the value, currency, pledge date and meeting
   as they are typed, from /eur-preview.json (the conversion LineItem.save() makes), before anything is saved. */
(function () {
  "use strict";
  var endpoint = document.currentScript.dataset.endpoint;
  var NO_VALUE = "unknown: the source gives no value";
  var timers = new WeakMap();

  function show(row, text) {
    // in a row of several fields, the field's own box; alone on its row, the row
    var box = row.querySelector(".fieldBox.field-eur .readonly") || row.querySelector(".field-eur .readonly");
    if (box) box.textContent = text;
  }

  function preview(row) {
    var value = row.querySelector("input[name$='-value_reported']");
    var currency = row.querySelector("select[name$='-currency']");
    var date = document.getElementById("id_date");
    var meeting = document.getElementById("id_meeting");
    if (!value || !currency || !date) return;
    if (!value.value.trim()) return show(row, NO_VALUE);
    // a pledge without a date takes its meeting's first day: the preview asks for the same
    var query = new URLSearchParams({
      value: value.value.trim(), currency: currency.value, date: date.value.trim(), meeting: meeting ? meeting.value : ""
    });
    fetch(endpoint + "?" + query.toString(), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.errors) {
          var reasons = Object.keys(answer.errors).map(function (name) { return name + ": " + answer.errors[name].join(" "); });
          return show(row, "no preview yet (" + reasons.join("; ") + ")");
        }
        show(row, answer.text + " (preview: saved with the pledge)");
      })
      .catch(function () { show(row, "no preview: the server did not answer"); });
  }

  // a value typed while the basis still says "not known" is, most often, the value the source reports:
  // the select shows the change, and the editor can still pick "estimated from a unit price"
  function suggestBasis(row) {
    var value = row.querySelector("input[name$='-value_reported']");
    var basis = row.querySelector("select[name$='-value_basis']");
    if (!value || !basis) return;
    if (value.value.trim() && basis.value === "unknown") basis.value = "reported";
    if (!value.value.trim() && basis.value === "reported") basis.value = "unknown";
  }

  function later(row) {
    clearTimeout(timers.get(row));
    timers.set(row, setTimeout(function () { preview(row); }, 300));
  }

  function everyRow() {
    document.querySelectorAll(".inline-related").forEach(later);
  }

  function changed(event) {
    var target = event.target;
    if (target.id === "id_date") return everyRow();
    if (!/-(value_reported|currency)$/.test(target.name || "")) return;
    var row = target.closest(".inline-related");
    if (!row) return;
    if (/-value_reported$/.test(target.name)) suggestBasis(row);
    later(row);
  }

  document.addEventListener("input", changed);
  document.addEventListener("change", changed);
  // The meeting is an autocomplete (select2, which the admin loads with its jQuery): a choice or a clearing
  // there is announced with jQuery's trigger("change"), which no native listener hears; jQuery's does.
  window.django.jQuery(document).on("change", "#id_meeting", everyRow);
})();
