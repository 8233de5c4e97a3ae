/// Turns what a crashed chapter program wrote to standard error into diagnostics for its cell.
///
/// The line that trapped comes from the runtime's crash report (`CrashReport`): the innermost frame in the
/// chapter or in the book's shared source. A trap inside a library function names that function ("in
/// Flow.sample, called here"); a trap inside the shared source is reported there, with a note at the
/// calling cell's line. Without a report (the program was killed, or exited), the runtime's own
/// `chapters/x.md:12:` prefix, if any, locates the message.
enum RuntimeFailure {
  /// Where the crashed program's code came from.
  struct Origin {
    /// `chapters/<name>.md`.
    var chapterFile: String
    /// The book's shared source, e.g. `chapters/course.swift`, if the program has one.
    var sharedFile: String?
    /// Chapter line of the first code line of the cell that was running.
    var cellStart: Int
    /// The memory limit the cell ran under, so a failed allocation is reported as reaching it.
    var memoryLimit: UInt64? = nil
  }

  /// `300 MB`, `4 GB`, `7.8 GB`: a memory limit in words.
  static func size(_ bytes: UInt64) -> String {
    let (megabyte, gigabyte): (UInt64, UInt64) = (1 << 20, 1 << 30)
    if bytes % gigabyte == 0 { return "\(bytes / gigabyte) GB" }
    if bytes % megabyte == 0, bytes < 10 * gigabyte { return "\(bytes / megabyte) MB" }
    return String(format: "%.1f GB", Double(bytes) / Double(gigabyte))
  }

  /// The diagnostics of a crash, from the program's `standardError`; `ending` says how the program ended,
  /// for a crash that wrote nothing.
  static func diagnostics(
    from standardError: String, in origin: Origin, ending: String = "the cell crashed"
  ) -> [ChapterRun.Diagnostic] {
    var message = CrashReport.message(in: standardError).trimmed
    // The runtime prefixes `file:line: ` (the standard library's, or the caller's for `fatalError`).
    var messageLine: Int?
    var locatedByCaller = false
    if let match = message.firstMatch(of: /^([^\s:]+):(\d+):\s/) {
      // `#fileID` reads `chapter/x.md`: the program's module, then the file's name.
      let name = match.1.split(separator: "/").last.map(String.init)
      let names = [origin.chapterFile, origin.sharedFile].map { $0?.split(separator: "/").last.map(String.init) }
      locatedByCaller = names.contains(name)
      if name == names[0] { messageLine = Int(match.2) }
      message = String(message[match.range.upperBound...])
    }
    var exceededMemory = false
    if let limit = origin.memoryLimit,
      message.contains("failed to allocate") || message.contains("Could not allocate memory")
    {
      exceededMemory = true
      message = "stopped: exceeded memory limit of \(size(limit))"
    }
    // A failed allocation aborts, and the backtrace of an abort stops in the C library: no cell line is known.
    let unlocated =
      exceededMemory
      ? message + " in the cell starting here (the line that allocated is not known); raise it with //| memory: <size>"
      : message
    if exceededMemory { message += " (raise it with //| memory: <size>)" }
    guard let report = CrashReport(standardError: standardError) else {
      let text = message.isEmpty ? ending : messageLine == nil ? unlocated : message
      return [.init(severity: "error", text: text, lineOffset: messageLine.map { $0 - origin.cellStart })]
    }
    if message.isEmpty {
      message = report.frames.first(where: \.isRuntimeFailure)?.function ?? ending
    }
    let frames = report.frames
    let inCell = frames.firstIndex { $0.file == origin.chapterFile && $0.line != nil }
    let inShared = frames.firstIndex { $0.file != nil && $0.file == origin.sharedFile && $0.line != nil }
    guard let innermost = [inCell, inShared].compactMap({ $0 }).min() else {
      return [
        .init(
          severity: "error", text: messageLine == nil ? unlocated : message,
          lineOffset: messageLine.map { $0 - origin.cellStart })
      ]
    }
    if !locatedByCaller, let callee = libraryFunction(called: frames[..<innermost]) {
      message += " (in \(callee), called here)"
    }
    let frame = frames[innermost]
    guard innermost == inShared else {
      return [.init(severity: "error", text: message, lineOffset: frame.line! - origin.cellStart, column: frame.column)]
    }
    var diagnostics = [
      ChapterRun.Diagnostic(severity: "error", text: message, column: frame.column, sharedLine: frame.line)
    ]
    if let inCell, let line = frames[inCell].line {
      diagnostics.append(
        .init(
          severity: "note", text: "called from here", lineOffset: line - origin.cellStart, column: frames[inCell].column
        ))
    }
    return diagnostics
  }

  /// The outermost frame of FlowBook's library (or another non-system library) among `frames` (those inside the
  /// located chapter frame), by name without its argument labels: the function the chapter called.
  private static func libraryFunction(called frames: ArraySlice<CrashReport.Frame>) -> String? {
    let library = frames.last { frame in
      !frame.isSystem && !frame.isRuntimeFailure
        && !["libswift", "libFoundation", "libc.", "libdispatch", "ld-linux"].contains { frame.image.hasPrefix($0) }
    }
    guard let library else { return nil }
    return library.function.replacing(/\([^()]*\)$/, with: "")
  }

  /// How a program ended, in words: `the cell crashed (signal 11, SIGSEGV)` or `… exited with code 3`.
  static func ending(exitCode: Int32, signal: Int32?) -> String {
    guard let signal else { return "the chapter program exited with code \(exitCode) in this cell" }
    let names: [Int32: String] = [
      4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV",
    ]
    return "the cell crashed (signal \(signal)\(names[signal].map { ", \($0)" } ?? ""))"
  }
}
