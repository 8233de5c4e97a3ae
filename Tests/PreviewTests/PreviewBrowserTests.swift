import Foundation
import Testing
import Weave
import _TestSupport

/// A page served by `flowbook preview`, open in headless Chromium: the reload script connects without a
/// console error and reloads the page after a save; the same page opened from disk has no script; driven
/// through the DevTools protocol, a live page shows the "rebuilding…" badge, the build's warnings and a failed
/// build's overlay, and keeps its scroll position across the reload.
///
/// Chromium logs every console message (`--enable-logging=stderr`), whatever its level, as `:CONSOLE`; the
/// preview script's own are `[flowbook] …`, so any other console line is a failure.
@Suite(.serialized) struct PreviewBrowserTests {
  @Test func servedPageConnectsAndReloadsAfterAnEdit() throws {
    let book = try PreviewBook.make()
    let preview = try PreviewProcess(book: book.path)
    let browser = try Browser(url: "http://127.0.0.1:\(preview.port)/01-intro.html")
    defer { browser.stop() }
    try browser.log.waitForCount(of: "[flowbook] preview connected", count: 1, timeout: 120)

    try PreviewBook.save(PreviewBook.intro(prose: "Edited while open."), to: PreviewBook.intro, in: book)
    try browser.log.waitForCount(of: "[flowbook] 01-intro.html changed, reloading", count: 1, timeout: 600)
    // The reloaded page runs the script again and connects anew.
    try browser.log.waitForCount(of: "[flowbook] preview connected", count: 2, timeout: 120)
    browser.stop()

    let console = browser.log.text.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    #expect(!console.isEmpty)
    #expect(console.allSatisfy { $0.contains("\"[flowbook] ") }, "\(console)")
  }

  @Test func badgeWarningsOverlayAndScrollPositionInALivePage() throws {
    let book = try TemporaryDirectory()
    let filler = (1...150).map { "Paragraph \($0) of a long chapter." }.joined(separator: "\n\n")
    let chapter = { (cell: String, end: String) in "# Intro\n\n\(filler)\n\n```{swift}\n\(cell)\n```\n\n\(end)\n" }
    try book.write(chapter(#"print("value:", 1)"#, "The end."), to: PreviewBook.intro)
    let preview = try PreviewProcess(book: book.path, arguments: ["-P", "unreadparameter=1"])
    let browser = try DevToolsBrowser(url: "http://127.0.0.1:\(preview.port)/01-intro.html")
    defer { browser.stop() }

    // Connected: the build's warning shows as a badge.
    try browser.waitUntil("document.getElementById('flowbook-preview-warnings') !== null", timeout: 120)
    let warnings = try browser.evaluate("document.getElementById('flowbook-preview-warnings').innerText") as? String
    #expect(warnings?.contains("1 build warning") == true)
    #expect(try browser.evaluate("window.scrollTo(0, 1500); window.scrollY") as? Int == 1500)

    // A slow cell: the badge shows while it runs; the page reloads at the same place once it ran.
    try PreviewBook.save(chapter("print(\"value:\", 2)\nsleep(4)", "The new end."), to: PreviewBook.intro, in: book)
    try browser.waitUntil("document.getElementById('flowbook-preview-badge')?.innerText === 'rebuilding\\u2026'")
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

  @Test func pageOpenedFromDiskHasNoPreviewScript() throws {
    let book = try PreviewBook.make()
    let preview = try PreviewProcess(book: book.path)
    #expect(try RawHTTP.get("/01-intro.html", port: preview.port).body.contains("/_flowbook/preview.js"))
    let page = URL(fileURLWithPath: book.path + "/output/01-intro.html").absoluteString
    let output = try HeadlessChromium().run([
      "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom", page,
    ])
    #expect(output.standardOutput.contains("First prose."))
    #expect(!output.standardOutput.contains("_flowbook"))
    #expect(!output.standardError.contains("[flowbook]"))
  }
}

/// Headless Chromium left running on a page, its log gathered as it comes.
private final class Browser {
  let process = Process()
  let log = LineCollector()
  private let profile = FileManager.default.temporaryDirectory.appendingPathComponent("flowbook-chromium-\(UUID())")

  init(url: String) throws {
    process.executableURL = URL(fileURLWithPath: try HeadlessChromium().executablePath)
    // The flags of `HeadlessChromium` (the loopback server excepted from its resolve-nothing rule), plus a
    // debugging port, which keeps a headless browser open.
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      "--disable-extensions", "--user-data-dir=\(profile.path)",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      "--enable-logging=stderr", "--v=0", "--remote-debugging-port=0", url,
    ]
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = FileHandle.nullDevice
    let collector = log
    pipe.fileHandleForReading.readabilityHandler = { handle in
      let data = handle.availableData
      if !data.isEmpty { collector.append(data) }
    }
    try process.run()
  }

  func stop() {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: profile)
  }

  deinit { stop() }
}
