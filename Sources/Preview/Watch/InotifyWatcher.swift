import Foundation

#if canImport(Glibc)
  import Glibc

  /// A `FileWatcher` on Linux's inotify: one watch per folder of the list, one blocking reader thread.
  public final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    private let descriptor: Int32
    private let onChange: @Sendable ([String]) -> Void
    private let lock = NSLock()
    private var list = WatchList()
    /// Watch descriptor → folder, and back.
    private var folders: [Int32: String] = [:]
    private var descriptors: [String: Int32] = [:]

    /// Events that mean "this entry now has new contents or is gone".
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)

    /// A watcher calling `onChange`; throws when the kernel refuses an inotify instance.
    public init(onChange: @escaping @Sendable ([String]) -> Void) throws {
      descriptor = inotify_init1(Int32(IN_CLOEXEC))
      guard descriptor >= 0 else { throw WatcherError.unavailable(String(cString: strerror(errno))) }
      self.onChange = onChange
      let thread = Thread { [weak self, descriptor] in Self.readLoop(descriptor) { self } }
      thread.name = "flowbook-inotify"
      thread.start()
    }

    deinit { close(descriptor) }

    public func watch(_ list: WatchList) {
      lock.withLock {
        self.list = list
        let wanted = list.directories
        for (folder, watch) in descriptors where !wanted.contains(folder) {
          inotify_rm_watch(descriptor, watch)
          descriptors[folder] = nil
          folders[watch] = nil
        }
        for folder in wanted where descriptors[folder] == nil {
          let watch = inotify_add_watch(descriptor, folder, Self.mask)
          // A folder that does not exist (yet) is simply not watched; the next build's list tries again.
          guard watch >= 0 else { continue }
          descriptors[folder] = watch
          folders[watch] = folder
        }
      }
    }

    /// Reads events until the descriptor is closed, handing each batch to the watcher while it lives.
    private static func readLoop(_ descriptor: Int32, watcher: () -> InotifyWatcher?) {
      let size = 64 * 1024
      let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
      defer { buffer.deallocate() }
      while true {
        let count = read(descriptor, buffer, size)
        if count < 0, errno == EINTR { continue }
        guard count > 0, let watcher = watcher() else { return }
        watcher.handle(UnsafeRawBufferPointer(start: buffer, count: count))
      }
    }

    /// Decodes a batch of `struct inotify_event` records (16-byte header, then a NUL-padded name).
    private func handle(_ bytes: UnsafeRawBufferPointer) {
      var changed: [String] = []
      lock.withLock {
        var offset = 0
        while offset + 16 <= bytes.count {
          let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
          let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
          let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, bytes.count)]
          let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
          offset += 16 + length
          if let folder = folders[watch], !name.isEmpty, list.covers(folder: folder, name: name) {
            changed.append(folder + "/" + name)
          }
        }
      }
      if !changed.isEmpty { onChange(changed) }
    }
  }
#endif

/// Why a file watcher could not start.
public enum WatcherError: Error, CustomStringConvertible {
  /// The operating system refused (e.g. no inotify instances left); the reason is its message.
  case unavailable(String)

  public var description: String {
    switch self {
    case .unavailable(let reason): "cannot watch files: \(reason)"
    }
  }
}
