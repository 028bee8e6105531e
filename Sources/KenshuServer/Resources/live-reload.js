// Kenshu preview: reloads the page after a rebuild and shows build problems over the page.
// Served only by `kenshu serve`; never part of a built site.
(function () {
  "use strict";
  var panelId = "kenshu-preview-diagnostics";

  function showDiagnostics(list) {
    var old = document.getElementById(panelId);
    if (old) old.remove();
    if (!list || list.length === 0) return;
    var panel = document.createElement("section");
    panel.id = panelId;
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-label", "ビルドエラー / Build errors");
    panel.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:2147483647;" +
      "background:#fff8f6;color:#3b0a00;border-top:4px solid #b3261e;padding:1rem 1.25rem;" +
      "font:14px/1.6 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.2)";
    var heading = document.createElement("h2");
    heading.textContent = "ビルドできませんでした（前回のサイトを表示中） / Build failed — showing the previous site";
    heading.style.cssText = "font-size:15px;margin:0 0 .5rem";
    panel.appendChild(heading);
    var items = document.createElement("ul");
    items.style.cssText = "margin:0;padding-left:1.2rem";
    list.forEach(function (d) {
      var item = document.createElement("li");
      item.textContent = d.file + (d.line ? ":" + d.line : "") + (d.column ? ":" + d.column : "") +
        ": " + d.severity + ": " + d.message + (d.hint ? " (" + d.hint + ")" : "");
      items.appendChild(item);
    });
    panel.appendChild(items);
    document.body.appendChild(panel);
  }

  function status() {
    fetch("/_kenshu/status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) { showDiagnostics(s.errors); })
      .catch(function () {});
  }

  if (!window.EventSource) return;
  var source = new EventSource("/_kenshu/events");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("failed", status);
  status();
})();
