import Foundation
import Notebook

/// The student edition of a book: the book's files with every solution region of its chapters and Swift files
/// in `chapters/` replaced by a stub. Left out: the build's own folders (`output/`, `.flowbook-cache/`), and for a
/// book inside a project, its version history (`.git`, whose objects hold the solutions) and Swift build folders.
struct StudentEdition {
  let bookDirectory: String
  /// Files (relative to the book) whose text changes, with their student text.
  private(set) var rewritten: [String: String] = [:]
  /// The exercises' names, in book order.
  private(set) var exercises: [String] = []

  /// Reads the book (so a bad chapter is reported before anything is written) and its solution regions.
  init(bookDirectory: String) throws {
    self.bookDirectory = bookDirectory
    _ = try Book.load(from: bookDirectory, includes: IncludeResolver(projectRoot: Toolchain.current().projectRoot))
    let chapters = bookDirectory + "/chapters"
    var regions: [SolutionRegion] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: chapters).sorted()
    where name.hasSuffix(".md") || name.hasSuffix(".swift") {
      let file = "chapters/" + name
      let text = try String(contentsOfFile: bookDirectory + "/" + file, encoding: .utf8)
      let found = try SolutionRegion.scan(text, file: file)
      guard !found.isEmpty else { continue }
      regions += found
      rewritten[file] = SolutionRegion.studentEdition(of: text, regions: found)
    }
    try SolutionRegion.requireUniqueNames(regions)
    exercises = regions.map(\.name)
  }

  /// Copies the book to `target` (created), writing the student text of the rewritten files.
  func write(to target: String) throws {
    let manager = FileManager.default
    try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
    for entry in try manager.contentsOfDirectory(atPath: bookDirectory) where !Self.isLeftOut(entry) {
      if manager.fileExists(atPath: target + "/" + entry) { try manager.removeItem(atPath: target + "/" + entry) }
      try manager.copyItem(atPath: bookDirectory + "/" + entry, toPath: target + "/" + entry)
    }
    for (file, text) in rewritten {
      try text.write(toFile: target + "/" + file, atomically: true, encoding: .utf8)
    }
  }

  /// Whether a top-level entry of the book stays out of the edition: build output, caches, version history.
  static func isLeftOut(_ entry: String) -> Bool {
    ["output", ".flowbook-cache", ".git", ".swiftpm"].contains(entry) || entry.hasPrefix(".build")
  }
}
