import Foundation
import Testing
import Weave
import _TestSupport

/// The fixture book woven and written once, with its assets, for the suite that asks for it with
/// `@Suite(.fixtureReport)`; each page is opened in Chromium once (`BrowserCheck`), on first request, and its
/// outcome shared by every test that reads that page. The folder is removed when the suite ends.
final class FixtureReport: Sendable {
  /// The report of the running suite (set by `.fixtureReport`).
  @TaskLocal static var current: FixtureReport?

  private let folder: TemporaryDirectory
  private let pages: [String: SharedResult<BrowserCheck.Outcome>]

  private init() throws {
    let book = try FixtureBook()
    let report = try ReportBuilder(metadata: book.metadata, linksPDF: false).build(book.chapters)
    let folder = try TemporaryDirectory()
    try ReportWriter.write(report, to: folder.path)
    if let keep = ProcessInfo.processInfo.environment["FLOWBOOK_FIXTURE_REPORT"],
      (try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: false)) != nil
    {
      try ReportWriter.write(report, to: keep)
    }
    let browser = BrowserCheck()
    let path = folder.path
    pages = Dictionary(
      uniqueKeysWithValues: report.files.keys.filter { !$0.contains("/") && $0.hasSuffix(".html") }.map { page in
        (page, SharedResult { try browser.check(page: page, in: path) })
      })
    self.folder = folder
  }

  /// What Chromium met on `page` (opened once; `BrowserCheck` instruments the page's file in place).
  func outcome(of page: String) async throws -> BrowserCheck.Outcome {
    try await #require(pages[page], "the fixture report has no page \(page)").value
  }

  /// Writes the report before the suite's tests run and removes it after them.
  struct Scope: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
      for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
      try await FixtureReport.$current.withValue(FixtureReport()) { try await function() }
    }
  }
}

extension Trait where Self == FixtureReport.Scope {
  /// The suite's tests share one written fixture report (`FixtureReport.current`).
  static var fixtureReport: Self { Self() }
}
