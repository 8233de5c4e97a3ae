import Foundation

/// Embeds a named region of a project source file into a chapter, so the code shown is the code that ran.
///
/// A paragraph that is exactly `{{< include Sources/Flows/Layers/AffineCoupling.swift#forward >}}` is replaced by
/// the lines between `// region: forward` and `// endregion` in that file (the whole file without `#region`),
/// as a fenced `swift` code block. Paths are relative to the book folder first (a book's own
/// `chapters/course.swift` wins over FlowBook's file of that name), then to the project root, and may not
/// leave the folder they resolve against.
public struct IncludeResolver: Sendable {
  /// The FlowBook project folder (holding `Sources/`), searched for a path that names no file in the book.
  public var projectRoot: String
  /// The book folder, searched first (set by `Book.load`).
  public var bookRoot: String?

  /// A resolver for paths relative to `bookRoot`, then `projectRoot`.
  public init(projectRoot: String, bookRoot: String? = nil) {
    self.projectRoot = projectRoot
    self.bookRoot = bookRoot
  }

  /// The path and region of `line` if it is an include marker.
  static func marker(in line: String) -> (path: String, region: String?)? {
    // Every line of every chapter is asked, on every build and preview rebuild: most hold no marker at all.
    guard line.contains("{{<"), let match = line.trimmed.wholeMatch(of: includeMarker) else { return nil }
    return (String(match.1), match.2.map(String.init))
  }

  /// Kept once: a regex literal in a function body is compiled again on every call.
  nonisolated(unsafe) private static let includeMarker = /\{\{<\s*include\s+([^\s#]+)(?:#([\w-]+))?\s*>\}\}/

  /// A fenced `swift` block holding `region` of `path`; errors name the chapter's `file` and `line`.
  func fencedBlock(path: String, region: String?, file: String, line: Int) throws(BookError) -> String {
    let source = try contents(of: path, file: file, line: line)
    let code = try Self.extract(region, from: source, path: path, file: file, line: line)
    var fence = "```"
    while code.contains(fence) { fence += "`" }
    return "\(fence)swift\n\(code)\(fence)"
  }

  private func contents(of path: String, file: String, line: Int) throws(BookError) -> String {
    let roots = (bookRoot.map { [$0] } ?? []) + [projectRoot]
    for target in try candidates(for: path, file: file, line: line) {
      if let text = try? String(contentsOfFile: target, encoding: .utf8) { return text }
    }
    throw BookError(
      file: file, line: line, "cannot read included file '\(path)' (relative to \(roots.joined(separator: " or ")))")
  }

  /// Where `path` may be, in lookup order: in the book, then in the project; an escaping path throws.
  private func candidates(for path: String, file: String, line: Int) throws(BookError) -> [String] {
    try ((bookRoot.map { [$0] } ?? []) + [projectRoot]).map { root throws(BookError) in
      let root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
      let target = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: root + "/"))
        .standardizedFileURL.resolvingSymlinksInPath().path
      guard !path.hasPrefix("/"), target.hasPrefix(root + "/") else {
        throw BookError(file: file, line: line, "include path '\(path)' is outside the folder \(root)")
      }
      return target
    }
  }

  /// The files that the include markers in a chapter's `source` read (absolute paths; for watching them).
  public func includedFiles(in source: String) -> [String] {
    source.split(separator: "\n").compactMap { line in
      guard let marker = Self.marker(in: String(line)),
        let targets = try? candidates(for: marker.path, file: "", line: 0)
      else { return nil }
      return targets.first { FileManager.default.fileExists(atPath: $0) }
    }
  }

  /// The lines of `region` (or all lines), without region markers, dedented.
  static func extract(
    _ region: String?, from source: String, path: String, file: String, line: Int
  ) throws(BookError) -> String {
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let region {
      guard let start = lines.firstIndex(where: { regionName($0, marker: "region") == region }) else {
        throw BookError(file: file, line: line, "no '// region: \(region)' in '\(path)'")
      }
      var depth = 0
      guard
        let end = lines.indices.dropFirst(start + 1).first(where: { index in
          if regionName(lines[index], marker: "region") != nil { depth += 1 }
          if regionName(lines[index], marker: "endregion") != nil { depth -= 1 }
          return depth < 0
        })
      else {
        throw BookError(file: file, line: line, "region '\(region)' in '\(path)' has no '// endregion'")
      }
      lines = Array(lines[(start + 1)..<end])
    }
    lines.removeAll { regionName($0, marker: "region") != nil || regionName($0, marker: "endregion") != nil }
    while lines.last?.trimmed.isEmpty == true { lines.removeLast() }
    let indent = lines.filter { !$0.trimmed.isEmpty }.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
    return lines.map { ($0.trimmed.isEmpty ? "" : String($0.dropFirst(indent))) + "\n" }.joined()
  }

  /// The name after `// region:` (or `""` after a bare `// endregion`), or nil if `line` is no such marker.
  private static func regionName(_ line: String, marker: String) -> String? {
    let text = line.trimmed
    guard text.hasPrefix("//") else { return nil }
    let body = String(text.dropFirst(2)).trimmed
    guard body == marker || body.hasPrefix(marker + ":") || body.hasPrefix(marker + " ") else { return nil }
    return String(body.dropFirst(marker.count).drop(while: { $0 == ":" || $0 == " " })).trimmed
  }
}
