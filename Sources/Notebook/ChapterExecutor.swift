import CellProtocol
import Foundation

/// A failure to start a program at all (not a problem of the chapter).
public enum ExecutionError: Error, CustomStringConvertible {
  case launchFailed(reason: String)

  /// The reason, for the terminal.
  public var description: String {
    switch self {
    case .launchFailed(let reason): "could not run a program: \(reason)"
    }
  }
}

/// What a chapter is doing, for the terminal.
public enum ChapterProgress: Sendable {
  case compiling
  /// Running the `position`-th (1-based) of `count` executed cells.
  case running(position: Int, count: Int)
  /// A cell called `progress(step, of: total, message)`.
  case cellProgress(step: Int, total: Int, message: String)
}

/// Compiles a chapter's cells into one program, runs it, and splits what it printed by cell.
///
/// A compile error stops the program before the failing cell: the program is compiled again without it and
/// the cells after it, so earlier cells still run and show their output. A cell marked `error: true` whose
/// code does not compile is left out and the rest compiled again.
struct ChapterExecutor: Sendable {
  var toolchain: Toolchain
  var settings: BuildSettings
  /// The folder for results the chapters of this build share (`Build.sharedDirectory`).
  var sharedDirectory: String
  /// Where `memo(…)` keeps values and each cell's memo key (`CellProtocol.Variable`), for the program's environment.
  var memoEnvironment: [String: String] = [:]
  /// Where programs that compiled are kept and looked up before compiling; `nil` compiles every time.
  var programs: ProgramCache?

  /// Compile errors and their notes, by the index of the cell (`cells`) or inline expression (`inline`) they are in.
  struct CompileFailures {
    var cells: [Int: [ChapterRun.Diagnostic]] = [:]
    var inline: [Int: [ChapterRun.Diagnostic]] = [:]
  }

  /// Seconds a compile may take before it is stopped.
  static let compileTimeout: Double = 300

  /// Runs `chapter` in `workDirectory`; figures are written to `workDirectory/displays`.
  func run(_ chapter: Chapter, in workDirectory: String, report: (ChapterProgress) -> Void) throws -> ChapterRun {
    let displays = workDirectory + "/displays"
    try FileManager.default.createDirectory(atPath: displays, withIntermediateDirectories: true)
    let cells = chapter.cells
    var run = ChapterRun(cellCount: cells.count)
    var stopBefore = cells.first(where: { $0.optionError != nil })?.index ?? cells.count
    for cell in cells {
      guard let error = cell.optionError else { continue }
      run.cells[cell.index].status = .error
      run.cells[cell.index].diagnostics = [
        .init(severity: "error", text: error.message, lineOffset: (error.line ?? cell.line) - cell.line)
      ]
    }
    var leftOut = Set<Int>()
    // Inline expressions are evaluated only after every cell compiled: they read the cells' variables.
    var inline = !chapter.inlineExpressions.isEmpty && stopBefore == cells.count
    while true {
      let program = cells.filter { $0.index < stopBefore && $0.options.eval && !leftOut.contains($0.index) }
      guard !program.isEmpty || inline else { return run }
      let failures = try compile(chapter, program, inline: inline, in: workDirectory, report: report)
      guard !failures.cells.isEmpty || !failures.inline.isEmpty else {
        let (executed, timedOut) = try execute(
          chapter, program, keeping: run, displays: displays, in: workDirectory, report: report)
        guard let timedOut else { return executed }
        return try runAfterTimeout(
          of: timedOut, chapter, program, executed, in: workDirectory, report: report)
      }
      // A failed cell explains the inline expressions' errors too; inline errors alone are reported at their lines.
      if failures.cells.isEmpty { run.inlineDiagnostics = failures.inline }
      // Only `error: true` cells failing leaves the expressions in: those cells are left out, the rest compiles again.
      inline = inline && failures.inline.isEmpty && failures.cells.keys.allSatisfy { cells[$0].options.expectsError }
      for (index, diagnostics) in failures.cells {
        run.cells[index].status = .error
        run.cells[index].diagnostics += diagnostics
        if cells[index].options.expectsError { leftOut.insert(index) } else { stopBefore = min(stopBefore, index) }
      }
    }
  }

