import ArgumentParser
import Foundation
import Notebook
import Weave

/// `flowbook build`: runs every chapter's cells (or takes them from the cache) and weaves the report into `output/`.
///
/// Pipeline: load the book → run the chapters (cached ones instantly, the rest in parallel, one per core) →
/// write the report and `build.json` into a staging folder → swap it into `output/`.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build", abstract: "Run the chapters' cells and write the report to output/.")

  @OptionGroup var options: BookOptions

  @Flag(
    name: .long, help: "Rerun every chapter, ignoring cached results and what chapters shared (Build.sharedDirectory).")
  var force = false

  @Flag(name: .long, help: "Also print the report to output/report.pdf with headless Chromium.")
  var pdf = false

  @Option(name: .long, help: "Build only the chapters whose file name starts with this, e.g. --only 04.")
  var only: [String] = []

  @Argument(
    help:
      "Build only these chapters (e.g. chapters/04-training.md); the others come from the cache or are listed as not built."
  )
  var chapterFiles: [String] = []

  /// The chapters to run.
  private var selection: ChapterSelection { ChapterSelection(files: chapterFiles, prefixes: only) }

  func run() throws {
    let outcome: Outcome
    do {
      outcome = try build()
    } catch let failure as BuildFailed {
      // Already `file:line: error: …`; the previous report stays as it was.
      FileHandle.standardError.write(Data("\(failure.message)\n".utf8))
      throw ExitCode(1)
    }
    try finish(outcome.executed, warnings: outcome.warnings, seconds: outcome.seconds)
  }

  /// What one build did.
  struct Outcome {
    var book: Book
    var executed: [ExecutedChapter]
    var warnings: [BuildWarning]
    var seconds: Double
  }

  /// A book or weaving error (`chapters/x.md:12: error: …`) that stopped the build; `output/` is unchanged.
  struct BuildFailed: Error {
    var message: String
  }

  /// Runs the chapters and swaps the new report into `output/`: the one build path of `flowbook build` and
  /// `flowbook preview`. `showsProgress` draws the progress board; `keepsLastGoodReport` (preview) leaves a
  /// complete `output/` as it is when a cell failed unexpectedly, so the last good pages stay served.
  func build(showsProgress: Bool = true, keepsLastGoodReport: Bool = false) throws -> Outcome {
    let started = Date()
    let folder = try BookFolder(options.book)
    let cacheDirectory = folder.cacheDirectory
    let output = OutputFolder(path: folder.outputDirectory, cacheDirectory: cacheDirectory)
    // A report that cannot be written fails now, in one line, before any chapter runs.
    try output.checkWritable()
    let lock = try BuildLock(cacheDirectory: cacheDirectory, book: options.book)
    defer { withExtendedLifetime(lock) {} }
    output.recover()
    // Work folders of a build that was killed outright (SIGKILL, power loss) are of no use to anyone.
    try? FileManager.default.removeItem(atPath: cacheDirectory + "/work")
    // The cache never belongs in version control, whichever repository the book lives in.
    try? "*\n".write(toFile: cacheDirectory + "/.gitignore", atomically: true, encoding: .utf8)
    Interruption.install {
      try? FileManager.default.removeItem(atPath: cacheDirectory + "/staging")
      try? FileManager.default.removeItem(atPath: cacheDirectory + "/work")
    }

    let toolchain = Toolchain.current()
    let loaded: Book
    let settings: BuildSettings
    do {
      loaded = try Book.load(from: folder.path, includes: IncludeResolver(projectRoot: toolchain.projectRoot))
      settings = BuildSettings(
        bookDirectory: folder.path, parameters: try BuildSettings.parameters(from: options.parameters),
        profile: options.profile, seed: options.seed)
    } catch {
      throw BuildFailed(message: "\(error)")
    }
    var runner = try ChapterRunner(
      toolchain: toolchain, settings: settings, cacheDirectory: cacheDirectory, chapters: loaded.chapters)
    // Rerunning everything includes what chapters shared, e.g. trained flows: nothing is reused.
    if force { try? FileManager.default.removeItem(atPath: runner.sharedDirectory) }
    runner.recomputesMemos = force
    try selection.check(against: loaded.chapters)
    let (executed, chapterSeconds) = runChapters(
      loaded.chapters, with: runner, board: showsProgress ? ProgressBoard(files: loaded.chapters.map(\.file)) : nil)
    runner.settleSharedDirectory(after: executed)
    var warnings =
      loaded.warnings + executed.flatMap(\.warnings) + Self.unreadParameters(settings.parameters, by: executed)
    var mathRenderer = KaTeXRenderer.find()
    if mathRenderer == nil { warnings.append(.mathInBrowser) }
    // Formulas typeset by earlier builds are not typeset again: a save that changes no math starts no `node`.
    mathRenderer?.cacheFile = cacheDirectory + "/math.json"

    let staging = try output.makeStaging()
    do {
      let builder = ReportBuilder(metadata: loaded.metadata, linksPDF: pdf, mathRenderer: mathRenderer)
      try ReportWriter.write(builder.build(executed), to: staging)
      if pdf { try PDFExporter().export(staging + "/print.html", to: staging + "/report.pdf") }
    } catch {
      // Already `chapters/x.md:12: error: …` (a dangling @label, a duplicate label); output/ stays as it was.
      throw BuildFailed(message: "\(error)")
    }
    let seconds = Date().timeIntervalSince(started)
    try BuildRecord(
      chapters: executed, runner: runner, chapterSeconds: chapterSeconds, seconds: seconds, warnings: warnings
    ).write(to: staging + "/build.json")
    let failed = executed.contains { !$0.unexpectedFailures.isEmpty }
    if keepsLastGoodReport, failed, FileManager.default.fileExists(atPath: folder.outputDirectory + "/index.html") {
      try? FileManager.default.removeItem(atPath: staging)
    } else {
      try Interruption.unlessInterrupted { try output.swap(in: staging) }
    }
    return Outcome(book: loaded, executed: executed, warnings: warnings, seconds: Date().timeIntervalSince(started))
  }

  /// Runs every chapter not in the cache, in parallel, reporting each on the progress board.
  private func runChapters(
    _ chapters: [Chapter], with runner: ChapterRunner, board: ProgressBoard?
  ) -> ([ExecutedChapter], [String: Double]) {
    let collected = Collected(chapters.count)
    var pending: [Int] = []
    for (index, chapter) in chapters.enumerated() {
      let selected = selection.contains(chapter)
      if !force || !selected, let cached = runner.cachedResult(for: chapter) {
        collected.set(index, cached, seconds: 0)
        board?.update(index, "cached" + Self.failureNote(cached))
      } else if !selected {
        collected.set(index, ChapterSelection.notBuilt(chapter), seconds: 0)
        board?.update(index, "not built")
      } else {
        pending.append(index)
      }
    }
    let toRun = pending
    DispatchQueue.concurrentPerform(iterations: toRun.count) { position in
      let index = toRun[position]
      let started = Date()
      var running = "starting"
      let executed = runner.run(chapters[index]) { progress in
        let text = ProgressBoard.describe(progress)
        if case .cellProgress = progress {
          board?.update(index, running + " · " + text.dropFirst("running · ".count), isProgress: true)
        } else {
          running = text
          board?.update(index, text)
        }
      }
      let seconds = Date().timeIntervalSince(started)
      collected.set(index, executed, seconds: seconds)
      board?.update(index, String(format: "done in %.1f s", seconds) + Self.failureNote(executed))
    }
    return collected.results()
  }

  /// Lists every warning, unexpectedly failed cell, failed check, exercise not done and inline expression that
  /// did not compile on standard error, and fails the command if there is a failure.
  private func finish(_ executed: [ExecutedChapter], warnings: [BuildWarning], seconds: Double) throws {
    for warning in warnings {
      FileHandle.standardError.write(Data("\(warning)\n".utf8))
    }
    let failures = executed.flatMap(\.unexpectedFailures)
    for (_, result) in failures {
      FileHandle.standardError.write(Data("\(result.error?.message ?? "a cell failed")\n".utf8))
    }
    let failedChecks = executed.flatMap { chapter in chapter.failedChecks.map { (chapter.chapter.file, $0) } }
    for (file, (check, line)) in failedChecks {
      FileHandle.standardError.write(Data("\(file):\(line): ✘ \(check.name): \(check.message)\n".utf8))
    }
    let inlineErrors = executed.compactMap(\.inlineError)
    for error in inlineErrors {
      FileHandle.standardError.write(Data("\(error.message)\n".utf8))
    }
    for note in executed.compactMap(Self.inlineNotComputedNote) {
      FileHandle.standardError.write(Data("\(note)\n".utf8))
    }
    let inlineFailed = executed.map(\.inlineErrors.count).reduce(0, +)
    let cached = executed.filter(\.cached).count
    let notBuilt = executed.filter(ChapterSelection.wasNotBuilt).count
    let cells = executed.map(\.results.count).reduce(0, +)
    let checks = executed.map { $0.results.map(\.checks.count).reduce(0, +) }.reduce(0, +)
    print(
      "wrote \(options.book == "." ? "" : options.book + "/")output/index.html in \(String(format: "%.2f", seconds)) s: "
        + "\(executed.count) chapters (\(cached) cached\(notBuilt == 0 ? "" : ", \(notBuilt) not built")), "
        + "\(cells) cells, \(failures.count) failed, "
        + (inlineFailed == 0 ? "" : "\(inlineFailed) inline expression\(inlineFailed == 1 ? "" : "s") failed, ")
        + "\(checks) checks, \(failedChecks.count) failed"
        + (warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"))
    let exercises = executed.flatMap { chapter in
      chapter.unfinishedExercises.map { "\($0.name) (\(chapter.chapter.file):\($0.line))" }
    }
    let broken = failures.filter { $0.result.unfinishedExercise == nil }
    guard broken.isEmpty, failedChecks.isEmpty, exercises.isEmpty, inlineFailed == 0 else {
      let cells = broken.map {
        "\($0.cell.options.label ?? "cell \($0.cell.index + 1)") (\($0.result.error?.file ?? ""):\($0.result.error?.line ?? $0.cell.line))"
      }
      let checks = failedChecks.map { file, failed in "\(failed.check.name) (\(file):\(failed.line))" }
      let inline = executed.flatMap { chapter in
        chapter.inlineErrors.keys.sorted().map { index in
          let expression = chapter.chapter.inlineExpressions[index]
          return
            "`\(InlineExpression.marker) \(expression.code)` (\(chapter.chapter.file):\(expression.line):\(expression.column))"
        }
      }
      var parts: [String] = []
      for (items, noun, verb) in [
        (cells, "cell", "failed"), (checks, "check", "failed"), (exercises, "exercise", "not done yet"),
        (inline, "inline expression", "failed"),
      ]
      where !items.isEmpty {
        parts.append("\(items.count) \(noun)\(items.count == 1 ? "" : "s") \(verb): \(items.joined(separator: ", "))")
      }
      throw UserError(parts.joined(separator: "; "))
    }
  }

  /// `chapters/x.md:30:12: note: 2 inline expressions not computed: a cell of this chapter failed (chapters/x.md:14)`
  /// for a chapter that ran but left expressions without a value for a reason other than their own error.
  private static func inlineNotComputedNote(_ executed: ExecutedChapter) -> String? {
    guard !ChapterSelection.wasNotBuilt(executed) else { return nil }
    // An expression's own error is printed already.
    let failed = executed.inlineErrors.keys.map { executed.chapter.inlineExpressions[$0] }
    let missing = executed.inlineNotComputed.filter { !failed.contains($0.expression) }
    guard let first = missing.first else { return nil }
    let count = missing.count == 1 ? "an inline expression" : "\(missing.count) inline expressions"
    return "\(executed.chapter.file):\(first.expression.line):\(first.expression.column): note: \(count) not computed: "
      + first.reason
  }

  /// A warning for each `-P` parameter that no chapter read: probably a misspelt name.
  private static func unreadParameters(_ parameters: [String: String], by chapters: [ExecutedChapter]) -> [BuildWarning]
  {
    let read = chapters.reduce(into: Set<String>()) { $0.formUnion($1.parametersRead) }
    guard !read.contains("*") else { return [] }
    // A chapter left out by --only may read it: say so rather than call the name misspelt.
    let notBuilt = chapters.filter(ChapterSelection.wasNotBuilt).count
    let which =
      notBuilt == 0
      ? "no chapter reads" : "no chapter this build ran reads (\(notBuilt) not built)"
    return parameters.keys.sorted().filter { !read.contains($0) }.map { name in
      BuildWarning(file: "", "-P \(name)=\(parameters[name]!): \(which) the parameter '\(name)' (Build.parameter)")
    }
  }

  private static func failureNote(_ executed: ExecutedChapter) -> String {
    let count = executed.unexpectedFailures.count
    let checks = executed.failedChecks.count
    var notes: [String] = []
    if count > 0 { notes.append("\(count) failed cell\(count == 1 ? "" : "s")") }
    if checks > 0 { notes.append("\(checks) failed check\(checks == 1 ? "" : "s")") }
    return notes.isEmpty ? "" : " — " + notes.joined(separator: ", ")
  }
}

extension BuildSettings.Profile: EnumerableFlag {}

extension BuildWarning {
  /// No Node.js to run KaTeX: the pages typeset their math in the browser, and math errors go unnoticed.
  static let mathInBrowser = BuildWarning(
    file: "",
    "node not found (Debian package nodejs): math is typeset in the reader's browser and KaTeX errors are not checked; "
      + "scripts/setup.sh installs it")
}

/// Results gathered from parallel chapter runs, in chapter order.
private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var chapters: [ExecutedChapter?]
  private var seconds: [String: Double] = [:]

  init(_ count: Int) { chapters = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ executed: ExecutedChapter, seconds time: Double) {
    lock.withLock {
      chapters[index] = executed
      seconds[executed.chapter.file] = time
    }
  }

  func results() -> ([ExecutedChapter], [String: Double]) {
    lock.withLock { (chapters.compactMap { $0 }, seconds) }
  }
}
