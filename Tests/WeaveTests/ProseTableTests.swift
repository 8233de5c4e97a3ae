import Notebook
import Testing
import Weave

/// Markdown tables captioned Quarto's way, `: Caption {#tbl-name}`, numbered with the cells' tables.
@Suite struct ProseTableTests {
  private func page(_ prose: String, tableCell: Bool = false) throws -> String {
    var cell = Cell(index: 0, code: "show(table)", line: 1)
    cell.options.label = "tbl-cell"
    let chapter = ExecutedChapter(
      chapter: Chapter(
        file: "chapters/01-a.md",
        blocks: (tableCell ? [.cell(cell)] : []) + [.prose(prose, line: 2)]),
      results: tableCell ? [CellResult(status: .ok, outputs: [.table(header: ["a"], rows: [["1"]])])] : [],
      displayDirectory: "/nonexistent")
    let report = try ReportBuilder(metadata: BookMetadata(title: "T"), assets: nil).build([chapter])
    return try #require(report.text("01-a.html"))
  }

  @Test func captionAfterTheTableNumbersItWithTheCellsTables() throws {
    let html = try page(
      """
      See @tbl-symbols and @tbl-cell.

      | Symbol | Meaning |
      |---|---|
      | $x$ | a point |

      : Symbols, with $\\odot$ {#tbl-symbols}
      """, tableCell: true)
    #expect(html.contains("<a class=\"cross-reference\" href=\"#tbl-symbols\">Table 2</a>"))
    #expect(
      html.contains(
        "<figure class=\"prose-table\" id=\"tbl-symbols\"><figcaption><span class=\"caption-label\">Table 2:</span> Symbols, with <span class=\"math inline\">\\odot</span></figcaption>\n<div class=\"table-scroll\"><table>"
      ))
    #expect(html.contains("<td><span class=\"math inline\">x</span></td>"))
    #expect(html.contains("</table></div></figure>"))
    #expect(!html.contains("{#tbl-symbols}"))
  }

  @Test func captionRightUnderOrBeforeTheTable() throws {
    let under = try page("| a |\n|---|\n| 1 |\n: Right under {#tbl-under}\n")
    #expect(under.contains("<span class=\"caption-label\">Table 1:</span> Right under</figcaption>"))
    #expect(!under.contains("<td>: Right under"))
    let before = try page(": Before {#tbl-before}\n\n| a |\n|---|\n| 1 |\n")
    #expect(before.contains("id=\"tbl-before\"><figcaption><span class=\"caption-label\">Table 1:</span> Before"))
  }

  @Test func unlabelledCaptionsAreUnnumberedAndOtherColonsStayText() throws {
    let html = try page("| a |\n|---|\n| 1 |\n\n: Just a caption\n\nFar away.\n\n: not a caption\n")
    #expect(html.contains("<figure class=\"prose-table\"><figcaption>Just a caption</figcaption>"))
    #expect(html.contains("<p>: not a caption</p>"))
  }
}
