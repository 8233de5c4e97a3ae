import Foundation

/// A `FileWatcher` that compares the size, modification time and inode of every watched entry a few
/// times a second: the fallback where inotify is missing or exhausted, and on network file systems.
public final class PollingWatcher: FileWatcher, @unchecked Sendable {
  private let onChange: @Sendable ([String]) -> Void
  private let interval: Double
  private let lock = NSLock()
  private var list = WatchList()
  private var snapshot: [String: Stamp] = [:]

  /// What identifies one version of a file.
  private struct Stamp: Equatable {
    var size: Int64
    var modified: Int
    var inode: UInt64
  }

  /// A watcher calling `onChange`, looking every `interval` seconds.
  public init(interval: Double = 0.25, onChange: @escaping @Sendable ([String]) -> Void) {
    self.onChange = onChange
    self.interval = interval
    let thread = Thread { [weak self, interval] in
      // `self?.poll()` is nil once the watcher is released, which ends the thread.
      while self?.poll() != nil { Thread.sleep(forTimeInterval: interval) }
    }
    thread.name = "flowbook-poll"
    thread.start()
  }

  public func watch(_ list: WatchList) {
    lock.withLock {
      self.list = list
      snapshot = Self.stamps(of: list)
    }
  }

  private func poll() {
    let changed: [String] = lock.withLock {
      let now = Self.stamps(of: list)
      let paths = Set(now.keys).union(snapshot.keys).filter { now[$0] != snapshot[$0] }
      snapshot = now
      return paths.sorted()
    }
    if !changed.isEmpty { onChange(changed) }
  }

  private static func stamps(of list: WatchList) -> [String: Stamp] {
    var paths = list.files
    for folder in list.directories {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      where list.covers(folder: folder, name: name) {
        paths.insert(folder + "/" + name)
      }
    }
    var stamps: [String: Stamp] = [:]
    for path in paths {
      var info = stat()
      guard stat(path, &info) == 0 else { continue }
      let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
      stamps[path] = Stamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
    }
    return stamps
  }
}
