import Foundation
import Testing
import _TestSupport

/// `flowbook preview` run as a user runs it, on a temporary book and a port the system chose, watched
/// through its reload channel. Waits are generous deadlines, never timed assertions (the save→reload
/// times are measured in the README's benchmark).
@Suite(.serialized) struct PreviewEndToEndTests {
  @Test func editsReloadAndAFailedBuildKeepsTheLastGoodPage() throws {
    let book = try PreviewBook.make()
    let preview = try PreviewProcess(book: book.path)
    let events = try EventStreamClient(port: preview.port)
    let first = try events.next("status").json()
    #expect(first["ok"] as? Bool == true)
    #expect(try RawHTTP.get("/01-intro.html", port: preview.port).body.contains("First prose."))

    // A prose edit: one reload naming the page, whose served text is new.
    try PreviewBook.save(PreviewBook.intro(prose: "Second prose."), to: PreviewBook.intro, in: book)
    _ = try events.next("building")
    let prose = try events.next("reload").json()
    #expect(prose["ok"] as? Bool == true)
    #expect((prose["pages"] as? [String])?.contains("01-intro.html") == true)
    #expect((prose["pages"] as? [String])?.contains("02-other.html") == false)
    let page = try RawHTTP.get("/01-intro.html", port: preview.port)
    #expect(page.body.contains("Second prose."))
    #expect(page.body.contains("<script src=\"/_flowbook/preview.js\" defer></script>"))

    // A cell edit: the event comes once the cell ran, so the page already shows its new output.
    try PreviewBook.save(
      PreviewBook.intro(prose: "Second prose.", cell: #"print("value:", 40 + 2)"#), to: PreviewBook.intro, in: book)
    let cell = try events.next("reload").json()
    #expect(cell["ok"] as? Bool == true)
    #expect(try RawHTTP.get("/01-intro.html", port: preview.port).body.contains("value: 42"))

    // A compile error: ok false with the failing cell's place; the last good page is still served.
    try PreviewBook.save(
      PreviewBook.intro(prose: "Broken prose.", cell: #"let number: Int = "forty-two""#), to: PreviewBook.intro,
      in: book)
    let failed = try events.next("reload").json()
    #expect(failed["ok"] as? Bool == false)
    #expect((failed["pages"] as? [String]) == [])
    let failures = failed["failures"] as? [[String: Any]] ?? []
    #expect(failures.first?["file"] as? String == PreviewBook.intro)
    #expect(failures.first?["line"] as? Int == 6)
    #expect((failures.first?["message"] as? String)?.contains("cannot convert") == true)
    let kept = try RawHTTP.get("/01-intro.html", port: preview.port).body
    #expect(kept.contains("value: 42") && kept.contains("Second prose.") && !kept.contains("Broken prose."))
    #expect(try !String(contentsOfFile: book.path + "/output/01-intro.html", encoding: .utf8).contains("_flowbook"))

    // Fixing it brings the page back.
    try PreviewBook.save(PreviewBook.intro(prose: "Fixed prose."), to: PreviewBook.intro, in: book)
    let fixed = try events.next("reload").json()
    #expect(fixed["ok"] as? Bool == true)
    #expect(try RawHTTP.get("/01-intro.html", port: preview.port).body.contains("Fixed prose."))
    #expect(preview.output.contains("  chapters/01-intro.md changed · reran chapters/01-intro.md · "))
    #expect(preview.output.contains("✘ 1 failed: chapters/01-intro.md:6"))
  }

  @Test func pathTraversalIsRefused() throws {
    let book = try PreviewBook.make()
    let preview = try PreviewProcess(book: book.path)
    for path in [
      "/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E/Package.swift", "/%2e%2e%2fPackage.swift",
      "/..%2fPackage.swift", "/figures/../../Package.swift", "/figures/%2e%2e/%2e%2e/Package.swift",
    ] {
      let response = try RawHTTP.get(path, port: preview.port)
      #expect([403, 404].contains(response.status), "\(path) answered \(response.status)")
      #expect(!response.body.contains("secret-of-the-book"), "\(path) leaked the file")
    }
    #expect(try RawHTTP.get("/", port: preview.port).status == 200)
  }

  @Test func ctrlCStopsTheServerAndTheRunningCell() throws {
    let book = try PreviewBook.make()
    let preview = try PreviewProcess(book: book.path)
    // A finished rebuild first: each rebuild installs the build's Ctrl-C handling again, which must not undo it.
    let events = try EventStreamClient(port: preview.port)
    try PreviewBook.save(PreviewBook.intro(prose: "Rebuilt once."), to: PreviewBook.intro, in: book)
    _ = try events.next("reload")
    try PreviewBook.save(
      PreviewBook.intro(prose: "Sleeping.", cell: "print(\"sleeping\")\nsleep(300)"), to: PreviewBook.intro, in: book)
    let deadline = Date() + 300
    while !ProcessTable.commandLines().contains(where: { $0.hasPrefix(book.path) && $0.hasSuffix("/chapter") }),
      Date() < deadline, preview.process.isRunning
    {
      Thread.sleep(forTimeInterval: 0.05)
    }
    try #require(
      ProcessTable.commandLines().contains { $0.hasPrefix(book.path) && $0.hasSuffix("/chapter") },
      "the cell never started")
    #expect(preview.interrupt() == 128 + SIGINT)
    #expect(preview.output.contains("interrupted; output/ keeps the previous report"))
    #expect(throws: (any Error).self) { try RawHTTP.get("/", port: preview.port) }
    // The chapter program's process group was killed with it; the kernel may take a moment to reap it.
    let reaped = Date() + 30
    while ProcessTable.commandLines().contains(where: { $0.contains(book.path) }), Date() < reaped {
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(!ProcessTable.commandLines().contains { $0.contains(book.path) })
  }
}
