import CellProtocol
import Foundation

/// The jobs `swiftc` runs to compile a chapter program (the frontend, `swift-autolink-extract`, the link), learnt
/// once from `swiftc -driver-print-jobs` and remembered beside the library (`FileStampMemo`, under the compiler
/// binaries' stamps and the compile arguments), so each chapter's compile starts those tools itself: the driver's own
/// start was a third of a one-cell chapter's compile (47 of 150 ms of CPU).
///
/// The jobs are learnt for sources and program in a placeholder folder, which each compile replaces by its own work
/// folder (the driver's temporary folder for the object files becomes the work folder too). The files the driver
/// writes there before its jobs run (for three or more sources, the frontend's supplementary-output map) are kept
/// and written into each work folder. Jobs that do not look as expected (no frontend job first, an unparsable line,
/// an unreadable file) are not used: the compile then runs `swiftc`.
struct CompileJobs: Codable, Equatable {
  /// Each job's command line, with `placeholder` standing for the work folder.
  var commands: [[String]]
  /// Files the jobs read from the driver's temporary folder, by name, `placeholder` standing for the work folder.
  var files: [String: String] = [:]

  /// Stands for the work folder in the remembered commands.
  static let placeholder = "/flowbook-compile-work"

  /// The jobs of `swiftc arguments(sources, executable)` for sources and program named as `sources` and
  /// `executable` are, in a work folder; `nil` when they cannot be learnt.
  static func learn(
    sources: [String], executable: String, memo: FileStampMemo, compilerBinaries: [String],
    arguments: ([String], String) -> [String]
  ) -> CompileJobs? {
    let template = arguments(sources.map { placeholder + "/" + $0 }, placeholder + "/" + executable)
    var hasher = StableHasher()
    hasher.combine(template.joined(separator: "\0"))
    // Jobs that cannot be learnt are remembered as such (an empty value), so compiles do not ask again.
    let remembered = memo.value(named: "compile-jobs-v2-" + hasher.hexDigest, for: compilerBinaries) {
      guard let printed = try? ChildProcess.run([template[0], "-driver-print-jobs"] + template.dropFirst()),
        printed.exitCode == 0, let jobs = parse(printed.standardOutput), let data = try? JSONEncoder().encode(jobs)
      else { return "" }
      return String(decoding: data, as: UTF8.self)
    }
    return try? JSONDecoder().decode(CompileJobs.self, from: Data(remembered.utf8))
  }

  /// The jobs printed by `swiftc -driver-print-jobs` (one per line, arguments quoted as a POSIX shell would read
  /// them), the driver's temporary folder replaced by `placeholder`, which is then removed (printing the jobs made
  /// it and left it behind); `nil` unless the first job is the frontend's.
  static func parse(_ printed: String) -> CompileJobs? {
    var commands: [[String]] = []
    var temporaryFolders = Set<String>()
    for line in printed.split(separator: "\n") {
      guard var command = words(of: line) else { return nil }
      for (index, argument) in command.enumerated() {
        guard let range = argument.range(of: #"/[^ ]*/TemporaryDirectory\.[^/]+"#, options: .regularExpression)
        else { continue }
        temporaryFolders.insert(String(argument[range]))
        command[index] = argument.replacingCharacters(in: range, with: placeholder)
      }
      commands.append(command)
    }
    var files: [String: String] = [:]
    var readable = true
    for folder in temporaryFolders {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name != ".keep-directory" {
        guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else {
          readable = false
          continue
        }
        files[name] = text.replacingOccurrences(of: folder, with: placeholder)
      }
      try? FileManager.default.removeItem(atPath: folder)
    }
    guard readable, let frontend = commands.first, frontend.count > 2, frontend[0].hasSuffix("/swift-frontend"),
      frontend[1] == "-frontend"
    else { return nil }
    return CompileJobs(commands: commands, files: files)
  }

  /// Writes `files` into the compile's work folder, the placeholder replaced by it.
  func writeFiles(in workDirectory: String) throws {
    for (name, text) in files {
      try text.replacingOccurrences(of: Self.placeholder, with: workDirectory)
        .write(toFile: workDirectory + "/" + name, atomically: false, encoding: .utf8)
    }
  }

  /// The command lines for a compile in `workDirectory`.
  func commands(in workDirectory: String) -> [[String]] {
    commands.map { $0.map { $0.replacingOccurrences(of: Self.placeholder, with: workDirectory) } }
  }

  /// The words of a shell command line that uses only spaces between words and single quotes (with `'\''` for a
  /// quote) inside them, as the driver prints it; `nil` for anything else (double quotes, backslashes elsewhere).
  static func words(of line: Substring) -> [String]? {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quoted = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case "'":
        quoted.toggle()
        inWord = true
      case "\\" where !quoted:
        guard let escaped = characters.next() else { return nil }
        word.append(escaped)
        inWord = true
      case " " where !quoted:
        if inWord { words.append(word) }
        word = ""
        inWord = false
      case "\"" where !quoted, "$" where !quoted, "`" where !quoted:
        return nil
      default:
        word.append(character)
        inWord = true
      }
    }
    guard !quoted else { return nil }
    if inWord { words.append(word) }
    return words.isEmpty ? nil : words
  }
}

extension Toolchain {
  /// Whether compiles run the compiler's jobs directly (the default); `FLOWBOOK_COMPILE_JOBS=off` runs `swiftc`
  /// instead, to compare the two (`scripts/bench-compile.sh`).
  static let runsCompileJobs = ProcessInfo.processInfo.environment["FLOWBOOK_COMPILE_JOBS"] != "off"

  /// Compiles `sources` (files in one work folder) into `executable` in that folder with `compileArguments`, running
  /// the compiler's jobs directly (`CompileJobs`) when they are known, else through `swiftc`. The outcome is that of
  /// the first job that failed, or of the last one.
  func compile(sources: [String], executable: String, shouldStop: () -> Bool) throws -> ChildProcess.Outcome {
    let folder = (executable as NSString).deletingLastPathComponent
    guard Self.runsCompileJobs, sources.allSatisfy({ ($0 as NSString).deletingLastPathComponent == folder }),
      let jobs = CompileJobs.learn(
        sources: sources.map { ($0 as NSString).lastPathComponent },
        executable: (executable as NSString).lastPathComponent,
        memo: FileStampMemo(directory: fingerprintDirectory), compilerBinaries: compilerBinaries,
        arguments: { compileArguments(sources: $0, executable: $1) })
    else {
      return try ChildProcess.run(compileArguments(sources: sources, executable: executable), shouldStop: shouldStop)
    }
    try jobs.writeFiles(in: folder)
    var outcome: ChildProcess.Outcome?
    for command in jobs.commands(in: folder) {
      let ran = try ChildProcess.run(command, shouldStop: shouldStop)
      outcome = ran
      if ran.exitCode != 0 { break }
    }
    return outcome
      ?? ChildProcess.Outcome(
        exitCode: 1, signal: nil, standardOutput: "", standardError: "swiftc printed no jobs", wasStopped: false)
  }
}
