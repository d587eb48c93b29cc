// laurel default theme: progressive enhancements only; every page works without this file.
(function () {
  "use strict";

  // Search box on the front page, over search.json.
  var search = document.querySelector(".search[data-search]");
  if (search) {
    var input = search.querySelector("input");
    var results = search.querySelector("ul");
    var entries = null;
    var severalYears = false;
    search.hidden = false;
    var show = function () {
      var q = input.value.trim().toLowerCase();
      results.textContent = "";
      if (!q || !entries) return;
      entries.filter(function (e) {
        return [e.name, e.organization, e.field, e.region, e.category, e.year + "年"].join(" ").toLowerCase().indexOf(q) >= 0;
      }).slice(0, 8).forEach(function (e) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = e.url;
        a.textContent = e.name;
        var small = document.createElement("small");
        small.textContent = (severalYears ? e.year + "年度 · " : "") + e.organization;
        a.appendChild(small);
        li.appendChild(a);
        results.appendChild(li);
      });
      if (!results.children.length) {
        var none = document.createElement("li");
        none.textContent = "没有找到“" + input.value.trim() + "”";
        none.style.padding = "8px 14px";
        results.appendChild(none);
      }
    };
    input.addEventListener("focus", function () {
      if (entries) return;
      fetch(search.getAttribute("data-search")).then(function (r) { return r.json(); })
        .then(function (data) {
          entries = data;
          severalYears = data.some(function (e) { return e.year !== data[0].year; });
          show();
        }).catch(function () { entries = []; });
    });
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (e) { if (e.key === "Escape") { input.value = ""; show(); } });
  }

  // Copy buttons on the media kit page: copy the named field, say so on the button.
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy"));
      var done = function () {
        button.textContent = "已复制";
        setTimeout(function () { button.textContent = "复制"; }, 1600);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
      } else {
        field.select();
        if (document.execCommand("copy")) done();
      }
    });
  });

  // Lightbox for photo links with class "zoom": a <dialog>, arrow keys and swipe to move.
  var links = Array.prototype.slice.call(document.querySelectorAll("a.zoom"));
  if (!links.length || typeof HTMLDialogElement !== "function") return;
  var dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  dialog.setAttribute("aria-label", "图片查看");
  dialog.innerHTML = '<figure><img alt=""><figcaption></figcaption></figure>' +
    '<button class="lb-close" type="button" aria-label="关闭">×</button>' +
    '<button class="lb-prev" type="button" aria-label="上一张">‹</button>' +
    '<button class="lb-next" type="button" aria-label="下一张">›</button>';
  document.body.appendChild(dialog);
  var img = dialog.querySelector("img"), caption = dialog.querySelector("figcaption"), current = 0;
  var open = function (i) {
    current = (i + links.length) % links.length;
    var link = links[current], thumb = link.querySelector("img");
    img.src = link.href;
    img.alt = thumb ? thumb.alt : "";
    caption.textContent = link.getAttribute("data-caption") || "";
    if (!dialog.open) dialog.showModal();
  };
  links.forEach(function (link, i) {
    link.addEventListener("click", function (e) { e.preventDefault(); open(i); });
  });
  dialog.querySelector(".lb-close").addEventListener("click", function () { dialog.close(); });
  dialog.querySelector(".lb-prev").addEventListener("click", function () { open(current - 1); });
  dialog.querySelector(".lb-next").addEventListener("click", function () { open(current + 1); });
  dialog.addEventListener("keydown", function (e) {
    if (e.key === "ArrowLeft") open(current - 1);
    if (e.key === "ArrowRight") open(current + 1);
  });
  var startX = null;
  dialog.addEventListener("touchstart", function (e) { startX = e.touches[0].clientX; }, { passive: true });
  dialog.addEventListener("touchend", function (e) {
    if (startX === null) return;
    var dx = e.changedTouches[0].clientX - startX;
    if (Math.abs(dx) > 50) open(current + (dx < 0 ? 1 : -1));
    startX = null;
  });
})();
