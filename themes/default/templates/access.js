// laurel default theme: 长辈模式 (large text, higher contrast, larger targets) and 朗读 (read
// the story aloud). Both are enhancements: without JavaScript their buttons stay hidden and
// the pages read as they are. Inlined at the end of every page and card (cards load nothing
// from outside, so they work offline once loaded).
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "laurel-elder";

  // 长辈模式: remembered in localStorage; `?elder=1` / `?elder=0` in a link sets it.
  var stored = function (value) {
    try {
      if (value === undefined) return localStorage.getItem(KEY) === "1";
      localStorage.setItem(KEY, value ? "1" : "0");
    } catch (e) { /* storage blocked: the mode lasts for this page */ }
  };
  var asked = /[?&]elder=([01])/.exec(location.search);
  if (asked) stored(asked[1] === "1");
  var on = asked ? asked[1] === "1" : stored();
  var apply = function () {
    root.classList.toggle("elder", on);
    document.querySelectorAll(".elder-toggle").forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
  };
  apply();
  document.querySelectorAll(".elder-toggle").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      on = !on;
      stored(on);
      apply();
    });
  });

  // 朗读: shown only where the browser has a Chinese voice.
  var controls = document.querySelector(".read-aloud");
  var synth = window.speechSynthesis;
  if (!controls || !synth || !window.SpeechSynthesisUtterance) return;
  var story = document.querySelector(controls.getAttribute("data-text") || ".story");
  var play = controls.querySelector("[data-speak]");
  var pause = controls.querySelector("[data-speak-pause]");
  var stop = controls.querySelector("[data-speak-stop]");
  var status = controls.querySelector("[role=status]");
  var voice = null;
  var findVoice = function () {
    voice = synth.getVoices().filter(function (v) { return /^zh/i.test(v.lang); })[0] || null;
    controls.hidden = !voice || !story;
  };
  findVoice();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", findVoice);
  var say = function (text) {
    if (status) status.textContent = text;
  };
  var reset = function () {
    play.hidden = false; pause.hidden = true; stop.hidden = true;
  };
  play.addEventListener("click", function () {
    if (synth.paused) {
      synth.resume();
    } else {
      synth.cancel();
      // One utterance per paragraph: long utterances are cut off by some browsers.
      var blocks = story.querySelectorAll(controls.getAttribute("data-blocks") || "h2, h3, p, li, blockquote, figcaption");
      var parts = [].map.call(blocks, function (b) { return b.textContent.trim(); }).filter(Boolean);
      parts.forEach(function (text, i) {
        var u = new SpeechSynthesisUtterance(text);
        u.voice = voice;
        u.lang = voice.lang;
        if (i === parts.length - 1) u.onend = function () { reset(); say("朗读结束"); };
        synth.speak(u);
      });
    }
    play.hidden = true; pause.hidden = false; stop.hidden = false;
    say("正在朗读");
    pause.focus();
  });
  pause.addEventListener("click", function () {
    synth.pause();
    play.hidden = false; pause.hidden = true;
    play.textContent = "继续朗读";
    say("已暂停");
    play.focus();
  });
  stop.addEventListener("click", function () {
    synth.cancel();
    reset();
    play.textContent = "朗读";
    say("已停止");
    play.focus();
  });
})();
