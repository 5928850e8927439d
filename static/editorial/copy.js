// "Copy" buttons beside read-only addresses (share links): copies the address and says so.
// Without scripts (or clipboard access) the address is still selectable in its field.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.addEventListener("click", function () {
      const field = document.getElementById(button.dataset.copy);
      field.select();
      const done = () => (button.textContent = "Copied");
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, () => {
          button.textContent = "Select and copy it";
        });
      } else {
        document.execCommand("copy") ? done() : (button.textContent = "Select and copy it");
      }
    });
  }
});
