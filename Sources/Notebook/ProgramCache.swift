import CellProtocol
import Foundation

/// Compiled chapter programs kept in `<book>/.flowbook-cache/programs/`, one folder per chapter and program, so a
/// chapter that runs again with the same program is not compiled again: another `--seed`, `--quick` or `-P` value,
/// an edited `depends` file, `--force` or a damaged result entry reruns the program, which reads those at run time.
///
/// A program is stored under the full text of what made it (`key`): the compiler, the compile arguments, the
/// fingerprint of the library modules it imports and every source file's name and text. It is used only if that
/// text matches exactly and the binary's checksum still holds; anything else is compiled again. Only programs that
/// compiled are kept.
struct ProgramCache: Sendable {
  /// The `programs` folder inside `.flowbook-cache`.
  var directory: String
  /// The chapter file the programs are of.
  var chapter: String
  /// The first line of `swiftc --version`.
  var compilerVersion: String
  /// The fingerprint of the library modules the chapter's sources import (`LibraryFingerprint`).
  var library: String
  /// Programs kept per chapter: the latest, the replay program of a cell stopped by its timeout, and an earlier
  /// version or two of the chapter, so undoing an edit finds its program again.
  static let programsPerChapter = 4

  /// The key of the program compiled from `sources` (paths whose file names and contents count) with the compile
  /// arguments `arguments` (given for sources and executable by file name only).
  func key(arguments: [String], sources: [String]) throws -> String {
    var key = "flowbook program 1\ncompiler: \(compilerVersion)\narguments: \(arguments.joined(separator: " "))\n"
    key += "library:\n\(library)\n"
    for source in sources {
      key += "file \((source as NSString).lastPathComponent)\n" + (try String(contentsOfFile: source, encoding: .utf8))
    }
    return key
  }

  /// Links the program stored for `key` to `executable`; `false` when none is stored (or the folder cannot hold
  /// links). A damaged entry is removed, so the program is compiled and stored again.
  func restore(_ key: String, to executable: String) -> Bool {
    let folder = folder(for: key)
    let fileManager = FileManager.default
    guard fileManager.fileExists(atPath: folder) else { return false }
    guard let storedKey = fileManager.contents(atPath: folder + "/key"), storedKey == Data(key.utf8),
      let program = fileManager.contents(atPath: folder + "/chapter"),
      let sum = fileManager.contents(atPath: folder + "/chapter.sum"), sum == Data(Self.hash(program).utf8)
    else {
      try? fileManager.removeItem(atPath: folder)
      return false
    }
    // A link, not a copy: a file this process opened for writing may be inherited by a child another chapter
    // forks meanwhile, and executing it would then fail with "Text file busy".
    guard (try? fileManager.linkItem(atPath: folder + "/chapter", toPath: executable)) != nil else { return false }
    // Marked as recently used, so pruning keeps it.
    try? fileManager.setAttributes([.modificationDate: Date()], ofItemAtPath: folder)
    return true
  }

  /// Keeps the compiled program `executable` for `key`, dropping the chapter's oldest programs beyond
  /// `programsPerChapter`. On a file system without hard links nothing is kept: programs are compiled every time.
  func store(_ executable: String, key: String) throws {
    let folder = folder(for: key)
    let staging = folder + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    let fileManager = FileManager.default
    try? fileManager.removeItem(atPath: staging)
    try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
    // Linked for the same reason as in `restore`; the linker writes each program to a new file, never into this one.
    guard (try? fileManager.linkItem(atPath: executable, toPath: staging + "/chapter")) != nil else {
      try? fileManager.removeItem(atPath: staging)
      return
    }
    let program = try Data(contentsOf: URL(fileURLWithPath: executable))
    try Data(Self.hash(program).utf8).write(to: URL(fileURLWithPath: staging + "/chapter.sum"))
    try Data(key.utf8).write(to: URL(fileURLWithPath: staging + "/key"))
    try? fileManager.removeItem(atPath: folder)
    try fileManager.moveItem(atPath: staging, toPath: folder)
    prune((folder as NSString).deletingLastPathComponent)
  }

  private func folder(for key: String) -> String {
    directory + "/" + chapter.replacingOccurrences(of: "/", with: "_") + "/" + Self.hash(Data(key.utf8))
  }

  private func prune(_ folder: String) {
    let fileManager = FileManager.default
    let entries = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
    // A half-written entry of a killed build (`.partial-<pid>`) is never used: builds of a book never overlap.
    for partial in entries where partial.contains(".partial-") { try? fileManager.removeItem(atPath: partial) }
    let newestFirst = entries.filter { !$0.contains(".partial-") }.sorted { modified($0) > modified($1) }
    for entry in newestFirst.dropFirst(Self.programsPerChapter) { try? fileManager.removeItem(atPath: entry) }
  }

  private func modified(_ path: String) -> Date {
    (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
  }

  private static func hash(_ data: Data) -> String {
    var hasher = StableHasher()
    hasher.combine(data)
    return hasher.hexDigest
  }
}
