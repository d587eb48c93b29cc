// laurel serve: reload when the site changes (keeping the scroll position), and show build
// problems over the page until they are fixed. Added by the preview server only.
(function () {
  var key = "laurel-scroll:" + location.pathname;
  var box = function () { return document.querySelector(".pages"); };
  var saved = sessionStorage.getItem(key);
  if (saved) {
    sessionStorage.removeItem(key);
    var at = JSON.parse(saved);
    var restore = function () { window.scrollTo(at[0], at[1]); if (box()) box().scrollTop = at[2]; };
    if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
  }
  var overlay = null;
  var show = function (text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "laurel-problem";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#fff;font:15px/1.6 ui-monospace,Menlo,Consolas,monospace;padding:24px";
      document.body.appendChild(overlay);
    }
    overlay.innerHTML = "<p style=\"color:#ff8a80;font-weight:700;margin:0 0 12px\">laurel: the build failed — the page shows the last good build</p><pre style=\"white-space:pre-wrap;margin:0\"></pre>";
    overlay.querySelector("pre").textContent = text;
  };
  var events = new EventSource("/__laurel/events");
  events.addEventListener("reload", function () {
    sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY, box() ? box().scrollTop : 0]));
    location.reload();
  });
  events.addEventListener("problem", function (e) { show(e.data); });
  events.addEventListener("fine", function () { if (overlay) { overlay.remove(); overlay = null; } });
})();
