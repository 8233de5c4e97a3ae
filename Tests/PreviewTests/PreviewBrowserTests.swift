import Foundation
import Testing
import _TestSupport

/// A page served by `flowbook preview`, open in headless Chromium (a page of the test process's browser,
/// `BrowserPage`): the reload script connects without a console error and reloads the page after a save; the
/// same page opened from disk has no script; a live page shows the "rebuilding…" badge, the build's warnings and
/// a failed build's overlay, and keeps its scroll position across the reload.
///
/// The page's every console message counts, whatever its level; the preview script's own are `[flowbook] …`,
/// so any other is a failure.
@Suite(.serialized) struct PreviewBrowserTests {
  @Test func servedPageConnectsAndReloadsAfterAnEditAndItsFileHasNoScript() throws {
    let book = try PreviewBook.make()
    let preview = try PreviewProcess(book: book.path)
    let browser = try BrowserPage(url: "http://127.0.0.1:\(preview.port)/01-intro.html")
    defer { browser.close() }
    try browser.waitForMessages(containing: "[flowbook] preview connected", count: 1, timeout: 120)

    // The same page opened from disk: no preview script, nothing logged by one.
    #expect(try RawHTTP.get("/01-intro.html", port: preview.port).body.contains("/_flowbook/preview.js"))
    let file = try BrowserPage(url: URL(fileURLWithPath: book.path + "/output/01-intro.html").absoluteString)
    defer { file.close() }
    try file.waitUntil("document.readyState === 'complete' && document.body.innerText.includes('First prose.')")
    let html = try #require(try file.evaluate("document.documentElement.outerHTML") as? String)
    #expect(!html.contains("_flowbook"))
    #expect(!file.consoleMessages.contains { $0.text.contains("[flowbook]") }, "\(file.consoleMessages)")

    try PreviewBook.save(PreviewBook.intro(prose: "Edited while open."), to: PreviewBook.intro, in: book)
    try browser.waitForMessages(containing: "[flowbook] 01-intro.html changed, reloading", count: 1, timeout: 600)
    // The reloaded page runs the script again and connects anew.
    try browser.waitForMessages(containing: "[flowbook] preview connected", count: 2, timeout: 120)

    let console = browser.consoleMessages
    #expect(!console.isEmpty)
    #expect(console.allSatisfy { $0.text.hasPrefix("[flowbook] ") }, "\(console)")
  }

  @Test func badgeWarningsOverlayAndScrollPositionInALivePage() throws {
    let book = try TemporaryDirectory()
    let filler = (1...150).map { "Paragraph \($0) of a long chapter." }.joined(separator: "\n\n")
    let chapter = { (cell: String, end: String) in "# Intro\n\n\(filler)\n\n```{swift}\n\(cell)\n```\n\n\(end)\n" }
    try book.write(chapter(#"print("value:", 1)"#, "The end."), to: PreviewBook.intro)
    let preview = try PreviewProcess(book: book.path, arguments: ["-P", "unreadparameter=1"])
    let browser = try BrowserPage(url: "http://127.0.0.1:\(preview.port)/01-intro.html")
    defer { browser.close() }

    // Connected: the build's warning shows as a badge.
    try browser.waitUntil("document.getElementById('flowbook-preview-warnings') !== null", timeout: 120)
    let warnings = try browser.evaluate("document.getElementById('flowbook-preview-warnings').innerText") as? String
    #expect(warnings?.contains("1 build warning") == true)
    #expect(try browser.evaluate("window.scrollTo(0, 1500); window.scrollY") as? Int == 1500)

    // A cell that runs until the test, having seen the badge, creates a file: the badge shows while the cell
    // runs; the page reloads at the same place once it ran.
    // (The file lies outside the book, which the preview watches; the cell gives up after five minutes.)
    let gate = try TemporaryDirectory()
    let slowCell = """
      print("value:", 2)
      var waited = 0
      while !FileManager.default.fileExists(atPath: "\(gate.path)/badge-seen"), waited < 6000 { usleep(50_000); waited += 1 }
      """
    try PreviewBook.save(chapter(slowCell, "The new end."), to: PreviewBook.intro, in: book)
    try browser.waitUntil("document.getElementById('flowbook-preview-badge')?.innerText === 'rebuilding\\u2026'")
    try gate.write("", to: "badge-seen")
    try browser.waitUntil("document.body.innerText.includes('The new end.') && document.readyState === 'complete'")
    try browser.waitUntil("document.getElementById('flowbook-preview-warnings') !== null", timeout: 120)
    #expect(try browser.evaluate("Math.round(window.scrollY)") as? Int == 1500)
    #expect(try browser.evaluate("document.getElementById('flowbook-preview-badge') === null") as? Bool == true)

    // A compile error: the overlay names the cell's line over the last good page.
    try PreviewBook.save(chapter("let broken: Int = \"text\"", "Broken end."), to: PreviewBook.intro, in: book)
    try browser.waitUntil("document.getElementById('flowbook-preview-overlay') !== null")
    let overlay = try browser.evaluate("document.getElementById('flowbook-preview-overlay').innerText") as? String
    #expect(overlay?.contains("chapters/01-intro.md:304") == true, "\(overlay ?? "")")
    #expect(overlay?.contains("cannot convert") == true)
    #expect(try browser.evaluate("document.body.innerText.includes('The new end.')") as? Bool == true)
  }
}
