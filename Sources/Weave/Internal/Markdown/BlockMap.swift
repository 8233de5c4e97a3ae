import CCmarkGFM

/// The block structure of a piece of Markdown, line by line, as cmark-gfm parses it: which lines are
/// code or raw HTML (copied verbatim), which leaf block (paragraph, heading, table row) each text line
/// belongs to, and how deep in block quotes it sits. Math and code spans never cross a leaf block.
struct BlockMap {
  /// What a source line is.
  enum LineKind: Equatable {
    /// Blank, or a line only of container markers: a boundary.
    case boundary
    /// Fenced or indented code, or an HTML block: copied as it is.
    case verbatim
    /// A line of the paragraph or heading with this id.
    case text(block: Int)
    /// A table row; its cells, split at unescaped `|`, are separate leaves.
    case tableRow
  }

  /// The kind of each line, 0-based.
  private(set) var kinds: [LineKind]
  /// How many block quotes enclose each line, 0-based.
  private(set) var quoteDepths: [Int]
  /// The 1-based first and last lines of each table, in order.
  private(set) var tables: [ClosedRange<Int>] = []

  /// Parses `markdown` with the same extensions the renderer uses.
  init(_ markdown: String) {
    let lineCount = markdown.utf8.count { $0 == UInt8(ascii: "\n") } + 1
    kinds = Array(repeating: .boundary, count: lineCount)
    quoteDepths = Array(repeating: 0, count: lineCount)
    MarkdownRenderer.withDocument(markdown, options: CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES) { document, _ in
      var nextBlock = 0
      visit(document, quoteDepth: 0, nextBlock: &nextBlock)
    }
  }

  /// The kind of the 0-based `line`.
  func kind(ofLine line: Int) -> LineKind { line < kinds.count ? kinds[line] : .boundary }

  private mutating func visit(_ node: OpaquePointer, quoteDepth: Int, nextBlock: inout Int) {
    let first = Int(cmark_node_get_start_line(node)) - 1
    let last = max(first, Int(cmark_node_get_end_line(node)) - 1)
    let lines = max(0, first)...min(last, kinds.count - 1)
    let type = cmark_node_get_type(node)
    func mark(_ kind: LineKind) {
      guard first >= 0, first < kinds.count else { return }
      for line in lines {
        kinds[line] = kind
        quoteDepths[line] = quoteDepth
      }
    }
    switch type {
    case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
      mark(.verbatim)
    case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
      mark(.text(block: nextBlock))
      nextBlock += 1
    default:
      if let name = cmark_node_get_type_string(node), String(cString: name) == "table" {
        mark(.tableRow)
        tables.append((first + 1)...(last + 1))
        return
      }
      var child = cmark_node_first_child(node)
      while let current = child {
        visit(current, quoteDepth: quoteDepth + (type == CMARK_NODE_BLOCK_QUOTE ? 1 : 0), nextBlock: &nextBlock)
        child = cmark_node_next(current)
      }
    }
  }
}
