/*
 * "I've seen this film": remembered in this browser only (localStorage), so every reader gets
 * the same cached HTML. A spoiler section opens when the reader has seen every film its article
 * covers; undoing closes the sections this script opened. Without JavaScript the toggles stay
 * hidden and <details> still works by click and keyboard.
 */
(function () {
  "use strict";

  var KEY = "filmsite:seen-films";

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(stored) ? stored.filter(function (s) { return typeof s === "string"; }) : [];
    } catch (error) {
      return [];  // storage disabled or corrupt: behave as a first visit
    }
  }

  function save(slugs) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(slugs));
    } catch (error) {
      /* private mode or full storage: the choice lasts for this page only */
    }
  }

  function filmsOf(details) {
    return (details.getAttribute("data-films") || "").split(/\s+/).filter(Boolean);
  }

  function apply(seen) {
    document.querySelectorAll("details.spoiler[data-films]").forEach(function (details) {
      var films = filmsOf(details);
      var allSeen = films.length > 0 && films.every(function (slug) { return seen.indexOf(slug) !== -1; });
      if (allSeen && !details.open) {
        details.open = true;
        details.setAttribute("data-opened-by-seen", "");
      } else if (!allSeen && details.hasAttribute("data-opened-by-seen")) {
        details.open = false;
        details.removeAttribute("data-opened-by-seen");
      }
    });
    document.querySelectorAll("button.seen-toggle[data-film]").forEach(function (button) {
      var isSeen = seen.indexOf(button.getAttribute("data-film")) !== -1;
      button.setAttribute("aria-pressed", isSeen ? "true" : "false");
      var note = button.parentNode.querySelector(".seen-note");
      if (note) {
        note.textContent = isSeen
          ? "Spoilers for this film now open on every page. Press again to hide them."
          : "";
      }
    });
  }

  function toggle(event) {
    var slug = event.currentTarget.getAttribute("data-film");
    var seen = load();
    var at = seen.indexOf(slug);
    if (at === -1) {
      seen.push(slug);
    } else {
      seen.splice(at, 1);
    }
    save(seen);
    apply(seen);
  }

  function init() {
    document.querySelectorAll("button.seen-toggle[data-film]").forEach(function (button) {
      button.addEventListener("click", toggle);
      var wrapper = button.closest(".seen");
      if (wrapper) {
        wrapper.hidden = false;
      }
    });
    // A section the reader closes by hand stays closed; it is no longer ours to close.
    document.querySelectorAll("details.spoiler").forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (!details.open) {
          details.removeAttribute("data-opened-by-seen");
        }
      });
    });
    apply(load());
    // Another tab changed the list: follow it.
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) {
        apply(load());
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
