// Small behaviours without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el instanceof HTMLSelectElement && el.hasAttribute("data-autosubmit") && el.form) {
    el.form.submit();
  }
});
document.addEventListener("submit", (event) => {
  const form = event.target;
  // Forms that htmx submits ask through hx-confirm instead.
  if (form instanceof HTMLFormElement && form.dataset.confirm && !form.hasAttribute("hx-post") &&
      !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
