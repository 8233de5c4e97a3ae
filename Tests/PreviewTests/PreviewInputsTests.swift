import Foundation
import Testing
import _TestSupport

/// What `flowbook preview` watches besides the chapters, what it says about warnings, and what it serves before
/// any build succeeded, checked through its reload channel.
@Suite(.serialized) struct PreviewInputsTests {
  @Test func declaredInputsAreWatchedAndWarningsAreSent() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# Data\n\n```{swift}\n//| depends: [data/*.txt]\n"
        + #"print("read:", try! String(contentsOfFile: "data/a.txt", encoding: .utf8))"# + "\n```\n",
      to: "chapters/01-data.md")
    try book.write("first", to: "data/a.txt")
    let preview = try PreviewProcess(book: book.path, arguments: ["-P", "unreadparameter=1"])
    let events = try EventStreamClient(port: preview.port)
    let first = try events.next("status").json()
    #expect(first["ok"] as? Bool == true)
    let warnings = first["warnings"] as? [[String: Any]] ?? []
    #expect(warnings.count == 1)
    #expect((warnings.first?["message"] as? String)?.contains("unreadparameter") == true)
    #expect(preview.output.contains("✔ · 1 warning: build"))

    // Editing the declared file reruns the chapter and reloads its page.
    try book.write("second", to: "data/a.txt")
    let edited = try events.next("reload").json()
    #expect((edited["pages"] as? [String])?.contains("01-data.html") == true)
    #expect(try RawHTTP.get("/01-data.html", port: preview.port).body.contains("read: second"))
    _ = try preview.line(containing: "data/a.txt changed · reran chapters/01-data.md")

    // A new file matching the pattern changes the chapter's inputs: it is seen too.
    try book.write("other", to: "data/b.txt")
    let added = try events.next("reload").json()
    #expect(added["ok"] as? Bool == true)
    _ = try preview.line(containing: "data/b.txt changed · reran chapters/01-data.md")
  }

  @Test func aFailedCheckFailsTheBuildWithItsVerdict() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# Checks\n\n```{swift}\ncheck(\"positive\", 1 < 0, \"one is not below zero\")\n```\n",
      to: "chapters/01-checks.md")
    let preview = try PreviewProcess(book: book.path)
    let events = try EventStreamClient(port: preview.port)
    let status = try events.next("status").json()
    #expect(status["ok"] as? Bool == false)
    let failure = (status["failures"] as? [[String: Any]])?.first ?? [:]
    #expect(failure["file"] as? String == "chapters/01-checks.md")
    #expect(failure["line"] as? Int == 4)
    #expect((failure["message"] as? String)?.contains("✘ positive: one is not below zero") == true)
  }

  @Test func aFirstBuildThatFailsServesAPageWithItsError() throws {
    let book = try TemporaryDirectory()
    try book.write("# Intro\n\nSee @fig-missing.\n", to: "chapters/01-intro.md")
    let preview = try PreviewProcess(book: book.path)
    let events = try EventStreamClient(port: preview.port)
    let status = try events.next("status").json()
    #expect(status["ok"] as? Bool == false)
    let message = (status["failures"] as? [[String: Any]])?.first?["message"] as? String ?? ""
    #expect(message.contains("chapters/01-intro.md:3: error: @fig-missing refers to no label"))
    #expect(preview.output.contains("chapters/01-intro.md:3: error: @fig-missing"))

    // No report yet: any page is a placeholder carrying the preview script (which shows the failure), not a 404.
    for path in ["/", "/01-intro.html"] {
      let page = try RawHTTP.get(path, port: preview.port)
      #expect(page.status == 503)
      #expect(page.body.contains("No report yet"))
      #expect(page.body.contains("<script src=\"/_flowbook/preview.js\" defer></script>"))
    }

    // The fix is seen although no build ever succeeded, and the real page replaces the placeholder.
    try PreviewBook.save("# Intro\n\nSee nothing.\n", to: "chapters/01-intro.md", in: book)
    let fixed = try events.next("reload").json()
    #expect(fixed["ok"] as? Bool == true)
    let page = try RawHTTP.get("/01-intro.html", port: preview.port)
    #expect(page.status == 200)
    #expect(page.body.contains("See nothing."))
  }
}
