import Foundation
import Testing
import Weave
import _TestSupport

/// The fixture's print version printed by headless Chromium, read back with poppler's tools. The fixture is
/// printed once for the suite (`PrintedFixture`), as printing costs two Chromium runs, and its tests read that PDF.
@Suite(.printedFixture) struct PDFExporterTests {
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

  @Test func printsAnA4PDFWithMathFiguresAndNoBrowserHeader() async throws {
    let pdf = try await PrintedFixture.pdf()

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

  @Test func theContentsGiveThePageEachChapterStartsOn() async throws {
    let pdf = try await PrintedFixture.pdf()
    let folder = URL(fileURLWithPath: pdf).deletingLastPathComponent().path

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
    #expect(entries.count == (try FixtureBook().chapters.count), "\(contents)")
    for entry in entries {
      let page = try poppler("pdftotext", ["-f", "\(entry.page)", "-l", "\(entry.page)", pdf, "-"])
      #expect(page.contains(entry.title), "\(entry.title) is not on page \(entry.page)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder + "/.numbered-print.html"), "the copy is left behind")
  }

  @Test func missingPageIsAClearError() throws {
    let folder = try TemporaryDirectory()
    let error = #expect(throws: WeaveError.self) {
      try PDFExporter().export(folder.path + "/print.html", to: folder.path + "/r.pdf")
    }
    #expect(error?.description.contains("build the HTML report first") == true)
  }
}

/// The fixture book woven, written and printed to `report.pdf` once for the suite that asks for it with
/// `@Suite(.printedFixture)`, on first request; the folder is removed when the suite ends.
final class PrintedFixture: Sendable {
  /// The printed fixture of the running suite (set by `.printedFixture`).
  @TaskLocal static var current: PrintedFixture?

  private let folder: TemporaryDirectory
  private let printed: SharedResult<String>

  private init() throws {
    let folder = try TemporaryDirectory()
    let path = folder.path
    printed = SharedResult {
      let book = try FixtureBook()
      try ReportWriter.write(try ReportBuilder(metadata: book.metadata).build(book.chapters), to: path)
      try PDFExporter().export(path + "/print.html", to: path + "/report.pdf")
      return path + "/report.pdf"
    }
    self.folder = folder
  }

  /// The path of the running suite's printed PDF (printed on the first call).
  static func pdf(sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
    try await #require(current, "the suite's scope holds the fixture", sourceLocation: sourceLocation).printed.value
  }

  /// Holds the fixture while the suite's tests run and removes it after them.
  struct Scope: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
      for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
      try await PrintedFixture.$current.withValue(PrintedFixture()) { try await function() }
    }
  }
}

extension Trait where Self == PrintedFixture.Scope {
  /// The suite's tests share one printed fixture book (`PrintedFixture.pdf()`).
  static var printedFixture: Self { Self() }
}
