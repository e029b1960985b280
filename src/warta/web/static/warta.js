// Warta dashboard: mark the highlight named by the URL fragment (#q3, #ev2, #e1), and every
// piece of it, since a span split around another span is several elements sharing data-ref.
"use strict";

function refSelector(ref) {
  return '[data-ref="' + CSS.escape(ref) + '"]';
}

function markTarget(ref, scroll) {
  document.querySelectorAll(".is-target").forEach((el) => el.classList.remove("is-target"));
  if (!ref) return;
  const pieces = document.querySelectorAll(refSelector(ref));
  pieces.forEach((el) => el.classList.add("is-target"));
  const item = document.querySelector(".side " + refSelector(ref));
  if (item) item.scrollIntoView({ block: "nearest" });
  const first = document.getElementById(ref);
  if (scroll && first) first.scrollIntoView({ block: "center" });
}

function currentRef() {
  const raw = window.location.hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch (err) {
    return raw; // a hand-typed, malformed %-escape: use it as it is
  }
}

function onTextClick(event) {
  // A click on highlighted text selects its innermost span without jumping the page.
  const hit = event.target.closest(".doc-body .hl");
  if (!hit) return;
  const ref = hit.dataset.ref;
  history.replaceState(null, "", "#" + encodeURIComponent(ref));
  markTarget(ref, false);
}

document.addEventListener("DOMContentLoaded", () => {
  markTarget(currentRef(), true);
  window.addEventListener("hashchange", () => markTarget(currentRef(), true));
  const body = document.querySelector(".doc-body");
  if (body) body.addEventListener("click", onTextClick);
});
