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

// Listings: a live character counter ("37 / 128") for inputs with data-count="<counter id>".
function hansaUpdateCounter(input) {
  const counter = document.getElementById(input.dataset.count);
  const max = Number(input.getAttribute("maxlength")) || 0;
  if (!counter || !max) return;
  counter.textContent = `${input.value.length} / ${max}`;
  counter.classList.toggle("over", input.value.length >= max);
}
document.addEventListener("input", (event) => {
  const el = event.target;
  if (el instanceof HTMLInputElement && el.dataset.count) hansaUpdateCounter(el);
});

// Listings: show only the price inputs of the chosen kind (range, tier table or negotiable).
function hansaShowPriceKind(root) {
  const checked = root.querySelector("input[name=price_kind]:checked");
  if (!checked) return;
  root.querySelectorAll("[data-price-kind]").forEach((el) => {
    el.hidden = el.dataset.priceKind !== checked.value;
  });
}
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el instanceof HTMLInputElement && el.name === "price_kind" && el.form) {
    hansaShowPriceKind(el.form);
  }
});

// Product page: a click on a thumbnail shows that photo in the main frame.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a[data-gallery-thumb]");
  const main = document.getElementById("gallery-main");
  if (!link || !main) return;
  event.preventDefault();
  main.src = link.href;
  if (link.dataset.width) main.width = Number(link.dataset.width);
  if (link.dataset.height) main.height = Number(link.dataset.height);
  link.closest("ul").querySelectorAll("a[data-gallery-thumb]").forEach((a) => {
    a.setAttribute("aria-current", a === link ? "true" : "false");
  });
});

// Language selector: ?hl= pins a page's language, so drop it from the address to return to.
document.addEventListener("change", (event) => {
  const el = event.target;
  if (!(el instanceof HTMLSelectElement) || el.id !== "lang-select" || !el.form) return;
  const next = el.form.querySelector("input[name=next]");
  if (!next || !next.value.includes("hl=")) return;
  const url = new URL(next.value, window.location.origin);
  url.searchParams.delete("hl");
  next.value = url.pathname + url.search + url.hash;
}, true);

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-count]").forEach(hansaUpdateCounter);
  document.querySelectorAll("form").forEach((form) => {
    if (form.querySelector("input[name=price_kind]")) hansaShowPriceKind(form);
  });
});
