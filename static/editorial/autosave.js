// Autosave for the article form in the admin.
//
// Every change is copied to localStorage at once (survives a closed tab or a dead network)
// and sent to the server every few seconds (survives a lost laptop). When the form opens
// with a copy that differs from what is on screen, a banner offers to restore or discard it.
//
// The local copy is dropped only when the server confirms the save: each submit carries a
// random id, and the page after a successful save (the form again, or the article list) names
// that id in #autosave-confirmed. A save that fails in any way (a 500, a reset connection, a
// busy database, a refused form) brings no confirmation, so the copy stays and is offered back.
// The admin loads this in <head>: wait for the page.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  const PREFIX = "filmsite-autosave:";

  function readLocal(storageKey) {
    try {
      return JSON.parse(localStorage.getItem(storageKey) || "null");
    } catch (error) {
      return null;
    }
  }

  function forget(storageKey) {
    try {
      localStorage.removeItem(storageKey);
    } catch (error) {
      // Storage disabled: there is nothing to forget.
    }
  }

  // The server says a save went through: drop the copy that was submitted, and only that one.
  const confirmed = document.getElementById("autosave-confirmed");
  if (confirmed && confirmed.dataset.submit) {
    const storageKey = PREFIX + confirmed.dataset.key;
    const saved = readLocal(storageKey);
    if (saved && saved.submit_id === confirmed.dataset.submit) forget(storageKey);
  }

  const config = document.getElementById("autosave-config");
  const form = document.getElementById("article_form");
  if (!config || !form) return;

  const key = config.dataset.key;
  const url = config.dataset.url;
  const storageKey = PREFIX + key;
  const banner = document.getElementById("autosave-banner");
  const bannerText = document.getElementById("autosave-banner-text");
  const statusLine = document.getElementById("autosave-status");
  // Tokens and the edit-conflict choices belong to one page, not to the text typed.
  const SKIP = new Set(["csrfmiddlewaretoken", "edit_token", "autosave_submit_id", "conflict_token"]);
  const SERVER_EVERY_MS = 4000;
  let dirty = false;
  let submitted = false;
  let initial = null; // the form as loaded: nothing was typed while it still looks like this
  const openedAt = new Date().toISOString();

  const tokenField = form.querySelector("[name=edit_token]");
  const baseToken = tokenField ? tokenField.value : "";
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;

  // Sent with the save; the server echoes it back only when the save went through.
  const submitField = document.createElement("input");
  submitField.type = "hidden";
  submitField.name = "autosave_submit_id";
  form.appendChild(submitField);

  function snapshot() {
    const data = {};
    for (const [name, value] of new FormData(form)) {
      if (SKIP.has(name) || name.startsWith("resolve-") || typeof value !== "string") continue;
      (data[name] = data[name] || []).push(value);
    }
    return data;
  }

  function same(a, b) {
    return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
  }

  function writeLocal(draft) {
    try {
      localStorage.setItem(storageKey, JSON.stringify(draft));
    } catch (error) {
      // Storage full or disabled: the server copy still protects the text.
    }
  }

  function say(text) {
    if (statusLine) statusLine.textContent = text;
  }

  function time(iso) {
    return new Date(iso).toLocaleTimeString();
  }

  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function send(body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok) throw new Error("autosave refused: " + response.status);
      return response.json();
    });
  }

  function keepLocally() {
    if (submitted) return;
    const data = snapshot();
    if (initial && same(data, initial)) {
      // Typed and undone on this page: nothing left to keep. But widgets also fire change
      // events on load, so a copy from before this page (a closed tab, an unconfirmed save)
      // stays until it is restored, discarded or confirmed saved.
      const kept = readLocal(storageKey);
      if (kept && !kept.submit_id && kept.saved_at > openedAt) forget(storageKey);
      return;
    }
    const draft = { data: data, base_token: baseToken, saved_at: new Date().toISOString() };
    writeLocal(draft);
    dirty = true;
    say("Unsaved changes kept in this browser at " + time(draft.saved_at) + ".");
  }

  function pushToServer() {
    if (!dirty || submitted) return; // a push after the real save would resurrect the draft
    dirty = false;
    const draft = readLocal(storageKey);
    if (!draft) return;
    send({ key: key, base_token: draft.base_token, data: draft.data })
      .then(function (reply) {
        say("Unsaved changes kept on the server at " + time(reply.draft.saved_at) + ".");
      })
      .catch(function () {
        dirty = true; // offline or refused: try again on the next tick
        say("Offline: unsaved changes are kept in this browser only.");
      });
  }

  function setValue(element, values) {
    if (element.type === "checkbox" || element.type === "radio") {
      element.checked = values.includes(element.value);
    } else if (element.tagName === "SELECT") {
      for (const value of values) {
        if (value && !Array.from(element.options).some((o) => o.value === value)) {
          element.add(new Option("(restored choice " + value + ")", value));
        }
      }
      for (const option of element.options) option.selected = values.includes(option.value);
    } else if (element.type !== "file") {
      element.value = values[0] || "";
    }
    element.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function addInlineRows(data) {
    // Add empty inline rows until the page has as many as the draft.
    for (const name of Object.keys(data)) {
      const match = name.match(/^(.+)-TOTAL_FORMS$/);
      if (!match) continue;
      const total = form.querySelector("[name='" + name + "']");
      const addLink = document.querySelector("#" + match[1] + "-group .add-row a");
      let guard = 200;
      while (total && addLink && Number(total.value) < Number(data[name][0]) && guard--) {
        addLink.click();
      }
    }
  }

  function restore(draft) {
    addInlineRows(draft.data);
    for (const element of form.elements) {
      if (!element.name || SKIP.has(element.name)) continue;
      if (element.name in draft.data) {
        setValue(element, draft.data[element.name]);
      } else if (element.type === "checkbox") {
        element.checked = false; // unchecked boxes are absent from form data
      }
    }
    banner.hidden = true;
    keepLocally();
    say("Restored your unsaved changes from " + time(draft.saved_at) + ". Save to keep them.");
  }

  function discard() {
    forget(storageKey);
    banner.hidden = true;
    send({ key: key, discard: true }).catch(function () {});
    say("Discarded the unsaved changes.");
  }

  function offer(draft) {
    if (!draft || same(draft.data, snapshot())) return;
    bannerText.textContent = draft.submit_id
      ? "Your save of " + time(draft.saved_at) + " was not confirmed by the server, so " +
        "your changes from then were kept in this browser."
      : "You have unsaved changes to this article from " + time(draft.saved_at) + ".";
    banner.hidden = false;
    document.getElementById("autosave-restore").onclick = function () {
      restore(draft);
    };
    document.getElementById("autosave-discard").onclick = discard;
  }

  function start() {
    initial = snapshot();
    const local = readLocal(storageKey); // read before any typing can overwrite it
    // Listen at once: an editor may type before the server answers the lookup below.
    form.addEventListener("input", keepLocally);
    form.addEventListener("change", keepLocally);
    window.setInterval(pushToServer, SERVER_EVERY_MS);
    form.addEventListener("submit", function (event) {
      if (event.submitter && event.submitter.formTarget === "_blank") {
        submitField.value = ""; // the preview opens in another tab; nothing is saved
        return;
      }
      const data = snapshot();
      const previous = readLocal(storageKey);
      if (!same(data, initial) || previous) {
        // Exactly what is being sent, kept until the server confirms it has it.
        submitField.value = randomId();
        writeLocal({
          data: data,
          base_token: baseToken,
          saved_at: new Date().toISOString(),
          submit_id: submitField.value,
        });
      }
      submitted = true;
    });
    fetch(url + "?key=" + encodeURIComponent(key), { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : { draft: undefined }))
      .catch(() => ({ draft: undefined }))
      .then(function (reply) {
        const newest = [local, reply.draft]
          .filter(Boolean)
          .sort((a, b) => (a.saved_at < b.saved_at ? 1 : -1))[0];
        offer(newest);
      });
  }

  start();
});
