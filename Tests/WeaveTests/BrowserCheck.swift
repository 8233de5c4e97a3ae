import Foundation
import _TestSupport

/// Opens a page of a written report in headless Chromium and reports what a reader would meet.
///
/// How: the test inserts a small script at the very start of the page's `<head>` (only in the test's
/// copy; the report itself carries no test code). The script records console errors and warnings,
/// uncaught exceptions and failed loads (image, script, stylesheet, font) from the first moment, and
/// after `load` and `document.fonts.ready` it writes a JSON summary into `<pre id="flowbook-check">`.
/// The page is opened in the test process's Chromium (`BrowserPage`), which the test asks for that
/// summary once it is there, and decodes. As a second, independent net, the browser's console messages
/// (every `console` call, uncaught exception and browser message, whatever its level, as the DevTools
/// protocol reports them) must be none at all. Network access is impossible anyway (the browser resolves
/// no host but the loopback one), and every resource the page fetched or references must lie inside the
/// report folder.
struct BrowserCheck {
  /// The summary written by the injected script.
  struct Result: Decodable {
    var problems: [String]
    var mathElements: Int
    var unrenderedMath: Int
    var katexErrors: Int
    var rawDollarText: Bool
    var text: String
    var images: [Image]
    var outsideURLs: [String]
    var resources: [String]
    var codeBlocks: Int
    var highlightedBlocks: Int
    var highlightedTokens: Int

    struct Image: Decodable {
      var src: String
      var naturalWidth: Int
    }
  }

  /// `Result` plus the console messages the page logged.
  struct Outcome {
    var result: Result
    var consoleLines: [String]
  }

  /// Checks `page` inside the written report `folder`, in a page of the test process's Chromium.
  func check(page: String, in folder: String) throws -> Outcome {
    let path = folder + "/" + page
    let html = try String(contentsOfFile: path, encoding: .utf8)
    let instrumented = html.replacingOccurrences(
      of: "<head>\n", with: "<head>\n<script>\(Self.script)</script>\n")
    try instrumented.write(toFile: path, atomically: true, encoding: .utf8)
    let browser = try BrowserPage(url: URL(fileURLWithPath: path).absoluteString)
    defer { browser.close() }
    let summary = "document.getElementById('flowbook-check')"
    do { try browser.waitUntil("\(summary) !== null", timeout: 120) } catch {
      throw CheckFailure("no check result in \(page): \(error); the console said: \(browser.consoleMessages)")
    }
    guard let json = try browser.evaluate("\(summary).textContent") as? String else {
      throw CheckFailure("the check result of \(page) is no text")
    }
    let result = try JSONDecoder().decode(Result.self, from: Data(json.utf8))
    return Outcome(result: result, consoleLines: browser.consoleMessages.map(\.description))
  }

  struct CheckFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// Runs first in the page; see the type's comment.
  static let script = #"""
    (function () {
      "use strict";
      var problems = [];
      var folder = location.href.replace(/[^\/]*$/, "");
      ["error", "warn"].forEach(function (level) {
        var original = console[level];
        console[level] = function () {
          problems.push("console." + level + ": " + Array.prototype.join.call(arguments, " "));
          original.apply(console, arguments);
        };
      });
      window.addEventListener("error", function (event) {
        var target = event.target;
        if (target && target !== window) problems.push("failed to load " + (target.currentSrc || target.src || target.href));
        else problems.push("uncaught: " + event.message);
      }, true);
      window.addEventListener("unhandledrejection", function (event) { problems.push("unhandled rejection: " + event.reason); });
      function inside(url) { return url.indexOf(folder) === 0; }
      function report() {
        var maths = document.querySelectorAll(".math");
        var outside = [];
        document.querySelectorAll("[src], [href], [srcset]").forEach(function (element) {
          [element.src, element.href, element.srcset && new URL(element.srcset, location.href).href].forEach(function (url) {
            if (url && !inside(url)) outside.push(url);
          });
        });
        var resources = performance.getEntriesByType("resource").map(function (entry) { return entry.name; });
        resources.forEach(function (url) { if (!inside(url)) outside.push(url); });
        document.fonts.forEach(function (font) { if (font.status === "error") problems.push("font failed: " + font.family); });
        var result = {
          problems: problems,
          mathElements: maths.length,
          unrenderedMath: Array.prototype.filter.call(maths, function (m) { return !m.querySelector(".katex"); }).length,
          katexErrors: document.querySelectorAll(".katex-error").length,
          rawDollarText: document.body.innerText.indexOf("$$") >= 0,
          text: document.body.innerText,
          images: Array.prototype.map.call(document.images, function (image) {
            return { src: image.currentSrc || image.src, naturalWidth: image.naturalWidth };
          }),
          outsideURLs: outside,
          resources: resources,
          codeBlocks: document.querySelectorAll("pre code.language-swift").length,
          highlightedBlocks: document.querySelectorAll("pre code.hljs").length,
          highlightedTokens: document.querySelectorAll("pre code.hljs span[class^='hljs-']").length
        };
        var pre = document.createElement("pre");
        pre.id = "flowbook-check";
        pre.textContent = JSON.stringify(result);
        document.body.appendChild(pre);
      }
      window.addEventListener("load", function () {
        document.fonts.ready.then(function () { setTimeout(report, 0); });
      });
    })();
    """#
}
