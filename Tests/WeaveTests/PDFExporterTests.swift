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

  /// The fixture book woven and printed to `report.pdf` in a temporary folder (kept alive by the caller).
  private func printedFixtureBook() throws -> (book: FixtureBook, folder: TemporaryDirectory, pdf: String) {
    let book = try FixtureBook()
    let folder = try TemporaryDirectory()
    try ReportWriter.write(
      try ReportBuilder(metadata: book.metadata).build(book.chapters), to: folder.path)
    let pdf = folder.path + "/report.pdf"
    try PDFExporter().export(folder.path + "/print.html", to: pdf)
    return (book, folder, pdf)
  }

  @Test func printsAnA4PDFWithMathFiguresAndNoBrowserHeader() throws {
    let (_, folder, pdf) = try printedFixtureBook()
    defer { withExtendedLifetime(folder) {} }

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

  @Test func theContentsGiveThePageEachChapterStartsOn() throws {
    let (book, folder, pdf) = try printedFixtureBook()

    // A chapter's contents entry reads "1 Title … 3" (sections "1.1 …" are skipped); the title must be
    // printed on that page.
    let contents = try poppler("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"])
    let entries = contents.matches(of: /(\d+) ([A-Z][A-Za-z ]*[a-z])\s{2,}(\d+)/).compactMap {
      match -> (title: String, page: Int)? in
      let before =
        match.range.lowerBound == contents.startIndex ? nil : contents[contents.index(before: match.range.lowerBound)]
      guard before != ".", !(before?.isNumber ?? false), let page = Int(match.3) else { return nil }
      return (String(match.2), page)
    }
    #expect(entries.count == book.chapters.count, "\(contents)")
    for entry in entries {
      let page = try poppler("pdftotext", ["-f", "\(entry.page)", "-l", "\(entry.page)", pdf, "-"])
      #expect(page.contains(entry.title), "\(entry.title) is not on page \(entry.page)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/.numbered-print.html"), "the copy is left behind")
  }

  @Test func missingPageIsAClearError() throws {
    let folder = try TemporaryDirectory()
    let error = #expect(throws: WeaveError.self) {
      try PDFExporter().export(folder.path + "/print.html", to: folder.path + "/r.pdf")
    }
    #expect(error?.description.contains("build the HTML report first") == true)
  }
}
