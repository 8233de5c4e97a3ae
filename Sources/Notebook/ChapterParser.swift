import CCmarkGFM

/// Splits a chapter's Markdown into prose and executable cells using cmark-gfm's source positions.
public enum ChapterParser {
  /// Parses `source`, the text of `file`. Fenced blocks with info string `{swift}` become cells.
  public static func parse(_ source: String, file: String) -> Chapter {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var blocks: [Block] = []
    var proseStart = 1  // first source line not yet assigned to a block
    var cellIndex = 0

    func appendProse(upTo endLine: Int) {
      guard endLine >= proseStart else { return }
      let text = lines[(proseStart - 1)..<min(endLine, lines.count)].joined(separator: "\n")
      if !text.allSatisfy(\.isWhitespace) { blocks.append(.prose(text, line: proseStart)) }
    }

    for fence in executableFences(in: source) {
      appendProse(upTo: fence.startLine - 1)
      blocks.append(.cell(Cell(index: cellIndex, code: fence.code, line: fence.startLine + 1)))
      cellIndex += 1
      proseStart = fence.endLine + 1
    }
    appendProse(upTo: lines.count)
    return Chapter(file: file, blocks: blocks)
  }

  private struct Fence {
    var startLine: Int
    var endLine: Int
    var code: String
  }

  private static func executableFences(in source: String) -> [Fence] {
    guard let document = cmark_parse_document(source, source.utf8.count, CMARK_OPT_SOURCEPOS) else {
      return []
    }
    defer { cmark_node_free(document) }
    var fences: [Fence] = []
    var node = cmark_node_first_child(document)
    while let current = node {
      if cmark_node_get_type(current) == CMARK_NODE_CODE_BLOCK,
        let info = cmark_node_get_fence_info(current), String(cString: info).trimmed == "{swift}"
      {
        let code = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
        fences.append(
          Fence(
            startLine: Int(cmark_node_get_start_line(current)),
            endLine: Int(cmark_node_get_end_line(current)),
            code: code))
      }
      node = cmark_node_next(current)
    }
    return fences
  }
}

extension String {
  var trimmed: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
