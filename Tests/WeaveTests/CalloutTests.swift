import Notebook
import Testing
import Weave

/// `::: {.callout-…}` fenced divs: styled boxes holding Markdown, math and cells, in every page.
@Suite struct CalloutTests {
  private func weave(_ source: String, results: [CellResult]? = nil) throws -> Report {
    let chapter = try ChapterParser.parse(source, file: "chapters/01-a.md")
    let executed = ExecutedChapter(
      chapter: chapter,
      results: results ?? chapter.cells.map { _ in CellResult(status: .ok, outputs: [.text("ran\n")]) },
      displayDirectory: "/nonexistent")
    return try ReportBuilder(metadata: BookMetadata(title: "T"), assets: nil).build([executed])
  }

  private func page(_ source: String, _ name: String = "01-a.html") throws -> String {
    try #require(try weave(source).text(name))
  }

  @Test func calloutNestsMarkdownMathAndACell() throws {
    let source = """
      # A

      ::: {.callout-note title="About $\\log$"}
      Some *text* with $x_1$ and a list:

      - item $a_i$
      ```{swift}
      print("ran")
      ```
      After the cell.
      :::

      Outside.
      """
    let chapter = try ChapterParser.parse(source, file: "chapters/01-a.md")
    #expect(chapter.cells.count == 1, "a cell inside a callout is still a cell that runs")
    for name in ["01-a.html", "print.html"] {
      let html = try page(source, name)
      let box = try #require(html.firstRange(of: "<div class=\"callout callout-note\">"))
      let rest = html[box.upperBound...]
      let end = try #require(rest.firstRange(of: "<p>Outside.</p>"))
      let inside = rest[..<end.lowerBound]
      #expect(
        inside.hasPrefix(
          "\n<div class=\"callout-title\">About <span class=\"math inline\">\\log</span></div>\n"))
      #expect(inside.contains("<em>text</em> with <span class=\"math inline\">x_1</span>"))
      #expect(inside.contains("<li>item <span class=\"math inline\">a_i</span></li>"))
      #expect(inside.contains("<pre class=\"cell-output\">ran\n</pre>"))
      #expect(inside.contains("<p>After the cell.</p>\n</div>\n"))
    }
  }

  @Test func everyKindHasItsClassAndTitleAndExercisesAreNumbered() throws {
    let source = """
      # A

      ::: {.callout-tip}
      T
      :::

      ::: {.callout-warning}
      W
      :::

      ::: {.callout-important #imp}
      I
      :::

      ::: {.callout-exercise}
      E1
      :::

      ::: {.callout-exercise title='Train "moons"'}
      E2
      :::

      ::: {.column-margin}
      M
      :::
      """
    let html = try page(source)
    #expect(
      html.contains(
        "<div class=\"callout callout-tip\">\n<div class=\"callout-title\"><span class=\"callout-label\">Tip</span></div>"
      ))
    #expect(
      html.contains(
        "<div class=\"callout callout-warning\">\n<div class=\"callout-title\"><span class=\"callout-label\">Warning</span></div>"
      ))
    #expect(html.contains("<div class=\"callout callout-important\" id=\"imp\">"))
    #expect(html.contains("<span class=\"callout-label\">Exercise 1.1</span></div>\n<p>E1</p>"))
    #expect(html.contains("<span class=\"callout-label\">Exercise 1.2</span>: Train &quot;moons&quot;</div>"))
    #expect(html.contains("<div class=\"column-margin\">\n<p>M</p>\n</div>"))
  }

  @Test func calloutsNestAndFencesInsideCodeAreCode() throws {
    let source = """
      ::::: {.callout-tip}
      ::: {.callout-warning}
      Inner
      :::
      ````markdown
      :::
      ````
      :::::
      """
    let html = try page(source)
    #expect(
      html.contains(
        "<div class=\"callout callout-tip\">\n<div class=\"callout-title\"><span class=\"callout-label\">Tip</span></div>\n<div class=\"callout callout-warning\">"
      ))
    #expect(html.contains("<p>Inner</p>\n</div>\n<pre><code class=\"language-markdown\">:::\n</code></pre>\n</div>"))
  }

  @Test func unbalancedFencesNameTheirLine() {
    #expect(throws: WeaveError.unclosedDiv(at: ChapterLocation(file: "chapters/01-a.md", line: 3))) {
      try weave("# A\n\n::: {.callout-note}\nText\n")
    }
    #expect(throws: WeaveError.unopenedDivClose(at: ChapterLocation(file: "chapters/01-a.md", line: 4))) {
      try weave("# A\n\nText\n:::\n")
    }
  }
}
