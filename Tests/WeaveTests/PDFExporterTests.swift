import Foundation
import Testing
import Weave
import _TestSupport

/// The fixture's print version printed by headless Chromium, read back with poppler's tools.
@Suite struct PDFExporterTests {
  private func poppler(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text
  }

  @Test func printsAnA4PDFWithMathFiguresAndNoBrowserHeader() throws {
    let book = try FixtureBook()
    let folder = try TemporaryDirectory()
    try ReportWriter.write(
      try ReportBuilder(metadata: book.metadata).build(book.chapters), to: folder.path)
    let pdf = folder.path + "/report.pdf"
    try PDFExporter().export(folder.path + "/print.html", to: pdf)

    let info = try poppler("pdfinfo", [pdf])
    #expect(info.contains("(A4)"))
    let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
    #expect(pages >= 3)
    let text = try poppler("pdftotext", ["-layout", pdf, "-"])
    #expect(text.contains("Figure 1: Two moons"))
    #expect(text.contains("Equation (1)"))
    #expect(!text.contains("$$"))
    #expect(!text.contains("file://"), "browser footer printed")
    let fonts = try poppler("pdffonts", [pdf])
    #expect(fonts.contains("KaTeX_Main"), "math was not typeset with KaTeX fonts")
  }

  @Test func missingPageIsAClearError() throws {
    let folder = try TemporaryDirectory()
    let error = #expect(throws: WeaveError.self) {
      try PDFExporter().export(folder.path + "/print.html", to: folder.path + "/r.pdf")
    }
    #expect(error?.description.contains("build the HTML report first") == true)
  }
}
