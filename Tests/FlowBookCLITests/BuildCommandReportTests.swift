import Foundation
import Testing
import _TestSupport

/// `flowbook build` end to end, the report side: book errors found while weaving, and `--pdf`.
@Suite struct BuildCommandReportTests {
  @Test func danglingReferenceFailsTheBuildAtItsLine() throws {
    let book = try TemporaryDirectory()
    try book.write("# Bad\n\nText.\n\nSee @fig-nothing here.\n", to: "chapters/01-bad.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains("chapters/01-bad.md:5: error: @fig-nothing refers to no label"))
    #expect(!FileManager.default.fileExists(atPath: book.path + "/output/index.html"))
  }

  @Test func pdfFlagWritesTheReportAsPDF() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "# One\n\nThe density $p(x)$ and\n\n$$\\int p = 1$$ {#eq-one}\n\nby @eq-one.\n",
      to: "chapters/01-one.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path, "--pdf"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let pdf = try Data(contentsOf: URL(fileURLWithPath: book.path + "/output/report.pdf"))
    #expect(pdf.starts(with: Data("%PDF-".utf8)))
    let index = try String(contentsOfFile: book.path + "/output/index.html", encoding: .utf8)
    #expect(index.contains("<a href=\"report.pdf\">PDF</a>"))
  }
}
