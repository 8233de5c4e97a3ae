import CellProtocol
import Foundation

/// Chapter runs stored in `<book>/.flowbook-cache/chapters/`, one folder per chapter and key.
///
/// An entry holds the full key text and is used only if it matches exactly, so results are never stale;
/// the folder name is the key's hash. The `-P` parameters are not part of the key: an entry records those
/// its chapter read, with their values, and is used while they are unchanged, whatever other parameters say. Several entries per chapter are kept (newest used first), so undoing
/// an edit that broke a chapter finds the earlier results again.
///
/// An entry heals itself: `run.json` carries the cache format and the hash of every display file, and
/// `run.json.sum` the hash of `run.json`. An entry that is truncated, corrupted, half-written by a killed build
/// or written by another format is removed on lookup, so the chapter simply runs again.
struct ResultCache: Sendable {
  /// Entry as stored: the format, the key it was made for, the parameters read (with their values; absent
  /// ones left out), the run and its display files' hashes.
  private struct Entry: Codable {
    var format: Int
    var key: String
    var parameters: [String: String]
    var run: ChapterRun
    var displays: [String: String]

    /// Whether the chapter read the same values in `parameters` as it did when it ran.
    func matches(_ parameters: [String: String]) -> Bool {
      let read =
        run.parametersRead.contains("*") ? Set(parameters.keys).union(self.parameters.keys) : run.parametersRead
      return read.allSatisfy { self.parameters[$0] == parameters[$0] }
    }
  }

  /// The layout of entries; an entry of another format is never read.
  static let format = 3
  /// The `.flowbook-cache` folder.
  var directory: String
  /// Entries kept per chapter.
  static let entriesPerChapter = 6

  /// The newest run stored for `key` that read the same values of `parameters`, and its displays folder;
  /// `nil` when there is none. Damaged entries met on the way are removed.
  func lookUp(_ key: String, chapter: String, parameters: [String: String]) -> (run: ChapterRun, displays: String)? {
    let prefix = Self.hash(Data(key.utf8)) + "-"
    let chapterFolder = chapterFolder(chapter)
    let candidates = ((try? FileManager.default.contentsOfDirectory(atPath: chapterFolder)) ?? [])
      .filter { $0.hasPrefix(prefix) && !$0.contains(".partial-") }.map { chapterFolder + "/" + $0 }
    for folder in candidates.sorted(by: { modified($0) > modified($1) }) {
      guard let entry = intactEntry(in: folder) else {
        try? FileManager.default.removeItem(atPath: folder)
        continue
      }
      guard entry.key == key, entry.matches(parameters) else { continue }
      // Mark it as recently used, so pruning keeps it.
      try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder)
      return (entry.run, folder + "/displays")
    }
    return nil
  }

  /// Stores `run`, whose displays are in `displays` (moved into the entry); returns the entry's displays folder.
  func store(
    _ run: ChapterRun, displays: String, key: String, chapter: String, parameters: [String: String]
  ) throws -> String {
    let read = parameters.filter { run.parametersRead.contains("*") || run.parametersRead.contains($0.key) }
    let values = read.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
    let folder = chapterFolder(chapter) + "/" + Self.hash(Data(key.utf8)) + "-" + Self.hash(Data(values.utf8))
    let staging = folder + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    let fileManager = FileManager.default
    try? fileManager.removeItem(atPath: staging)
    try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
    try fileManager.moveItem(atPath: displays, toPath: staging + "/displays")
    let entry = Entry(
      format: Self.format, key: key, parameters: read, run: run, displays: try Self.hashes(of: staging + "/displays"))
    let data = try JSONEncoder().encode(entry)
    try data.write(to: URL(fileURLWithPath: staging + "/run.json"))
    try Data(Self.hash(data).utf8).write(to: URL(fileURLWithPath: staging + "/run.json.sum"))
    try? fileManager.removeItem(atPath: folder)
    try fileManager.moveItem(atPath: staging, toPath: folder)
    prune(chapterFolder(chapter))
    return folder + "/displays"
  }

  /// The entry in `folder` if its checksum, format and display files are all as stored.
  private func intactEntry(in folder: String) -> Entry? {
    guard let data = FileManager.default.contents(atPath: folder + "/run.json"),
      let sum = FileManager.default.contents(atPath: folder + "/run.json.sum"),
      String(decoding: sum, as: UTF8.self) == Self.hash(data),
      let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.format == Self.format,
      (try? Self.hashes(of: folder + "/displays")) == entry.displays
    else { return nil }
    return entry
  }

  /// The hash of every file in `folder`, by name.
  private static func hashes(of folder: String) throws -> [String: String] {
    var hashes: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
      hashes[name] = hash(data)
    }
    return hashes
  }

  private static func hash(_ data: Data) -> String {
    var hasher = StableHasher()
    hasher.combine(data)
    return hasher.hexDigest
  }

  private func prune(_ folder: String) {
    let fileManager = FileManager.default
    var entries = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
    // A half-written entry of a killed build (`.partial-<pid>`) is never used: builds of a book never overlap.
    for partial in entries where partial.contains(".partial-") { try? fileManager.removeItem(atPath: partial) }
    entries.removeAll { $0.contains(".partial-") }
    let newestFirst = entries.sorted { modified($0) > modified($1) }
    for entry in newestFirst.dropFirst(Self.entriesPerChapter) { try? fileManager.removeItem(atPath: entry) }
  }

  private func modified(_ path: String) -> Date {
    (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
  }

  private func chapterFolder(_ chapter: String) -> String {
    directory + "/chapters/" + chapter.replacingOccurrences(of: "/", with: "_")
  }
}
