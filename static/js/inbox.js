// The inbox form: say that the text is being saved and read while the request runs, and keep it from
// being sent twice.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("inboxtext_form");
  const progress = document.getElementById("inbox-progress");
  if (!form || !progress) return;
  form.addEventListener("submit", () => {
    progress.hidden = false;
    form.querySelectorAll("input[type=submit]").forEach((button) => { button.disabled = true; });
  });
});
