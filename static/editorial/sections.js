// Section order in the article form: a new section goes last, and editors reorder sections by
// dragging them or with the "Move up" / "Move down" buttons (keyboard). The hidden-by-script
// "order" inputs carry the positions; the server renumbers them 1, 2, 3... on save.
// Rows keep their place in the page's markup (Django's inline script renames rows by that
// place when one is removed) and are shown in their order with CSS flexbox order.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  const group = document.getElementById("sections-group");
  if (!group) return;
  const list = group.querySelector("fieldset.module");
  list.classList.add("sortable-sections");

  function rows() {
    return Array.from(list.querySelectorAll(":scope > .inline-related:not(.empty-form)"));
  }

  function orderInput(row) {
    return row.querySelector("input[name$='-order']");
  }

  function position(row) {
    const value = parseInt(orderInput(row).value, 10);
    return Number.isNaN(value) ? Infinity : value;
  }

  function sorted() {
    // By the position each row holds, ties in page order: what the server will save.
    return rows()
      .map((row, index) => ({ row: row, index: index }))
      .sort((a, b) => position(a.row) - position(b.row) || a.index - b.index)
      .map((item) => item.row);
  }

  let showing = false;
  let dragged = null; // the section being dragged

  function show(ordered) {
    showing = true;
    ordered.forEach(function (row, i) {
      const input = orderInput(row);
      if (input.value !== String(i + 1)) {
        input.value = String(i + 1);
        input.dispatchEvent(new Event("change", { bubbles: true })); // autosave notices
      }
      row.style.order = String(i + 1);
      const label = row.querySelector(".section-position");
      if (label) label.textContent = "Section " + (i + 1) + " of " + ordered.length;
      row.querySelector(".section-up").disabled = i === 0;
      row.querySelector(".section-down").disabled = i === ordered.length - 1;
    });
    showing = false;
  }

  function move(row, step) {
    const ordered = sorted();
    const from = ordered.indexOf(row);
    const to = from + step;
    if (to < 0 || to >= ordered.length) return;
    ordered.splice(from, 1);
    ordered.splice(to, 0, row);
    show(ordered);
    row.scrollIntoView({ block: "nearest" });
    announce(row, to + 1, ordered.length);
  }

  // Screen readers hear where a moved section went.
  const live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  group.appendChild(live);

  function announce(row, position, total) {
    const heading = row.querySelector("input[name$='-heading']");
    const name = heading && heading.value ? "“" + heading.value + "”" : "The section";
    live.textContent = name + " is now section " + position + " of " + total + ".";
  }

  function button(text, className, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "button " + className;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function enhance(row) {
    if (row.dataset.sortable) return;
    row.dataset.sortable = "yes";
    const input = orderInput(row);
    const field = input.closest(".fieldBox, .form-row > div, .form-row");
    if (field) field.classList.add("section-order-field");
    const help = document.getElementById(input.id + "_helptext");
    if (help) help.hidden = true; // the bar below says where the section is
    const tools = document.createElement("div");
    tools.className = "section-tools";
    const handle = document.createElement("span");
    handle.className = "section-handle";
    handle.title = "Drag to move this section";
    handle.textContent = "⠿";
    handle.setAttribute("aria-hidden", "true");
    const label = document.createElement("span");
    label.className = "section-position";
    tools.append(
      handle,
      label,
      button("Move up", "section-up", () => move(row, -1)),
      button("Move down", "section-down", () => move(row, 1))
    );
    row.querySelector("h3").after(tools);
    // Dragging starts on this bar only, so text in the fields can still be selected.
    tools.draggable = true;
    tools.addEventListener("dragstart", function (event) {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", row.querySelector("h3").textContent.trim());
      event.dataTransfer.setDragImage(row, 20, 20);
      dragged = row;
      row.classList.add("section-dragging");
    });
    tools.addEventListener("dragend", function () {
      dragged = null;
      row.classList.remove("section-dragging");
    });
    row.addEventListener("dragover", function (event) {
      if (!dragged) return; // not one of these sections: no drop here
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    });
    row.addEventListener("drop", function (event) {
      if (!dragged || dragged === row) return;
      event.preventDefault();
      const ordered = sorted().filter((r) => r !== dragged);
      const box = row.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      ordered.splice(ordered.indexOf(row) + (after ? 1 : 0), 0, dragged);
      show(ordered);
      announce(dragged, ordered.indexOf(dragged) + 1, ordered.length);
    });
  }

  rows().forEach(enhance);
  list.addEventListener("change", function (event) {
    // A position set from outside (autosave's restore): show the rows in their new order.
    if (!showing && event.target.matches("input[name$='-order']")) show(sorted());
  });
  show(sorted());

  document.addEventListener("formset:added", function (event) {
    if (event.detail.formsetName !== "sections") return;
    const row = event.target;
    enhance(row);
    orderInput(row).value = ""; // last: after every section already there
    show(sorted());
  });
  document.addEventListener("formset:removed", function (event) {
    if (event.detail.formsetName === "sections") show(sorted());
  });
});
