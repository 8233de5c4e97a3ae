import Foundation
import Testing
import _TestSupport

@testable import Preview

/// Both watchers see an in-place save, a save by rename, a new chapter; and ignore files not watched.
@Suite struct FileWatcherTests {
  enum Kind: String, CaseIterable { case inotify, polling }

  private func makeWatcher(_ kind: Kind, _ changes: Changes) throws -> any FileWatcher {
    switch kind {
    case .inotify: try InotifyWatcher { changes.add($0) }
    case .polling: PollingWatcher(interval: 0.05) { changes.add($0) }
    }
  }

  @Test(arguments: Kind.allCases)
  func reportsSavesOfWatchedFilesOnly(kind: Kind) throws {
    let folder = try TemporaryDirectory()
    try folder.write("a", to: "chapters/01.md")
    try folder.write("x", to: "src/Included.swift")
    try folder.write("y", to: "src/Other.swift")
    let changes = Changes()
    let watcher = try makeWatcher(kind, changes)
    let included = folder.path + "/src/Included.swift"
    watcher.watch(WatchList(files: [included], folders: [folder.path + "/chapters"]))

    // Unwatched first: were it reported, it would show up by the time the later saves were.
    try "changed".write(toFile: folder.path + "/src/Other.swift", atomically: false, encoding: .utf8)
    try "changed".write(toFile: included, atomically: false, encoding: .utf8)
    try changes.waitFor(included)

    try "b".write(toFile: folder.path + "/chapters/01.md", atomically: true, encoding: .utf8)
    try changes.waitFor(folder.path + "/chapters/01.md")

    try folder.write("new", to: "chapters/02.md")
    let reported = try changes.waitFor(folder.path + "/chapters/02.md")
    #expect(!reported.contains(folder.path + "/src/Other.swift"), "\(reported)")
  }

  @Test(arguments: Kind.allCases)
  func reportsNewFilesMatchingAPattern(kind: Kind) throws {
    let folder = try TemporaryDirectory()
    try folder.write("a", to: "data/a.csv")
    let changes = Changes()
    let watcher = try makeWatcher(kind, changes)
    watcher.watch(WatchList(patterns: [folder.path + "/data/*.csv"]))

    try folder.write("not data", to: "data/notes.txt")
    try folder.write("b", to: "data/b.csv")
    try changes.waitFor(folder.path + "/data/b.csv")
    // A later save, so that notes.txt, were it reported, would be by then.
    try folder.write("c", to: "data/c.csv")
    let reported = try changes.waitFor(folder.path + "/data/c.csv")
    #expect(!reported.contains(folder.path + "/data/notes.txt"), "\(reported)")
  }
}

/// Changed paths reported by a watcher, awaited by the test.
final class Changes: @unchecked Sendable {
  private let condition = NSCondition()
  private var seen: Set<String> = []

  func add(_ paths: [String]) {
    condition.lock()
    seen.formUnion(paths)
    condition.broadcast()
    condition.unlock()
  }

  /// Waits (up to a minute) until `path` was reported; returns everything reported since the watcher started.
  @discardableResult
  func waitFor(_ path: String) throws -> Set<String> {
    let deadline = Date() + 60
    condition.lock()
    defer { condition.unlock() }
    while !seen.contains(path) {
      guard condition.wait(until: deadline) else { throw CancellationError() }
    }
    return seen
  }
}
