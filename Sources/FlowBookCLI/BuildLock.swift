import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive lock on a book's cache folder, held until the process ends, so two builds (or a build and a
/// `clean`) never work on the same book at once. The kernel drops it when the process dies, so it never goes stale.
final class BuildLock {
  private let descriptor: Int32

  /// Takes the lock in `cacheDirectory`, or throws a message naming the process that holds it.
  init(cacheDirectory: String, book: String) throws {
    try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
    let path = cacheDirectory + "/lock"
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw UserError("cannot create the lock file \(path)") }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
      close(descriptor)
      throw UserError(
        "another flowbook build is already running on \(book) (process \(holder ?? "?")); wait for it to finish or stop it"
      )
    }
    ftruncate(descriptor, 0)
    let pid = "\(ProcessInfo.processInfo.processIdentifier)\n"
    _ = pid.withCString { write(descriptor, $0, strlen($0)) }
  }

  deinit { close(descriptor) }
}
