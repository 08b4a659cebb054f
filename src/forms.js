// The filter forms of the pages the server draws (the homes, the activities, the board, the
// statistics), while the app is not running on the page: its code still on its way, or a browser
// that cannot run it. A choice is sent at once as the form's address, without the fields left
// empty (the address the app writes for it), and the server draws the list it names. Once the
// app is live (`html[data-live]`) it applies a choice itself and this does nothing. Without any
// script the forms' own buttons send them (`.filters__submit`, shown only then).
(() => {
  "use strict";

  const sendable = (form) =>
    form instanceof HTMLFormElement &&
    form.matches("form.filters, form.stats__year") &&
    !document.documentElement.hasAttribute("data-live");

  function send(form) {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && value !== "") query.append(name, value);
    }
    const search = query.toString();
    location.assign(location.pathname + (search ? "?" + search : ""));
  }

  // A list or a date chosen; text typed is sent with Enter (the form's submit).
  document.addEventListener("change", (event) => {
    const field = event.target;
    if (!(field instanceof HTMLSelectElement || (field instanceof HTMLInputElement && field.type === "date"))) return;
    if (sendable(field.form)) send(field.form);
  });

  document.addEventListener("submit", (event) => {
    if (!sendable(event.target)) return;
    event.preventDefault();
    send(event.target);
  });
})();
