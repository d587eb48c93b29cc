// laurel default theme: progressive enhancements only; every page works without this file.
(function () {
  "use strict";

  // Search box on the front page, over search.json: names, units, fields, the name's pinyin
  // (li, lmy, limingyuan find 李明远) and the story's frequent words (盐碱); ArrowDown moves
  // into the results.
  var search = document.querySelector(".search[data-search]");
  if (search) {
    var input = search.querySelector("input");
    var results = search.querySelector("ul");
    var entries = null;
    var severalYears = false;
    var SHOWN = 8;
    search.hidden = false;
    // The query, spaces dropped, begins the initials or the whole pinyin (1), or starts at a
    // later syllable (0.5).
    var pinyinMatch = function (e, q) {
      if (!e.pinyin || !/^[a-z]+$/.test(q)) return 0;
      var syllables = e.pinyin.split("-");
      var initials = syllables.map(function (s) { return s.charAt(0); }).join("");
      if (initials.indexOf(q) === 0 || syllables.join("").indexOf(q) === 0) return 1;
      return syllables.some(function (s, i) { return syllables.slice(i).join("").indexOf(q) === 0; }) ? 0.5 : 0;
    };
    // Every two characters of the query are among the story's words (two characters each).
    var wordMatch = function (e, q) {
      var words = (e.words || "").match(/[\s\S]{2}/g) || [];
      if (q.length < 2) return false;
      for (var i = 0; i + 1 < q.length; i++) if (words.indexOf(q.substr(i, 2)) < 0) return false;
      return true;
    };
    var score = function (e, q) {
      if (e.name.toLowerCase().indexOf(q) >= 0) return 4;
      var pinyin = pinyinMatch(e, q.replace(/\s+/g, ""));
      if (pinyin) return 2 + pinyin;
      var facts = [e.organization, e.field, e.region, e.category, e.year + "年"].join(" ").toLowerCase();
      if (facts.indexOf(q) >= 0) return 2;
      return wordMatch(e, q) ? 1 : 0;
    };
    var item = function (text, className) {
      var li = document.createElement("li");
      li.textContent = text;
      li.className = className;
      results.appendChild(li);
    };
    var show = function () {
      var q = input.value.trim().toLowerCase();
      results.textContent = "";
      if (!q || !entries) return;
      var found = entries.map(function (e, i) { return { e: e, score: score(e, q), i: i }; })
        .filter(function (f) { return f.score > 0; })
        .sort(function (a, b) { return b.score - a.score || a.i - b.i; });
      found.slice(0, SHOWN).forEach(function (f) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = f.e.url;
        a.textContent = f.e.name;
        var small = document.createElement("small");
        small.textContent = (severalYears ? f.e.year + "年度 · " : "") + f.e.organization;
        a.appendChild(small);
        li.appendChild(a);
        results.appendChild(li);
      });
      if (!found.length) item("没有找到“" + input.value.trim() + "”", "search-note");
      if (found.length > SHOWN) {
        item("还有 " + (found.length - SHOWN) + " 位未列出，请输入更多字词", "search-note search-more");
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
    // ArrowDown and ArrowUp move between the box and the results; Escape clears.
    search.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(results.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && links.length) {
        e.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (e.key === "ArrowUp" && at >= 0) {
        e.preventDefault();
        (at === 0 ? input : links[at - 1]).focus();
      } else if (e.key === "Escape") {
        input.value = "";
        show();
        input.focus();
      }
    });
  }

  // A filter row too long for the screen scrolls sideways: bring its chosen filter into view
  // (the page itself does not move).
  document.querySelectorAll(".filters ul").forEach(function (row) {
    var chosen = row.querySelector("[aria-current=page]");
    if (!chosen || row.scrollWidth <= row.clientWidth) return;
    var item = chosen.parentElement;
    row.scrollLeft = item.offsetLeft - row.offsetLeft - (row.clientWidth - item.offsetWidth) / 2;
  });

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
    document.documentElement.classList.add("lightbox-open");
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
  // Touch: a sideways swipe (from anywhere, the buttons too) moves; the lightbox keeps every
  // touch move, so the browser neither goes back in history from the screen's edge nor
  // scrolls the page behind; a tap on the dark area around the photo closes.
  var start = null;
  dialog.addEventListener("touchstart", function (e) {
    start = { x: e.touches[0].clientX, y: e.touches[0].clientY };
  }, { passive: true });
  dialog.addEventListener("touchmove", function (e) { e.preventDefault(); }, { passive: false });
  dialog.addEventListener("touchend", function (e) {
    if (start === null) return;
    var dx = e.changedTouches[0].clientX - start.x, dy = e.changedTouches[0].clientY - start.y;
    start = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) {
      e.preventDefault();
      open(current + (dx < 0 ? 1 : -1));
    }
  });
  dialog.addEventListener("touchcancel", function () { start = null; });
  dialog.addEventListener("click", function (e) {
    if (e.target === dialog || e.target === dialog.querySelector("figure")) dialog.close();
  });
  dialog.addEventListener("close", function () { document.documentElement.classList.remove("lightbox-open"); });
})();
