// In WeChat only: sign this page's URL at the publisher's endpoint, then give the JS-SDK the
// card's title, description and image for shares to chats and Moments.
(function () {
  if (!/MicroMessenger/i.test(navigator.userAgent)) return;
  var me = document.currentScript;
  var meta = function (p) { var m = document.querySelector('meta[property="' + p + '"]'); return m ? m.content : ""; };
  var sdk = document.createElement("script");
  sdk.src = "https://res.wx.qq.com/open/js/jweixin-1.6.0.js";
  sdk.onload = function () {
    var page = location.href.split("#")[0];
    fetch(me.dataset.signatureUrl + "?url=" + encodeURIComponent(page))
      .then(function (r) { return r.json(); })
      .then(function (s) {
        wx.config({ appId: me.dataset.appId, timestamp: s.timestamp, nonceStr: s.nonceStr, signature: s.signature,
          jsApiList: ["updateAppMessageShareData", "updateTimelineShareData"] });
        wx.ready(function () {
          var share = { title: meta("og:title"), desc: meta("og:description"), link: meta("og:url") || page, imgUrl: me.dataset.image || meta("og:image") };
          wx.updateAppMessageShareData(share);
          wx.updateTimelineShareData(share);
        });
      })
      .catch(function () {});
  };
  document.head.appendChild(sdk);
})();
