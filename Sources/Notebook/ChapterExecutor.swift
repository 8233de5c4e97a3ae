import Foundation

/// Errors that stop a chapter from running at all; each names the chapter file.
public enum ExecutionError: Error, CustomStringConvertible {
  case compileFailed(file: String, diagnostics: String)
  case launchFailed(file: String, reason: String)

  public var description: String {
    switch self {
    case .compileFailed(let file, let diagnostics): "\(file): the chapter's cells did not compile:\n\(diagnostics)"
    case .launchFailed(let file, let reason): "\(file): could not run the chapter: \(reason)"
    }
  }
}

/// Compiles a chapter's cells into one program, runs it, and splits what it printed by cell.
public struct ChapterExecutor: Sendable {
  public var toolchain: Toolchain

  public init(toolchain: Toolchain) {
    self.toolchain = toolchain
  }

  /// Runs `chapter` in `workDirectory`; figures are written to `workDirectory/displays`.
  public func run(_ chapter: Chapter, in workDirectory: String) throws -> ExecutedChapter {
    let displays = workDirectory + "/displays"
    try FileManager.default.createDirectory(atPath: displays, withIntermediateDirectories: true)
    let source = workDirectory + "/main.swift"
    let executable = workDirectory + "/chapter"
    try ChapterProgram.source(for: chapter).write(toFile: source, atomically: true, encoding: .utf8)

    let compile = try Subprocess.run(toolchain.compileArguments(source: source, executable: executable))
    guard compile.exitCode == 0 else {
      throw ExecutionError.compileFailed(file: chapter.file, diagnostics: compile.standardError)
    }
    let run = try Subprocess.run(
      [executable], environment: ["FLOWBOOK_DISPLAY_DIR": displays], workingDirectory: workDirectory)
    var results = DisplayStream.split(run.standardOutput, cellCount: chapter.cells.count)
    if run.exitCode != 0, let failed = results.lastIndex(where: { $0.status == .ok }) {
      results[failed].status = .error
      let message = run.standardError.isEmpty ? "the cell crashed (exit \(run.exitCode))" : run.standardError
      results[failed].error = CellError(message: message, file: chapter.file, line: chapter.cells[failed].line)
    }
    return ExecutedChapter(chapter: chapter, results: results, displayDirectory: displays)
  }
}
