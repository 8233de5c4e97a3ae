import CellProtocol
import Foundation

/// A value derived from a set of files, remembered in a small file under a stamp of those files' paths, sizes and
/// modification times, so later processes (every `flowbook` run, every test's fresh book) skip reading them again
/// while nothing changed. Whatever cannot be read or written is simply computed again.
struct FileStampMemo {
  /// Folder of the memo files, one per name.
  var directory: String

  /// The value remembered under `name` for `files` as they are now, or `compute()`'s, then remembered.
  func value(named name: String, for files: [String], compute: () throws -> String) rethrows -> String {
    let stamp = Self.stamp(of: files)
    let memoFile = directory + "/" + name
    if let memo = try? String(contentsOfFile: memoFile, encoding: .utf8), memo.hasPrefix(stamp + "\n") {
      return String(memo.dropFirst(stamp.count + 1))
    }
    let value = try compute()
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try? (stamp + "\n" + value).write(toFile: memoFile, atomically: true, encoding: .utf8)
    return value
  }

  /// A hash of each file's path, size and modification time (to the nanosecond); a missing file counts as such.
  static func stamp(of files: [String]) -> String {
    var hasher = StableHasher()
    for file in files {
      var status = stat()
      let found = stat(file, &status) == 0
      hasher.combine(
        found ? "\(file) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)" : "\(file) missing")
    }
    return hasher.hexDigest
  }
}
