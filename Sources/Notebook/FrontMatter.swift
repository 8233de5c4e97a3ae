/// A chapter's optional YAML front matter between `---` lines at its top: a title and cell option defaults.
struct FrontMatter {
  var title: String?
  /// Options every cell of the chapter starts from (e.g. `timeout: 60`, `echo: false`).
  var defaults: CellOptions
  /// Lines the front matter takes, both `---` lines included; 0 without front matter.
  var lineCount: Int

  /// Reads the front matter at the top of `lines`, starting from the book's `defaults`.
  static func parse(_ lines: [String], file: String, defaults: CellOptions) throws(BookError) -> FrontMatter {
    var frontMatter = FrontMatter(title: nil, defaults: defaults, lineCount: 0)
    guard lines.first?.trimmed == "---" else { return frontMatter }
    guard let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmed) }) else {
      throw BookError(file: file, line: 1, "front matter opened with --- is never closed")
    }
    frontMatter.lineCount = end + 1
    let mapping = try YAMLMapping.parse(lines[1..<end].joined(separator: "\n"), file: file, firstLine: 2)
    for entry in mapping.entries {
      if entry.key == "title" {
        frontMatter.title = try mapping.string(entry)
      } else if CellOptions.keys.contains(entry.key) {
        try mapping.apply(entry, to: &frontMatter.defaults)
      } else {
        throw BookError(
          file: file, line: entry.line,
          "unknown front matter key '\(entry.key)' (known: title, \(CellOptions.keys.joined(separator: ", ")))")
      }
    }
    return frontMatter
  }
}
