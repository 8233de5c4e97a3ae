import CCmarkGFM

/// Splits a chapter's Markdown into prose and executable cells using cmark-gfm's source positions.
public enum ChapterParser {
  /// Parses `source`, the text of `file`. Fenced blocks with info string `{swift}` become cells, whose
  /// options start from `defaults` (then the front matter's); include markers are expanded with `includes`.
  ///
  /// Throws for a bad front matter or include; a bad cell option is kept on its cell (`optionError`).
  public static func parse(
    _ source: String, file: String, defaults: CellOptions = CellOptions(), includes: IncludeResolver? = nil
  ) throws(BookError) -> Chapter {
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let frontMatter = try FrontMatter.parse(lines, file: file, defaults: defaults)
    // Blank the front matter so cmark sees the same line numbers without reading the YAML as Markdown.
    for index in 0..<frontMatter.lineCount { lines[index] = "" }
    let nodes = topLevelNodes(in: lines.joined(separator: "\n"))

    var blocks: [Block] = []
    var prose: [String] = []
    var proseStart = 1
    var nextLine = 1  // first source line not yet assigned to a block
    func flushProse() {
      let text = prose.joined(separator: "\n")
      if !text.allSatisfy(\.isWhitespace) { blocks.append(.prose(text, line: proseStart)) }
      prose = []
    }
    func takeProse(upTo endLine: Int) {
      if prose.isEmpty { proseStart = nextLine }
      if endLine >= nextLine { prose += lines[(nextLine - 1)..<min(endLine, lines.count)] }
      nextLine = max(nextLine, endLine + 1)
    }

    for node in nodes {
      switch node.kind {
      case .cell(let code):
        takeProse(upTo: node.startLine - 1)
        flushProse()
        let cellIndex = blocks.reduce(0) { count, block in if case .cell = block { count + 1 } else { count } }
        blocks.append(
          .cell(
            cell(index: cellIndex, code: code, fenceLine: node.startLine, file: file, defaults: frontMatter.defaults)))
        nextLine = node.endLine + 1
      case .paragraph:
        guard node.startLine == node.endLine, let includes,
          let marker = IncludeResolver.marker(in: lines[node.startLine - 1])
        else { continue }
        takeProse(upTo: node.startLine - 1)
        prose.append(
          try includes.fencedBlock(path: marker.path, region: marker.region, file: file, line: node.startLine))
        nextLine = node.startLine + 1
      }
    }
    takeProse(upTo: lines.count)
    flushProse()
    return Chapter(file: file, title: frontMatter.title, blocks: blocks)
  }

  /// A cell from a fence's code: leading `//| key: value` lines become options.
  private static func cell(index: Int, code: String, fenceLine: Int, file: String, defaults: CellOptions) -> Cell {
    var codeLines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var options = defaults
    var optionError: CellError?
    var optionLineCount = 0
    while optionLineCount < codeLines.count, codeLines[optionLineCount].trimmed.hasPrefix("//|") {
      let line = fenceLine + 1 + optionLineCount
      let text = codeLines[optionLineCount].trimmed.dropFirst(3)
      optionLineCount += 1
      guard optionError == nil else { continue }
      guard let colon = text.firstIndex(of: ":") else {
        optionError = CellError(message: "cell option line must read '//| key: value'", file: file, line: line)
        continue
      }
      do {
        let key = String(text[..<colon]).trimmed
        try options.set(key, to: String(text[text.index(after: colon)...]))
        if key == "fig-cap" { options.figureCaptionLine = line }
      } catch {
        optionError = CellError(message: error.message, file: file, line: line)
      }
    }
    codeLines.removeFirst(optionLineCount)
    return Cell(
      index: index, code: codeLines.joined(separator: "\n"), line: fenceLine + 1 + optionLineCount,
      options: options, optionError: optionError)
  }

  private struct Node {
    enum Kind {
      case cell(code: String)
      case paragraph
    }
    var kind: Kind
    var startLine: Int
    var endLine: Int
  }

  /// The top-level `{swift}` code blocks and paragraphs, with their lines.
  private static func topLevelNodes(in source: String) -> [Node] {
    guard let document = cmark_parse_document(source, source.utf8.count, CMARK_OPT_SOURCEPOS) else {
      return []
    }
    defer { cmark_node_free(document) }
    var nodes: [Node] = []
    var node = cmark_node_first_child(document)
    while let current = node {
      let start = Int(cmark_node_get_start_line(current))
      let end = Int(cmark_node_get_end_line(current))
      switch cmark_node_get_type(current) {
      case CMARK_NODE_CODE_BLOCK:
        if let info = cmark_node_get_fence_info(current), String(cString: info).trimmed == "{swift}" {
          let code = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
          nodes.append(Node(kind: .cell(code: code), startLine: start, endLine: end))
        }
      case CMARK_NODE_PARAGRAPH:
        nodes.append(Node(kind: .paragraph, startLine: start, endLine: end))
      default: break
      }
      node = cmark_node_next(current)
    }
    return nodes
  }
}

extension String {
  var trimmed: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