  /// Compiles `program` (with `inline`, also the inline expressions) into `workDirectory/chapter`, or takes the
  /// same program from `programs`; returns the compile errors (none when it compiled).
  func compile(
    _ chapter: Chapter, _ program: [Cell], inline: Bool, in workDirectory: String,
    report: (ChapterProgress) -> Void
  ) throws -> CompileFailures {
    var sources = [workDirectory + "/main.swift"]
    try ChapterProgram.source(for: chapter, cells: program, inline: inline)
      .write(toFile: sources[0], atomically: true, encoding: .utf8)
    if let shared = chapter.shared {
      sources.append(workDirectory + "/shared.swift")
      try ChapterProgram.source(for: shared).write(toFile: sources[1], atomically: true, encoding: .utf8)
    }
    if !chapter.exports.isEmpty {
      // One file for all of them: each file of the program costs the compiler a front-end job of its own.
      sources.append(workDirectory + "/exports.swift")
      try ChapterProgram.source(forExports: chapter.exports)
        .write(toFile: sources.last!, atomically: true, encoding: .utf8)
    }
    let executable = workDirectory + "/chapter"
    let programKey = try programs?.key(
      arguments: toolchain.compileArguments(
        sources: sources.map { ($0 as NSString).lastPathComponent }, executable: "chapter"),
      sources: sources)
    if let programs, let programKey, programs.restore(programKey, to: executable) { return CompileFailures() }
    report(.compiling)
    let started = Date()
    let outcome = try toolchain.compile(
      sources: sources, executable: executable,
      shouldStop: { Date().timeIntervalSince(started) > Self.compileTimeout })
    guard outcome.exitCode != 0 else {
      if let programs, let programKey { try programs.store(executable, key: programKey) }
      return CompileFailures()
    }
    var failures = CompileFailures()
    let expressions = inline ? chapter.inlineExpressions : []
    // A chapter whose prose has inline expressions but no cells to run compiles them alone.
    guard var lastErrorCell = program.first else {
      failures.inline[0] = [
        .init(severity: "error", text: "the inline expressions did not compile: \(outcome.standardError)")
      ]
      return failures
    }
    for diagnostic in CompilerDiagnostics.parse(outcome.standardOutput + outcome.standardError) {
      if diagnostic.file == chapter.file, let line = diagnostic.line,
        let index = expressions.lastIndex(where: { $0.line == line && $0.column <= diagnostic.column ?? 1 })
      {
        // Prose lines hold no cell code: a diagnostic there is an inline expression's (its notes are left out).
        if diagnostic.severity == "error" {
          failures.inline[index, default: []].append(
            .init(severity: diagnostic.severity, text: diagnostic.text, column: diagnostic.column))
        }
        continue
      }
      let cell =
        diagnostic.file == chapter.file ? diagnostic.line.flatMap { line in program.last { $0.line <= line } } : nil
      // An error in the book's shared source stops the whole program: it is shown at the first cell.
      let inShared = chapter.shared != nil && diagnostic.file == chapter.shared?.file
      if diagnostic.severity == "error" { lastErrorCell = cell ?? program[0] }
      // A note elsewhere (e.g. "declared here" in another cell) is left out; its error says enough.
      if diagnostic.severity == "note", cell?.index != lastErrorCell.index, !inShared { continue }
      // An error in an earlier chapter's exported cell names that chapter's line.
      let elsewhere =
        cell == nil && !inShared && diagnostic.file != chapter.file
        ? "\(diagnostic.file ?? "?"):\(diagnostic.line.map(String.init) ?? "?"): " : ""
      failures.cells[lastErrorCell.index, default: []].append(
        .init(
          severity: diagnostic.severity, text: elsewhere + diagnostic.text,
          lineOffset: cell != nil ? diagnostic.line.map { $0 - lastErrorCell.line } : nil, column: diagnostic.column,
          sharedLine: inShared ? diagnostic.line : nil))
    }
    if failures.cells.isEmpty, failures.inline.isEmpty {
      let reason =
        outcome.wasStopped ? "the compiler took longer than \(Int(Self.compileTimeout)) s" : outcome.standardError
      failures.cells[program[0].index] = [.init(severity: "error", text: "the cells did not compile: \(reason)")]
    }
    return failures
  }

