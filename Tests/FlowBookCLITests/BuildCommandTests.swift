import Foundation
import Testing
import _TestSupport

/// End-to-end: runs the real `flowbook` binary on small books in temporary folders.
@Suite struct BuildCommandTests {
  @Test func buildWritesPageWithOutputAndFigure() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Tiny

      Prose <b>stays</b>.

      ```{swift}
      import Plot
      print("<script>alert(1)</script>")
      show(Figure().scatter([0, 1], [1, 0]))
      ```
      """, to: "chapters/01.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let html = try String(contentsOfFile: book.path + "/output/01.html", encoding: .utf8)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("<script>alert(1)"))
    let figure = try #require(html.firstMatch(of: /src="(figures\/[^"]+\.svg)"/)?.1)
    let svg = try String(contentsOfFile: book.path + "/output/" + String(figure), encoding: .utf8)
    #expect(svg.contains("<svg"))
  }

  @Test func missingChaptersFolderIsOneClearError() throws {
    let book = try TemporaryDirectory()
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("no chapters/ folder"))
    #expect(!run.standardError.contains("Fatal error"))
  }

  @Test func unknownSubcommandIsOneClearError() throws {
    let run = try FlowBookBinary.run(["frobnicate"])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("frobnicate"))
  }

  @Test func compileErrorNamesTheChapterLine() throws {
    let book = try TemporaryDirectory()
    try book.write("Intro\n\n```{swift}\nlet x: Int = \"text\"\n```\n", to: "chapters/bad.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/bad.md:4:"))
    let html = try String(contentsOfFile: book.path + "/output/bad.html", encoding: .utf8)
    #expect(html.contains("class=\"cell-error\""))
  }
}
