/// A caption written next to a Markdown table as Quarto does, `: The notation {#tbl-notation}` on
/// its own line (a blank line apart or not): "Table 3: The notation" over the table, `@tbl-notation`
/// links to it. Without a `{#tbl-…}` label the caption is shown unnumbered.
struct TableCaption: Equatable {
  /// The caption's Markdown, rendered with placeholders.
  var caption: PreparedMarkdown
  /// `tbl-…`, when written.
  var label: String?
  /// Which table of its piece of Markdown it captions, 0-based.
  var tableIndex: Int
  var location: ChapterLocation

  /// Finds caption lines beside tables in `markdown` (first line `location`), and returns the
  /// Markdown with those lines blanked (so line numbers stay) and the captions.
  static func extract(from markdown: String, at location: ChapterLocation) throws(WeaveError)
    -> (markdown: String, captions: [TableCaption])
  {
    guard markdown.contains(":") && markdown.contains("|") else { return (markdown, []) }
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let blocks = BlockMap(markdown)
    var captions: [TableCaption] = []
    for (index, line) in lines.enumerated() {
      guard line.contains(":"), let match = line.wholeMatch(of: captionLine), !match.1.isEmpty,
        let table = table(captionedAt: index, lines: lines, blocks: blocks)
      else { continue }
      var text = String(match.1)
      var label: String?
      if let attribute = text.firstMatch(of: labelAttribute) {
        label = String(attribute.1)
        text = String(text[..<attribute.range.lowerBound])
      }
      let captionLocation = ChapterLocation(file: location.file, line: location.line + index)
      captions.append(
        TableCaption(
          caption: try PreparedMarkdown(text, at: captionLocation, rawHTML: .keep), label: label,
          tableIndex: table, location: captionLocation))
      lines[index] = ""
    }
    return (lines.joined(separator: "\n"), captions)
  }

  /// The index of the table a caption line at `index` (0-based) belongs to: the table it ends, the
  /// one ending on the last non-blank line before it, or the one starting on the next non-blank line.
  private static func table(captionedAt index: Int, lines: [String], blocks: BlockMap) -> Int? {
    let tables = blocks.tables.map { ($0.lowerBound - 1)...($0.upperBound - 1) }
    if let owner = tables.firstIndex(where: { $0.contains(index) }) {
      return tables[owner].upperBound == index && tables[owner].lowerBound + 2 <= index ? owner : nil
    }
    guard case .text = blocks.kind(ofLine: index) else { return nil }
    let isBlank = { (line: Int) in lines[line].allSatisfy(\.isWhitespace) }
    if let before = (0..<index).last(where: { !isBlank($0) }),
      let owner = tables.firstIndex(where: { $0.upperBound == before })
    {
      return owner
    }
    if let after = ((index + 1)..<lines.count).first(where: { !isBlank($0) }),
      let owner = tables.firstIndex(where: { $0.lowerBound == after })
    {
      return owner
    }
    return nil
  }

  // Regex literals are kept once: one written in a function body is compiled again on every call.
  nonisolated(unsafe) private static let captionLine = /\ {0,3}:\s+(.*?)\s*/
  nonisolated(unsafe) private static let labelAttribute = /\s*\{#(tbl-[\p{L}\p{N}_:.\-]+)\}$/
}
