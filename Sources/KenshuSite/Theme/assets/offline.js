// Offline use of the site (issue 14): registers the site's service worker (sw.js at the site's
// root), which keeps every page this browser has opened, and the whole self-study module when
// one of its pages is opened, for when the connection is gone (a phone on venue Wi-Fi, a train).
//
// Skipped, silently, wherever a service worker cannot or should not run: file:// (no service
// workers), plain http other than localhost (browsers allow them only in secure contexts),
// browsers without them, and a page framed by another origin (an LMS showing the site: the
// worker would belong to the site's origin, not to the LMS, and third-party frames get none or
// a partitioned one). A SCORM package does not load this script at all (docs/modules.md).
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  if (location.protocol !== "https:" && location.protocol !== "http:") return;
  var framedElsewhere;
  try { framedElsewhere = window.top !== window.self && window.top.location.origin !== location.origin; }
  catch (e) { framedElsewhere = true; }
  if (framedElsewhere) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var scope, script;
  try {
    scope = new URL(root || "./", location.href);
    script = new URL("sw.js", scope);
  } catch (e) { return; }
  // The page's address without its query: a survey link's ?t= (the answer code) is never sent
  // to the worker, so never becomes a cache key.
  var page = location.origin + location.pathname;
  navigator.serviceWorker.register(script.href, { scope: scope.pathname }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    if (registration.active) registration.active.postMessage({ type: "keep-page", url: page });
  }).catch(function () { /* not allowed here (private mode, policy): the site works online */ });
})();
