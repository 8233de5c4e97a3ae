import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a preview watches: single files (a chapter, `book.yml`, the shared source, an included file, a file a
/// cell declares with `depends`), folders in which any new, changed or removed book file counts (`chapters/`,
/// so a new chapter is seen), and glob patterns (a `depends: [data/*.csv]`, so a new matching file is seen).
public struct WatchList: Sendable, Equatable {
  /// Absolute paths of watched files.
  public var files: Set<String>
  /// Absolute paths of folders whose `.md`, `.yml` and `.swift` entries are all watched.
  public var folders: Set<String>
  /// Absolute glob patterns (`fnmatch`) whose matching files are watched; only the last path component may
  /// hold wildcards to catch new files (the folder part is watched as written).
  public var patterns: Set<String>

  /// A list of `files`, `folders` and `patterns` (absolute paths).
  public init(files: Set<String> = [], folders: Set<String> = [], patterns: Set<String> = []) {
    self.files = files
    self.folders = folders
    self.patterns = patterns
  }

  /// Whether `name` inside `folder` is a file the preview rebuilds for.
  func covers(folder: String, name: String) -> Bool {
    let path = folder + "/" + name
    if files.contains(path) { return true }
    if patterns.contains(where: { fnmatch($0, path, FNM_PATHNAME) == 0 }) { return true }
    guard folders.contains(folder), !name.hasPrefix(".") else { return false }
    return [".md", ".yml", ".yaml", ".swift"].contains { name.hasSuffix($0) }
  }

  /// Every folder that must be watched: the folders themselves, each file's parent and each pattern's folder.
  /// Watching the parent, not the file, is what catches editors that save by writing a new file and renaming it.
  var directories: Set<String> {
    folders.union(files.map { ($0 as NSString).deletingLastPathComponent })
      .union(patterns.map { ($0 as NSString).deletingLastPathComponent }.filter { !$0.contains(where: "*?[".contains) })
  }
}

/// Reports changes to the files of a `WatchList`: a save, a replacement by rename, a creation, a deletion.
///
/// Contract: `onChange` (given when the watcher is made) is called on a background thread with the absolute
/// paths that changed, possibly several times for one save; the caller debounces. `watch` may be called at
/// any time and replaces the list. A watcher stops when it is released.
public protocol FileWatcher: AnyObject, Sendable {
  /// Watches exactly `list` from now on.
  func watch(_ list: WatchList)
}
