import Foundation
import Testing
import _TestSupport

/// `` `{swift} expr` `` in prose, end to end: evaluated after the chapter's cells with their variables in
/// scope, its value shown as text, and a compile error reported at the expression's line and column.
@Suite struct BuildCommandInlineTests {
  @Test func anInlineExpressionShowsItsValueEscaped() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # One

      ```{swift}
      let steps = 250
      let label = "a*b <c> @fig-x $5"
      ```

      We train for `{swift} steps * 2` steps; the label is `{swift} label`. Code stays `code`.

      """, to: "chapters/01-one.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let page = try String(contentsOfFile: book.path + "/output/01-one.html", encoding: .utf8)
    #expect(
      page.contains("We train for 500 steps; the label is a*b &lt;c&gt; @fig-x $5. Code stays <code>code</code>."))
  }

  @Test func anInlineExpressionThatDoesNotCompileIsAnErrorAtItsLineAndColumn() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# One\n\n```{swift}\nlet steps = 250\nprint(steps)\n```\n\nSee `{swift} stepz + 1` here.\n",
      to: "chapters/01-one.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains("chapters/01-one.md:8:14: error: cannot find 'stepz' in scope"), "\(run.standardError)"
    )
    // The cells still ran and the report was written, showing the expression as code.
    #expect(try BuildRecordReader(book: book.path).statuses("chapters/01-one.md") == ["ok"])
    let page = try String(contentsOfFile: book.path + "/output/01-one.html", encoding: .utf8)
    #expect(page.contains("<code>{swift} stepz + 1</code> ⚠ not computed: this expression failed"))
    // It counts as a failure, and build.json has it.
    #expect(run.standardOutput.contains("1 cells, 0 failed, 1 inline expression failed"), "\(run.standardOutput)")
    let inline = try #require(
      try BuildRecordReader(book: book.path).chapter("chapters/01-one.md")?["inline"] as? [[String: Any]])
    #expect(inline.map { $0["status"] as? String } == ["error"])
    #expect(
      (inline.first?["error"] as? String)?.contains("chapters/01-one.md:8:14: error: cannot find 'stepz'") == true)
  }

  @Test func anInlineExpressionThatTrapsIsItsOwnErrorNotTheLastCells() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# One\n\n```{swift}\nlet xs = [1, 2]\n```\n\nFirst `{swift} xs[0]`, then `{swift} xs[5]`, then `{swift} xs[1]`.\n",
      to: "chapters/01-one.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains("chapters/01-one.md:7:"), "\(run.standardError)")
    #expect(run.standardError.contains("Fatal error: Index out of range"), "\(run.standardError)")
    #expect(try BuildRecordReader(book: book.path).statuses("chapters/01-one.md") == ["ok"])
    let inline = try #require(
      try BuildRecordReader(book: book.path).chapter("chapters/01-one.md")?["inline"] as? [[String: Any]])
    #expect(inline.map { $0["status"] as? String } == ["ok", "error", "not-run"])
    let page = try String(contentsOfFile: book.path + "/output/01-one.html", encoding: .utf8)
    #expect(page.contains("First 1, then"))
    #expect(page.contains("⚠ not computed: another inline expression failed"))
  }

  @Test func aFailedCellLeavesTheExpressionsMarkedNotComputed() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# One\n\n```{swift}\nlet steps = 250\nlet missing: Int? = nil\nprint(missing!)\n```\n\nWe train for `{swift} steps` steps.\n",
      to: "chapters/01-one.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains(
        "chapters/01-one.md:9:23: note: an inline expression not computed: a cell of this chapter failed (chapters/01-one.md:6)"
      ),
      "\(run.standardError)")
    let page = try String(contentsOfFile: book.path + "/output/01-one.html", encoding: .utf8)
    #expect(page.contains("<code>{swift} steps</code> ⚠ not computed: a cell of this chapter failed</span>"))
    let inline = try #require(
      try BuildRecordReader(book: book.path).chapter("chapters/01-one.md")?["inline"] as? [[String: Any]])
    #expect(inline.first?["status"] as? String == "not-run")
    #expect(inline.first?["notRunReason"] as? String == "a cell of this chapter failed (chapters/01-one.md:6)")
  }
}
