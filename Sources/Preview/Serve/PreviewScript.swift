/// The script the server adds to every page it serves (never to the files in `output/`).
///
/// It listens on `/_flowbook/events`: `building` shows a small "rebuilding…" badge; `reload` reloads the
/// page if it is among the changed `pages`, keeping the scroll position (kept in `sessionStorage` across
/// the reload); a failed build (`"ok": false`) shows an overlay listing each failure's `chapter.md:line`
/// and error text over the last good page, and the next good build removes it. A build's warnings show as
/// a small "⚠ N warnings" badge that opens into their list (and are listed in the overlay of a failed build).
/// A placeholder page (served while no report exists) reloads after the first good build. Text is set with
/// `textContent` only, so an error message can never inject markup. Like other live-reload tools it says
/// on the console when it connects and when it reloads (`[flowbook] …`).
enum PreviewScript {
  /// Where the server serves it.
  static let path = "/_flowbook/preview.js"
  /// The reload channel.
  static let eventsPath = "/_flowbook/events"

  static let source = #"""
    (function () {
      "use strict";
      var page = decodeURIComponent(location.pathname.split("/").pop()) || "index.html";
      var scrollKey = "flowbook-preview-scroll:" + location.pathname;
      var saved = sessionStorage.getItem(scrollKey);
      if (saved !== null) {
        sessionStorage.removeItem(scrollKey);
        if ("scrollRestoration" in history) history.scrollRestoration = "manual";
        var restore = function () { window.scrollTo(0, Number(saved)); };
        restore();
        document.addEventListener("DOMContentLoaded", restore);
        window.addEventListener("load", function () {
          restore();
          console.info("[flowbook] scroll position restored: " + Math.round(window.scrollY));
        });
      }

      var style = document.createElement("style");
      style.textContent =
        "#flowbook-preview-badge{position:fixed;right:12px;bottom:12px;z-index:2147483647;padding:4px 10px;" +
        "border-radius:12px;background:rgba(40,40,40,.85);color:#fff;font:12px/1.4 system-ui,sans-serif;" +
        "pointer-events:none}" +
        "#flowbook-preview-overlay{position:fixed;left:0;right:0;top:0;max-height:60vh;overflow:auto;" +
        "z-index:2147483646;background:rgba(30,0,0,.93);color:#fdd;padding:14px 18px;" +
        "font:13px/1.45 ui-monospace,DejaVu Sans Mono,monospace;box-shadow:0 2px 12px rgba(0,0,0,.4)}" +
        "#flowbook-preview-overlay h2{font:600 15px system-ui,sans-serif;margin:0 0 8px;color:#fff}" +
        "#flowbook-preview-overlay .where{color:#ffb4b4;font-weight:600;margin-top:10px}" +
        "#flowbook-preview-overlay pre{white-space:pre-wrap;margin:2px 0 0;color:#fdd;background:none}" +
        "#flowbook-preview-overlay button{float:right;background:none;border:0;color:#fff;font-size:18px;cursor:pointer}" +
        "#flowbook-preview-warnings{position:fixed;left:12px;bottom:12px;z-index:2147483645;max-width:min(640px,80vw);" +
        "max-height:50vh;overflow:auto;padding:4px 10px;border-radius:12px;background:rgba(90,60,0,.92);color:#ffe9b0;" +
        "font:12px/1.4 system-ui,sans-serif}" +
        "#flowbook-preview-warnings summary{cursor:pointer}" +
        "#flowbook-preview-warnings pre{white-space:pre-wrap;margin:6px 0 0;font:12px/1.4 ui-monospace,monospace}";
      document.head.appendChild(style);

      var badge = null;
      function showBadge(visible) {
        if (visible && !badge) {
          badge = document.createElement("div");
          badge.id = "flowbook-preview-badge";
          badge.textContent = "rebuilding\u2026";
          document.body.appendChild(badge);
        } else if (!visible && badge) {
          badge.remove();
          badge = null;
        }
      }

      function describe(item) {
        var where = item.line ? item.file + ":" + item.line : item.file;
        return where ? where + ": " + item.message : item.message;
      }

      var warningBadge = null;
      function showWarnings(warnings) {
        if (warningBadge) { warningBadge.remove(); warningBadge = null; }
        if (!warnings.length) return;
        warningBadge = document.createElement("details");
        warningBadge.id = "flowbook-preview-warnings";
        var summary = document.createElement("summary");
        summary.textContent = "\u26a0 " + warnings.length + (warnings.length === 1 ? " build warning" : " build warnings");
        warningBadge.appendChild(summary);
        var list = document.createElement("pre");
        list.textContent = warnings.map(describe).join("\n");
        warningBadge.appendChild(list);
        document.body.appendChild(warningBadge);
      }

      var overlay = null;
      function showFailures(failures, warnings) {
        if (overlay) { overlay.remove(); overlay = null; }
        if (!failures.length) return;
        overlay = document.createElement("div");
        overlay.id = "flowbook-preview-overlay";
        var close = document.createElement("button");
        close.textContent = "\u00d7";
        close.title = "Hide until the next build";
        close.addEventListener("click", function () { overlay.remove(); overlay = null; });
        overlay.appendChild(close);
        var title = document.createElement("h2");
        title.textContent = "Build failed \u2014 showing the last good pages";
        overlay.appendChild(title);
        failures.forEach(function (failure) {
          var where = document.createElement("div");
          where.className = "where";
          where.textContent = failure.line ? failure.file + ":" + failure.line : failure.file;
          var text = document.createElement("pre");
          text.textContent = failure.message;
          if (failure.file) overlay.appendChild(where);
          overlay.appendChild(text);
        });
        if (warnings.length) {
          var heading = document.createElement("div");
          heading.className = "where";
          heading.textContent = warnings.length + (warnings.length === 1 ? " warning" : " warnings");
          var list = document.createElement("pre");
          list.textContent = warnings.map(describe).join("\n");
          overlay.appendChild(heading);
          overlay.appendChild(list);
        }
        document.body.appendChild(overlay);
      }

      var placeholder = document.querySelector('meta[name="flowbook-placeholder"]') !== null;

      function onMessage(event, reloads) {
        var message = JSON.parse(event.data);
        showBadge(false);
        if (reloads && (message.pages.indexOf(page) >= 0 || (placeholder && message.ok))) {
          console.info("[flowbook] " + page + " changed, reloading");
          sessionStorage.setItem(scrollKey, String(window.scrollY));
          location.reload();
          return;
        }
        var warnings = message.warnings || [];
        showFailures(message.ok ? [] : message.failures, warnings);
        showWarnings(message.ok ? warnings : []);
      }

      var events = new EventSource("/_flowbook/events");
      events.addEventListener("open", function () { console.info("[flowbook] preview connected"); });
      events.addEventListener("building", function () { showBadge(true); });
      events.addEventListener("reload", function (event) { onMessage(event, true); });
      events.addEventListener("status", function (event) { onMessage(event, false); });
    })();
    """#
}