  /// Runs the compiled program, stopping a cell at its timeout; figures and full outputs go to `displays`.
  /// Returns the run and the cell stopped by its timeout, if one was.
  func execute(
    _ chapter: Chapter, _ program: [Cell], keeping earlier: ChapterRun, displays: String, in workDirectory: String,
    report: (ChapterProgress) -> Void
  ) throws -> (ChapterRun, timedOut: Int?) {
    var stream = DisplayStream(
      cells: chapter.cells, file: chapter.file, sharedFile: chapter.shared?.file, displayDirectory: displays)
    let positions = Dictionary(uniqueKeysWithValues: program.enumerated().map { ($1.index, $0 + 1) })
    var timedOut: Int?
    let outcome = try ChildProcess.run(
      // Line-buffered standard output (coreutils' stdbuf), so a cell stopped by its timeout keeps what it printed.
      ["stdbuf", "-oL", workDirectory + "/chapter"],
      environment: settings.environment(displayDirectory: displays, sharedDirectory: sharedDirectory).merging([
        CellProtocol.Variable.memoryLimits: chapter.cells.map {
          String($0.options.memory ?? settings.defaultMemoryLimit)
        }.joined(separator: ",")
      ]) { $1 }.merging(memoEnvironment) { $1 },
      workingDirectory: settings.bookDirectory,
      onOutput: { chunk in
        for event in stream.feed(chunk) {
          switch event {
          case .beganCell(let index): report(.running(position: positions[index] ?? 0, count: program.count))
          case .progress(let step, let total, let message):
            report(.cellProgress(step: step, total: total, message: message))
          }
        }
      },
      shouldStop: {
        guard let cell = stream.currentCell else { return false }
        let limit = chapter.cells[cell].options.timeout ?? settings.defaultTimeout
        if Date().timeIntervalSince(stream.currentCellStart) > limit { timedOut = cell }
        return timedOut != nil
      })
    stream.finish()
    if let cell = timedOut {
      let limit = chapter.cells[cell].options.timeout ?? settings.defaultTimeout
      stream.fail(
        cell,
        .init(
          severity: "error",
          text: "stopped after the cell's timeout of \(limit.secondsText) s; raise it with //| timeout: <seconds>"))
    } else if outcome.exitCode != 0, let cell = stream.currentCell ?? program.first?.index {
      let ending = RuntimeFailure.ending(exitCode: outcome.exitCode, signal: outcome.signal)
      let origin = RuntimeFailure.Origin(
        chapterFile: chapter.file, sharedFile: chapter.shared?.file, cellStart: chapter.cells[cell].line,
        memoryLimit: chapter.cells[cell].options.memory ?? settings.defaultMemoryLimit)
      for diagnostic in RuntimeFailure.diagnostics(from: outcome.standardError, in: origin, ending: ending) {
        // Past the cells, the program was evaluating an inline expression: the failure is that expression's.
        if let index = stream.currentInline {
          stream.failInline(index, diagnostic)
        } else {
          stream.fail(cell, diagnostic)
        }
      }
    } else if let cell = stream.currentCell, cell != program.last?.index, !stream.stoppedByExercise {
      // `exit(0)` in a cell ends the whole program: the cells after it would silently not run.
      stream.fail(
        cell,
        .init(
          severity: "error",
          text: "the chapter program exited (code 0) in this cell, so later cells did not run; exit() ends the chapter")
      )
    }
    var run = stream.run
    for (index, earlierCell) in earlier.cells.enumerated() where earlierCell.status == .error {
      run.cells[index] = earlierCell
    }
    run.inlineDiagnostics.merge(earlier.inlineDiagnostics) { $1 }
    run.isReproducible = timedOut == nil && outcome.signal != SIGKILL
    return (run, timedOut)
  }
}

extension Double {
  /// The number without a trailing `.0` (2 rather than 2.0), for messages.
  var secondsText: String {
    self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
  }
}
