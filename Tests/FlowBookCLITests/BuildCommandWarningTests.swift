import Foundation
import Testing
import _TestSupport

/// `flowbook build` end to end: nothing in a book fails silently. Probable mistakes are warnings at
/// `file:line` (printed and in `build.json`); wrong output is an error at its line. Math is typeset by
/// KaTeX at build time, so a formula KaTeX refuses stops the build.
@Suite struct BuildCommandWarningTests {
  private func build(_ book: TemporaryDirectory, environment: [String: String] = [:]) throws -> FlowBookBinary.Run {
    try FlowBookBinary.run(["build", "--book", book.path], environment: environment)
  }

  @Test func aChapterBookYmlDoesNotListIsAWarning() throws {
    let book = try TemporaryDirectory()
    try book.write("chapters: [01-one.md]\n", to: "chapters/book.yml")
    try book.write("# One\n\nText.\n", to: "chapters/01-one.md")
    try book.write("# Draft\n", to: "chapters/09-draft.md")
    let run = try build(book)
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardError.contains("chapters/09-draft.md: warning: not listed in chapters/book.yml"))
    #expect(run.standardOutput.contains("1 warning"))
    let warnings = try BuildRecordReader(book: book.path).json["warnings"] as? [[String: Any]]
    #expect(warnings?.first?["file"] as? String == "chapters/09-draft.md")
  }

  @Test func aBookWithoutMistakesHasNoWarnings() throws {
    let book = try TemporaryDirectory()
    try book.write("# One\n\nThe density $p(x)$.\n", to: "chapters/01-one.md")
    let run = try build(book)
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(!run.standardError.contains("warning"))
    let warnings = try BuildRecordReader(book: book.path).json["warnings"] as? [Any]
    #expect(warnings?.isEmpty == true)
  }

  @Test func aLabelWithoutAKnownPrefixIsAnErrorAtItsLine() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# One\n\n```{swift}\n//| label: coef\nprint(1)\n```\n", to: "chapters/01-one.md")
    let run = try build(book)
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/01-one.md:4: error: label 'coef' needs a prefix: fig-coef"))
  }

  @Test func anUnknownReferenceSuggestsTheNearestLabel() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# One\n\n```{swift}\n//| label: fig-data\n//| eval: false\nshow(Figure())\n```\n\nSee @fig-dta.\n",
      to: "chapters/01-one.md")
    let run = try build(book)
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains(
        "chapters/01-one.md:9: error: @fig-dta refers to no label in the book; did you mean @fig-data?"))
  }

  @Test func mathIsTypesetAtBuildTime() throws {
    let book = try TemporaryDirectory()
    try book.write("# One\n\nThe density $p_\\theta(x)$ and\n\n$$\\int p = 1$$\n", to: "chapters/01-one.md")
    let run = try build(book)
    #expect(run.exitCode == 0, "\(run.standardError)")
    let page = try String(contentsOfFile: book.path + "/output/01-one.html", encoding: .utf8)
    #expect(page.contains("<span class=\"math inline\"><span class=\"katex\">"))
    #expect(page.contains("<span class=\"math display\"><span class=\"katex-display\">"))
    #expect(!page.contains("katex.min.js"))
    #expect(page.contains("assets/katex/katex.min.css"))
  }

  @Test func aKaTeXErrorInACaptionStopsTheBuildAtTheCaptionLine() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# One\n\nText $x$.\n\n```{swift}\n//| label: fig-density\n//| fig-cap: \"The density $p_\\\\theta$\"\n"
        + "//| eval: false\nshow(Figure())\n```\n",
      to: "chapters/01-one.md")
    let run = try build(book)
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/01-one.md:7: error: KaTeX parse error:"), "\(run.standardError)")
    #expect(run.standardError.contains("p_\\\\theta"))
    #expect(!FileManager.default.fileExists(atPath: book.path + "/output/index.html"))
  }

  @Test func withoutNodeTheBrowserTypesetsTheMathAndTheBuildWarns() throws {
    let compilerFolder = try #require(Self.folder(holding: "swiftc"))
    try #require(!FileManager.default.isExecutableFile(atPath: compilerFolder + "/node"))
    let book = try TemporaryDirectory()
    try book.write("# One\n\nThe density $p(x)$.\n", to: "chapters/01-one.md")
    let run = try build(book, environment: ["PATH": compilerFolder])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardError.contains("warning: node not found"))
    let page = try String(contentsOfFile: book.path + "/output/01-one.html", encoding: .utf8)
    #expect(page.contains("<span class=\"math inline\">p(x)</span>"))
    #expect(page.contains("katex.min.js"))
  }

  private static func folder(holding executable: String) -> String? {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
      .first { FileManager.default.isExecutableFile(atPath: $0 + "/" + executable) }
  }
}
