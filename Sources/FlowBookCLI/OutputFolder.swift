import Foundation

/// The book's `output/`, replaced as a whole at the end of a build: the report is written into a staging
/// folder beside the cache and swapped in with two renames, so `output/` always holds a complete report.
struct OutputFolder {
  /// `<book>/output`.
  var path: String
  /// `<book>/.flowbook-cache`, on the same file system, where the staging and previous reports live.
  var cacheDirectory: String

  /// Fails with one line naming the first folder the build must write but cannot (`output/`, the book folder
  /// holding it, the cache), before any work is done, so the last report stays as it was.
  func checkWritable() throws {
    let book = (path as NSString).deletingLastPathComponent
    for folder in [path, book, cacheDirectory] where FileManager.default.fileExists(atPath: folder) {
      let probe = folder + "/.flowbook-write-check-\(getpid())"
      let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
      guard descriptor >= 0 else { throw UserError("cannot write \(folder): \(String(cString: strerror(errno)))") }
      close(descriptor)
      unlink(probe)
    }
  }

  /// A fresh, empty folder to write this build's report into.
  func makeStaging() throws -> String {
    let staging = cacheDirectory + "/staging"
    try? FileManager.default.removeItem(atPath: staging)
    try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    return staging
  }

  /// Puts back the previous report if a build died between the two renames of `swap`.
  func recover() {
    let fileManager = FileManager.default
    if !fileManager.fileExists(atPath: path), fileManager.fileExists(atPath: previous) {
      try? fileManager.moveItem(atPath: previous, toPath: path)
    }
    try? fileManager.removeItem(atPath: previous)
  }

  /// Makes `staging` the new `output/`; the old report is removed only once the new one is in place.
  func swap(in staging: String) throws {
    let fileManager = FileManager.default
    // A tracked placeholder (the project's output/.gitkeep) survives the swap.
    if fileManager.fileExists(atPath: path + "/.gitkeep") {
      _ = fileManager.createFile(atPath: staging + "/.gitkeep", contents: Data())
    }
    try? fileManager.removeItem(atPath: previous)
    if fileManager.fileExists(atPath: path) { try fileManager.moveItem(atPath: path, toPath: previous) }
    try fileManager.moveItem(atPath: staging, toPath: path)
    try? fileManager.removeItem(atPath: previous)
  }

  /// Removes the report, keeping a `.gitkeep` placeholder.
  func empty() throws {
    let fileManager = FileManager.default
    for item in (try? fileManager.contentsOfDirectory(atPath: path)) ?? [] where item != ".gitkeep" {
      try fileManager.removeItem(atPath: path + "/" + item)
    }
  }

  private var previous: String { cacheDirectory + "/previous-output" }
}
