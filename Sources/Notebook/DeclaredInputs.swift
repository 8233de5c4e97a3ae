import CellProtocol
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Files a chapter's cells read, declared with the `depends` option (`depends: [data/points.csv, data/*.json]`):
/// their contents are part of the chapter's cache key, so editing one reruns exactly the chapters that read it.
///
/// Patterns are globs relative to the book folder and stay inside it, like includes; a pattern that matches
/// no file is an error at the option's line.
public enum DeclaredInputs {
  /// The book files `pattern` matches, relative to `bookDirectory`, sorted; directories are left out.
  public static func files(matching pattern: String, in bookDirectory: String) -> [String] {
    let root = URL(fileURLWithPath: bookDirectory).standardizedFileURL.resolvingSymlinksInPath().path
    var matches = glob_t()
    defer { globfree(&matches) }
    guard glob(root + "/" + pattern, 0, nil, &matches) == 0 else { return [] }
    var files: [String] = []
    for index in 0..<Int(matches.gl_pathc) {
      guard let path = matches.gl_pathv[index].map({ String(cString: $0) }) else { continue }
      var isDirectory: ObjCBool = false
      let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
      guard resolved.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      files.append(String(path.dropFirst(root.count + 1)))
    }
    return files.sorted()
  }

  /// Checks that every `depends` pattern of `chapter` matches a file of the book in `bookDirectory`.
  static func check(_ chapter: Chapter, bookDirectory: String) throws(BookError) {
    for cell in chapter.cells {
      for pattern in cell.options.depends where files(matching: pattern, in: bookDirectory).isEmpty {
        throw BookError(
          file: cell.options.dependsFile ?? chapter.file, line: cell.options.dependsLine ?? cell.line,
          "depends: '\(pattern)' matches no file in the book folder")
      }
    }
  }

  /// `path hash` lines for every file the chapter's cells declare, for its cache key; empty without any.
  static func fingerprint(of chapter: Chapter, bookDirectory: String) -> String {
    let patterns = Set(chapter.cells.flatMap(\.options.depends)).sorted()
    let matched = Set(patterns.flatMap { files(matching: $0, in: bookDirectory) }).sorted()
    return matched.map { file in
      var hasher = StableHasher()
      hasher.combine(FileManager.default.contents(atPath: bookDirectory + "/" + file) ?? Data())
      return "\(file) \(hasher.hexDigest)"
    }.joined(separator: "\n")
  }
}
