import Foundation

/// Chapter runs stored in `<book>/.flowbook-cache/chapters/`, one folder per chapter and key.
///
/// An entry holds the full key text and is used only if it matches exactly, so results are never stale;
/// the folder name is the key's hash. Several entries per chapter are kept (newest used first), so undoing
/// an edit that broke a chapter finds the earlier results again.
struct ResultCache: Sendable {
  /// Entry as stored: the key it was made for, and the run.
  private struct Entry: Codable {
    var key: String
    var run: ChapterRun
  }

  /// The `.flowbook-cache` folder.
  var directory: String
  /// Entries kept per chapter.
  static let entriesPerChapter = 6

  /// The run stored for `key`, and its displays folder; `nil` when there is none.
  func lookUp(_ key: String, chapter: String) -> (run: ChapterRun, displays: String)? {
    let folder = entryFolder(key, chapter: chapter)
    guard let data = FileManager.default.contents(atPath: folder + "/run.json"),
      let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
    else { return nil }
    // Mark it as recently used, so pruning keeps it.
    try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: folder)
    return (entry.run, folder + "/displays")
  }

  /// Stores `run`, whose displays are in `displays` (moved into the entry); returns the entry's displays folder.
  func store(_ run: ChapterRun, displays: String, key: String, chapter: String) throws -> String {
    let folder = entryFolder(key, chapter: chapter)
    let staging = folder + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    let fileManager = FileManager.default
    try? fileManager.removeItem(atPath: staging)
    try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
    try fileManager.moveItem(atPath: displays, toPath: staging + "/displays")
    try JSONEncoder().encode(Entry(key: key, run: run)).write(to: URL(fileURLWithPath: staging + "/run.json"))
    try? fileManager.removeItem(atPath: folder)
    try fileManager.moveItem(atPath: staging, toPath: folder)
    prune(chapterFolder(chapter))
    return folder + "/displays"
  }

  private func prune(_ folder: String) {
    let fileManager = FileManager.default
    let entries = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
    let newestFirst = entries.sorted { modified($0) > modified($1) }
    for entry in newestFirst.dropFirst(Self.entriesPerChapter) { try? fileManager.removeItem(atPath: entry) }
  }

  private func modified(_ path: String) -> Date {
    (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
  }

  private func chapterFolder(_ chapter: String) -> String {
    directory + "/chapters/" + chapter.replacingOccurrences(of: "/", with: "_")
  }

  private func entryFolder(_ key: String, chapter: String) -> String {
    var hasher = StableHasher()
    hasher.combine(key)
    return chapterFolder(chapter) + "/" + hasher.hexDigest
  }
}
