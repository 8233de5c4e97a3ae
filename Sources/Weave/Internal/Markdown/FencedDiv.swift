/// A pandoc fenced div, `::: {.callout-note title="…"}` … `:::`, as Quarto writes callouts.
struct FencedDiv: Equatable {
  /// The callout kinds FlowBook styles; another class makes a plain `<div>`.
  enum CalloutKind: String, CaseIterable {
    case note, tip, warning, important, exercise

    /// The heading a callout without `title=` gets, e.g. "Note".
    var defaultTitle: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
  }

  /// The classes, without dots, in order.
  var classes: [String]
  /// `#id`, when written.
  var id: String?
  /// `title="…"` (Markdown), when written.
  var title: String?
  /// Where the opening fence is.
  var location: ChapterLocation

  /// The kind of the first `callout-…` class, if any.
  var calloutKind: CalloutKind? {
    classes.lazy.compactMap { $0.hasPrefix("callout-") ? CalloutKind(rawValue: String($0.dropFirst(8))) : nil }
      .first
  }

  /// Parses the text after an opening fence's colons: `{.callout-tip #id title="A tip"}` or a bare
  /// class name (`warning`); nil when it is neither (then the line is not a fence).
  static func parse(attributes text: String, at location: ChapterLocation) -> FencedDiv? {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    while rest.hasSuffix(":") { rest = rest.dropLast() }
    rest = Substring(rest.trimmingCharacters(in: .whitespaces))
    if let word = rest.wholeMatch(of: bareClass) {
      return FencedDiv(classes: [String(word.output)], location: location)
    }
    guard rest.hasPrefix("{"), rest.hasSuffix("}") else { return nil }
    var div = FencedDiv(classes: [], location: location)
    let body = rest.dropFirst().dropLast()
    var remaining = body[...]
    while !remaining.isEmpty {
      guard let match = remaining.prefixMatch(of: attribute) else { return nil }
      if let name = match.1 { div.classes.append(String(name)) }
      if let id = match.2 { div.id = String(id) }
      if let key = match.3, key == "title" {
        if let doubleQuoted = match.4 {
          div.title = String(doubleQuoted).replacing("\\\"", with: "\"")
        } else if let value = match.5 ?? match.6 {
          div.title = String(value)
        }
      }
      remaining = remaining[match.range.upperBound...]
    }
    return div
  }

  // Regex literals are kept once: one written in a function body is compiled again on every call.
  nonisolated(unsafe) private static let bareClass = /[A-Za-z][\w-]*/
  nonisolated(unsafe) private static let attribute =
    /\s*(?:\.([\w-]+)|#([\w:.-]+)|([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s}]+)))\s*/
}

/// A stretch of a chapter's prose between fenced-div fences.
enum ProsePiece: Equatable {
  /// Markdown starting at `line` of the chapter.
  case markdown(String, line: Int)
  /// An opening fence.
  case open(FencedDiv)
  /// A closing `:::` at `line`.
  case close(line: Int)
}

/// Cuts prose at fenced-div fences (never inside fenced code), so each piece is rendered on its own
/// and a div may open in one prose block and close in another, around cells.
enum FencedDivSplitter {
  // Regex literals are kept once: one written in a function body is compiled again on every call.
  nonisolated(unsafe) private static let codeFencePattern = /(`{3,}|~{3,})/
  nonisolated(unsafe) private static let colonFence = /:{3,}/

  static func split(_ markdown: String, file: String, firstLine: Int) -> [ProsePiece] {
    var pieces: [ProsePiece] = []
    var pending: [Substring] = []
    var pendingStart = firstLine
    var codeFence: (character: Character, length: Int)?
    func flush(nextLine: Int) {
      if pending.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
        pieces.append(.markdown(pending.joined(separator: "\n"), line: pendingStart))
      }
      pending = []
      pendingStart = nextLine
    }
    for (offset, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = firstLine + offset
      let trimmed = line.drop { $0 == " " }
      // Most lines start with neither a fence character nor a colon: the patterns are not even tried.
      if trimmed.first == "`" || trimmed.first == "~", let fence = trimmed.prefixMatch(of: codeFencePattern)?.1 {
        if let open = codeFence {
          if fence.first == open.character, fence.count >= open.length,
            trimmed.dropFirst(fence.count).allSatisfy(\.isWhitespace)
          {
            codeFence = nil
          }
        } else if line.count - trimmed.count < 4 {
          codeFence = (fence.first!, fence.count)
        }
      }
      if codeFence == nil, trimmed.hasPrefix(":::"), line.count - trimmed.count < 4,
        let colons = trimmed.prefixMatch(of: colonFence)
      {
        let after = String(trimmed[colons.range.upperBound...])
        let location = ChapterLocation(file: file, line: number)
        if after.allSatisfy(\.isWhitespace) {
          flush(nextLine: number + 1)
          pieces.append(.close(line: number))
          continue
        }
        if let div = FencedDiv.parse(attributes: after, at: location) {
          flush(nextLine: number + 1)
          pieces.append(.open(div))
          continue
        }
      }
      pending.append(line)
    }
    flush(nextLine: firstLine)
    return pieces
  }
}
