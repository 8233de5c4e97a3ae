/// A chapter's footnote definitions (`[^label]: text`, with indented continuation paragraphs), taken
/// out of the prose pieces they are written in, so a note may be defined anywhere in its chapter:
/// every piece that refers to notes is rendered with all of them appended, and cmark-gfm's footnote
/// option pairs references with definitions.
struct FootnoteDefinitions {
  /// The definitions' Markdown, one after another.
  private(set) var source = ""

  // Regex literals are kept once: one written in a function body is compiled again on every call.
  nonisolated(unsafe) private static let codeFence = /`{3,}|~{3,}/
  nonisolated(unsafe) private static let definitionStart = /\[\^[^\]\s]+\]:/

  /// Removes the definitions from `markdown` (their lines left blank, so line numbers stay) and
  /// collects them.
  mutating func take(from markdown: String) -> String {
    guard markdown.contains("[^") else { return markdown }
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var codeFence: String?
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let trimmed = line.drop { $0 == " " }
      if trimmed.first == "`" || trimmed.first == "~", let fence = trimmed.prefixMatch(of: Self.codeFence)?.output {
        if codeFence == nil { codeFence = String(fence) } else if fence.hasPrefix(codeFence!) { codeFence = nil }
      }
      guard codeFence == nil, line.count - trimmed.count < 4, trimmed.hasPrefix("[^"),
        trimmed.prefixMatch(of: Self.definitionStart) != nil
      else {
        index += 1
        continue
      }
      let end = definitionEnd(startingAt: index, in: lines)
      source += lines[index..<end].joined(separator: "\n") + "\n\n"
      for blank in index..<end { lines[blank] = "" }
      index = end
    }
    return lines.joined(separator: "\n")
  }

  /// The line after a definition: its lazy continuation lines, and blank-separated indented paragraphs.
  private func definitionEnd(startingAt start: Int, in lines: [String]) -> Int {
    var end = start + 1
    var candidate = end
    while candidate < lines.count {
      let line = lines[candidate]
      let isBlank = line.allSatisfy(\.isWhitespace)
      let indented = line.hasPrefix("    ") || line.hasPrefix("\t")
      let previousBlank = lines[candidate - 1].allSatisfy(\.isWhitespace)
      if isBlank {
        candidate += 1
        continue
      }
      let startsBlock = ["[^", ":::", "#", "```", "~~~", "$$"].contains { line.hasPrefix($0) }
      guard indented || (!previousBlank && !startsBlock) else { break }
      candidate += 1
      end = candidate
    }
    return end
  }
}
