// The filter forms of the pages the server draws (the homes, the activities, the board, the
// statistics), while the app is not running on the page: its code still on its way, or a browser
// that cannot run it. A choice is sent at once as the form's address, without the fields left
// empty (the address the app writes for it), and the server draws the list it names. Once the
// app is live (`html[data-live]`) it applies a choice itself and this does nothing. Without any
// script the forms' own buttons send them (`.filters__submit`, shown only then).
//
// Such a page starts the app only when it is first needed (`<meta name="app-start"
// content="on-first-use">`, see `mount` in `src/app.rs`): a link is followed and a filter sent
// without it. This asks for it (`data-start` on `<html>` and the event `deputy-homes:start`) when
// a text field is entered, or a button only the app can work is pressed (near me, elders' mode, a
// language); that press waits for the app and is made again on the same button once it is live,
// which keeps the focus if the pressed one had it.
(() => {
  "use strict";

  const html = document.documentElement;
  const live = () => html.hasAttribute("data-live");
  const onFirstUse = () =>
    !live() && document.querySelector('meta[name="app-start"][content="on-first-use"]') !== null;

  function startApp() {
    if (html.hasAttribute("data-start")) return;
    html.setAttribute("data-start", "");
    document.dispatchEvent(new Event("deputy-homes:start"));
  }

  // The button pressed before the app was live: its place among the page's buttons, and what
  // it looks like, so that the app's own button in that place (the same markup) is pressed.
  let pressed = null;
  const buttons = () => [...document.querySelectorAll("#app button")];

  document.addEventListener(
    "click",
    (event) => {
      if (!onFirstUse() || !(event.target instanceof Element)) return;
      const button = event.target.closest('#app button[type="button"]');
      if (!button) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      pressed = {
        index: buttons().indexOf(button),
        className: button.className,
        text: button.textContent,
        focused: document.activeElement === button,
      };
      // Until the app is live and presses it again, the button says it is at work.
      button.setAttribute("aria-busy", "true");
      startApp();
    },
    true,
  );

  document.addEventListener("focusin", (event) => {
    const field = event.target;
    if (onFirstUse() && field instanceof Element && field.matches('#app input[type="search"], #app input[type="text"], #app textarea')) {
      startApp();
    }
  });

  new MutationObserver(() => {
    if (!live() || pressed === null) return;
    const again = buttons()[pressed.index];
    if (again && again.className === pressed.className && again.textContent === pressed.text) {
      // A keyboard's place stays on the button (the app's has no id to keep it by).
      if (pressed.focused) again.focus();
      again.click();
    }
    pressed = null;
  }).observe(html, { attributes: true, attributeFilter: ["data-live"] });

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
