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
    #expect(page.contains("<code>{swift} stepz + 1</code>"))
  }
}
