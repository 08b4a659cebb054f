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
// which keeps the focus if the pressed one had it. The form for an opinion is drawn too: entering
// any of its fields asks for the app, and sending it (or choosing photos) before the app is live
// waits for it and is done again by it. Its code is fetched only once the page is first used at
// all (a tap, a key, a scroll: `use`, for the loader in Trunk.toml).
//
// When the app takes a page over, what was typed, chosen or ticked in the drawn fields is put
// into its fields of the same id, as if done there (the events `deputy-homes:taking-over` and
// `deputy-homes:taken-over`, from `start` in `src/app.rs`).
(() => {
  "use strict";

  const html = document.documentElement;
  const live = () => html.hasAttribute("data-live");
  const onFirstUse = () =>
    !live() && document.querySelector('meta[name="app-start"][content="on-first-use"]') !== null;

  // The page is used: the loader (Trunk.toml) fetches the app's code, which a page that works
  // without it does only then, so that reading it costs no more than the page.
  function use() {
    if (html.hasAttribute("data-used")) return;
    html.setAttribute("data-used", "");
    document.dispatchEvent(new Event("deputy-homes:use"));
  }
  for (const type of ["pointerdown", "touchstart", "keydown", "focusin", "wheel", "scroll"]) {
    document.addEventListener(type, use, { capture: true, passive: true, once: true });
  }
  // Asked to start by a test or a script: its code is needed too.
  document.addEventListener("deputy-homes:start", use);

  function startApp() {
    use();
    if (html.hasAttribute("data-start")) return;
    html.setAttribute("data-start", "");
    document.dispatchEvent(new Event("deputy-homes:start"));
  }

  // A device that chose another language or elders' mode before the server was told (no cookie
  // yet) sees the page as the app draws it, at once: as `device_looks_default` in src/app.rs
  // (`looks_default` in api/src/platform/first_answers.rs), of what src/i18n and
  // src/kit/elders.rs store.
  const stored = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const language = stored("deputy-homes.lang");
  if (onFirstUse() && !((language === null || language === "zh-CN") && stored("deputy-homes.elders") !== "on")) startApp();

  // A form the app sends (not one of the filters, which are sent without it).
  const appForm = '#app form:not(.filters):not(.stats__year)';

  // The button pressed before the app was live: what it looks like, and its place among the
  // page's buttons that look the same, so that the app's own button (the same markup) is pressed
  // (buttons the app leaves out, such as a code's for an anonymous form, do not count).
  let pressed = null;
  const needsApp = `#app button[type="button"], ${appForm} button[type="submit"], ${appForm} input[type="file"]`;
  const looks = (button) => [button.tagName, button.type, button.className, button.textContent].join("\n");
  const alike = (look) => [...document.querySelectorAll("#app button, #app input")].filter((b) => looks(b) === look);

  document.addEventListener(
    "click",
    (event) => {
      if (!onFirstUse() || !(event.target instanceof Element)) return;
      const button = event.target.closest(needsApp);
      if (!button) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const look = looks(button);
      pressed = { look, index: alike(look).indexOf(button), focused: document.activeElement === button };
      // Until the app is live and presses it again, the button says it is at work.
      button.setAttribute("aria-busy", "true");
      startApp();
    },
    true,
  );

  document.addEventListener("focusin", (event) => {
    const field = event.target;
    const entered = `#app input[type="search"], #app input[type="text"], #app textarea, ${appForm} input, ${appForm} select`;
    if (onFirstUse() && field instanceof Element && field.matches(entered)) {
      startApp();
    }
  });

  new MutationObserver(() => {
    if (!live() || pressed === null) return;
    const again = alike(pressed.look)[pressed.index];
    if (again) {
      // A keyboard's place stays on the button (the app's has no id to keep it by).
      if (pressed.focused) again.focus();
      again.click();
    }
    pressed = null;
  }).observe(html, { attributes: true, attributeFilter: ["data-live"] });

  // Sent with Enter before the app is live: the browser presses the form's button (held above);
  // the form itself is never sent by the browser, which would lose what was typed.
  document.addEventListener("submit", (event) => {
    if (onFirstUse() && event.target instanceof Element && event.target.matches(appForm)) event.preventDefault();
  });

  // The drawn fields with an id, as they are just before the app takes the page over.
  let drawn = [];
  let focusedId = "";
  document.addEventListener("deputy-homes:taking-over", () => {
    drawn = [...document.querySelectorAll("#app input[id], #app select[id], #app textarea[id]")]
      .filter((field) => field.type !== "file")
      .map((field) => ({ id: field.id, value: field.value, checked: field.checked, type: field.type }));
    focusedId = document.activeElement?.id ?? "";
  });

  // Puts a drawn field's value into the app's field of its id, with the event the app listens
  // to; false when that field cannot take it yet (a list whose options are still to come).
  function restore({ id, value, checked, type }) {
    const field = document.getElementById(id);
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement)) return true;
    if (type === "checkbox" || type === "radio") {
      // A radio button tells the app when it is chosen, not when another one is.
      if (field.checked === checked || (type === "radio" && !checked)) return true;
      field.checked = checked;
      field.dispatchEvent(new Event("change", { bubbles: true }));
      return true;
    }
    if (field.value === value) return true;
    if (field instanceof HTMLSelectElement && ![...field.options].some((option) => option.value === value)) return false;
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
    return true;
  }

  // The app's page is drawn by the next frame (its route, and the lists whose options come from
  // an answer the page carried), before the app is live and presses a button held for it.
  document.addEventListener("deputy-homes:taken-over", () => {
    const fields = drawn;
    drawn = [];
    requestAnimationFrame(() => {
      const waiting = fields.filter((field) => !restore(field));
      // What is typed next goes on in the app's field.
      if (focusedId) document.getElementById(focusedId)?.focus();
      if (waiting.length > 0) requestAnimationFrame(() => waiting.forEach(restore));
    });
  });

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
