import Foundation

/// `output/build.json`: what a build did, per chapter and cell, and with which settings.
public struct BuildRecord: Codable, Sendable {
  /// One chapter's record.
  public struct ChapterRecord: Codable, Sendable {
    /// `chapters/<name>.md`.
    public var file: String
    /// The front-matter title, if any.
    public var title: String?
    /// Whether the results came from the cache (nothing compiled or ran).
    public var cached: Bool
    /// Wall-clock seconds the chapter took in this build (0 when cached).
    public var seconds: Double
    /// One record per cell, in order.
    public var cells: [CellRecord]
    /// One record per inline expression (`` `{swift} expr` ``), in reading order.
    public var inline: [InlineRecord]
  }

  /// One inline expression's record.
  public struct InlineRecord: Codable, Sendable {
    /// Chapter line and column of the expression.
    public var line: Int
    public var column: Int
    /// The expression, e.g. `steps * 2`.
    public var code: String
    /// `ok`, `error` (it did not compile, or trapped) or `not-run` (see `notRunReason`).
    public var status: CellResult.Status
    /// The value shown in the page.
    public var value: String?
    /// The error as printed.
    public var error: String?
    /// Why it has no value, e.g. "a cell of this chapter failed (chapters/x.md:14)".
    public var notRunReason: String?
  }

  /// One cell's record.
  public struct CellRecord: Codable, Sendable {
    /// 0-based position among the chapter's cells.
    public var index: Int
    /// Chapter line of the cell's first code line.
    public var line: Int
    /// The cell's `label` option.
    public var label: String?
    /// `ok`, `error` or `not-run`.
    public var status: CellResult.Status
    /// Whether the cell is marked `error: true` (its error does not fail the build).
    public var expectsError: Bool
    /// Wall-clock seconds the cell ran (from the cache: when it ran).
    public var seconds: Double
    /// The error as shown, located in the chapter.
    public var error: String?
    /// Why a `not-run` cell did not run.
    public var notRunReason: String?
    /// The exercise left undone that stopped the chapter in this cell (`exercise(…)` of a student edition).
    public var unfinishedExercise: String?
    /// The cell's `check(…)` verdicts, in order.
    public var checks: [CheckRecord]
    /// Exercises whose `exercise(…)` stub is still in the cell's code (a student edition's unwritten code).
    public var exercisesNotDone: [String]
  }

  /// One `check(…)` verdict.
  public struct CheckRecord: Codable, Sendable {
    /// The check's name.
    public var name: String
    /// Whether it held.
    public var passed: Bool
    /// What was found, e.g. "worst error 5.7e-7 (tolerance 1e-4)".
    public var message: String
    /// Chapter line of the `check` call (the cell's first line when the call is outside the cell).
    public var line: Int
  }

  /// `swiftc --version`'s first line.
  public var toolchain: String
  /// The `-P` parameters.
  public var parameters: [String: String]
  /// `quick` or `full`.
  public var profile: String
  /// The `--seed`.
  public var seed: UInt64
  /// Wall-clock seconds of the whole build.
  public var seconds: Double
  /// One record per chapter, in reading order.
  public var chapters: [ChapterRecord]
  /// What the build warned about (e.g. a chapter `book.yml` does not list), as printed.
  public var warnings: [BuildWarning]

  /// The record of `chapters`, run with `runner`; `chapterSeconds` maps chapter files to how long they took;
  /// `warnings` as the build printed them.
  public init(
    chapters: [ExecutedChapter], runner: ChapterRunner, chapterSeconds: [String: Double], seconds: Double,
    warnings: [BuildWarning] = []
  ) {
    self.warnings = warnings
    toolchain = runner.compilerVersion
    parameters = runner.settings.parameters
    profile = runner.settings.profile.rawValue
    seed = runner.settings.seed
    self.seconds = seconds
    self.chapters = chapters.map { executed in
      ChapterRecord(
        file: executed.chapter.file, title: executed.chapter.title, cached: executed.cached,
        seconds: chapterSeconds[executed.chapter.file] ?? 0,
        cells: zip(executed.chapter.cells, executed.results).map { cell, result in
          CellRecord(
            index: cell.index, line: cell.line, label: cell.options.label, status: result.status,
            expectsError: cell.options.expectsError, seconds: result.seconds, error: result.error?.message,
            notRunReason: result.notRunReason, unfinishedExercise: result.unfinishedExercise,
            checks: result.checks.map {
              CheckRecord(name: $0.name, passed: $0.passed, message: $0.message, line: cell.line + ($0.lineOffset ?? 0))
            }, exercisesNotDone: cell.unfinishedExercises)
        },
        inline: executed.chapter.inlineExpressions.enumerated().map { index, expression in
          let value = executed.inlineValue(for: expression)
          let error = executed.inlineErrors[index]
          return InlineRecord(
            line: expression.line, column: expression.column, code: expression.code,
            status: value != nil ? .ok : error != nil ? .error : .notRun, value: value, error: error,
            notRunReason: value == nil && error == nil ? executed.inlineNotComputedReason(for: expression) : nil)
        })
    }
  }

  /// Writes the record as pretty JSON to `path`.
  public func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: URL(fileURLWithPath: path))
  }
}

extension ExecutedChapter {
  /// Cells that failed and were not expected to (`error: true` cells may fail).
  public var unexpectedFailures: [(cell: Cell, result: CellResult)] {
    zip(chapter.cells, results).filter { $0.1.status == .error && !$0.0.options.expectsError }
  }

  /// Exercises still to write (their `exercise(…)` stub is in a cell), with the line of their cell.
  public var unfinishedExercises: [(name: String, line: Int)] {
    chapter.cells.flatMap { cell in cell.unfinishedExercises.map { ($0, cell.line) } }
  }

  /// Checks that failed, each with the chapter line of its `check` call.
  public var failedChecks: [(check: CheckResult, line: Int)] {
    zip(chapter.cells, results).flatMap { cell, result in
      result.checks.filter { !$0.passed }.map { ($0, cell.line + ($0.lineOffset ?? 0)) }
    }
  }
}
