// Card navigation: progress as pages come into view; arrow keys, Page Up/Down, space, Home
// and End move page by page. Scrolling and swiping are the browser's own (CSS scroll-snap).
(function () {
  var box = document.querySelector(".pages");
  var pages = Array.prototype.slice.call(box.querySelectorAll(".page"));
  var meter = document.querySelector(".progress");
  var bar = meter.querySelector(".progress-bar");
  var count = meter.querySelector(".progress-count b");
  var current = 0;
  var still = window.matchMedia("(prefers-reduced-motion: reduce)");
  function show(i) {
    current = i;
    bar.style.width = (100 * (i + 1) / pages.length) + "%";
    count.textContent = i + 1;
    meter.setAttribute("aria-valuenow", i + 1);
    meter.setAttribute("aria-valuetext", "第 " + (i + 1) + " 页，共 " + pages.length + " 页");
  }
  function go(i) {
    i = Math.max(0, Math.min(pages.length - 1, i));
    box.scrollTo({ top: pages[i].offsetTop, behavior: still.matches ? "auto" : "smooth" });
  }
  if ("IntersectionObserver" in window) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) show(pages.indexOf(e.target)); });
    }, { root: box, threshold: 0.55 });
    pages.forEach(function (p) { seen.observe(p); });
  }
  var keys = { ArrowDown: 1, PageDown: 1, " ": 1, ArrowUp: -1, PageUp: -1 };
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(A|BUTTON|VIDEO|INPUT|TEXTAREA)$/.test(e.target.tagName)) return;
    var step = keys[e.key];
    if (e.key === " " && e.shiftKey) step = -1;
    if (e.key === "Home") { e.preventDefault(); go(0); }
    else if (e.key === "End") { e.preventDefault(); go(pages.length - 1); }
    else if (step) { e.preventDefault(); go(current + step); }
  });
  var again = document.querySelector(".again");
  if (again) again.addEventListener("click", function (e) { e.preventDefault(); go(0); box.focus(); });
  if (!document.documentElement.classList.contains("embed")) box.focus({ preventScroll: true });
})();
