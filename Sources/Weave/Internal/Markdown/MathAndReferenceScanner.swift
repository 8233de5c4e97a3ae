/// A TeX formula taken out of Markdown before cmark-gfm sees it (cmark would eat `\\`, `_` and `\{`).
///
/// This is the scanner's output for math: whoever typesets math (KaTeX in the browser, or at build
/// time) receives these spans, through `MathHTML`.
struct MathSpan: Equatable {
  /// The TeX between the dollar signs, unchanged (block-quote markers of continuation lines removed).
  var tex: String
  /// `$$…$$` (display) rather than `$…$` (inline).
  var display: Bool
  /// `eq-…` from a `{#eq-…}` written right after a display formula's closing `$$`.
  var label: String?
  /// Where the formula starts.
  var location: ChapterLocation
}

/// An `@fig-…`, `@eq-…`, `@sec-…` or `@tbl-…` cross-reference found in prose.
struct ReferenceSite: Equatable {
  var label: String
  var location: ChapterLocation
}

/// Markdown with math, cross-references and citations replaced by placeholders, and what was taken out.
struct ScannedMarkdown: Equatable {
  var markdown: String
  var maths: [MathSpan]
  var references: [ReferenceSite]
  var citations: [CitationSite] = []
}

/// Takes math and cross-references out of Markdown, leaving code (blocks and spans), autolinks and raw
/// HTML untouched.
///
/// Dollar signs follow pandoc's `tex_math_dollars` rules: an opening `$` has a non-space character
/// right after it, a closing `$` has a non-space character right before it and no digit right after
/// it, so "costs $5 and $10" stays text. `\$` is a literal dollar. Inline math never leaves its leaf
/// block (paragraph, heading, table cell, as cmark-gfm parses the blocks) and never contains a code
/// span, autolink or HTML tag, so one stray dollar affects nothing beyond its paragraph. `$$…$$` is
/// display math: it may span lines (even ones cmark would read as list items, like `+ b`), never a
/// blank line or code; an unclosed `$$` is an error.
struct MathAndReferenceScanner {
  /// Prefixes of labels that `@label` can refer to.
  static let referencePrefixes = ["fig-", "eq-", "sec-", "tbl-"]

  private let scalars: [Unicode.Scalar]
  private let spans: InlineSpans
  private let blocks: BlockMap
  /// Scalar index where each line starts.
  private let lineStarts: [Int]
  private let file: String
  private let firstLine: Int
  private var lineIndex = 0
  private var position = 0
  private var output = String.UnicodeScalarView()
  private var maths: [MathSpan] = []
  private var references: [ReferenceSite] = []
  private var citations: [CitationSite] = []

  /// Scans `markdown`, whose first line is line `firstLine` of `file`.
  static func scan(_ markdown: String, file: String, firstLine: Int) throws(WeaveError)
    -> ScannedMarkdown
  {
    var scanner = MathAndReferenceScanner(markdown, file: file, firstLine: firstLine)
    try scanner.run()
    return ScannedMarkdown(
      markdown: String(scanner.output), maths: scanner.maths, references: scanner.references,
      citations: scanner.citations)
  }

  private init(_ markdown: String, file: String, firstLine: Int) {
    let scalars = Array(markdown.unicodeScalars)
    self.scalars = scalars
    spans = InlineSpans(scalars: scalars)
    blocks = BlockMap(markdown)
    lineStarts = [0] + scalars.indices.filter { scalars[$0] == "\n" }.map { $0 + 1 }
    self.file = file
    self.firstLine = firstLine
  }

  // MARK: - Main loop

  private mutating func run() throws(WeaveError) {
    while position < scalars.count {
      if isAtLineStart, blocks.kind(ofLine: lineIndex) == .verbatim {
        copy(count: lineEnd(of: lineIndex) - position)
        continue
      }
      switch scalars[position] {
      case "\\":
        copy(count: min(2, scalars.count - position))
      case "`":
        let end = spans.codeSpanEnd(at: position, limit: leafEnd())
        copy(count: (end ?? position + spans.backtickRunLength(at: position)) - position)
      case "<":
        copy(count: (spans.tagEnd(at: position, limit: leafEnd()) ?? position + 1) - position)
      case "[" where peek(1) != "^":
        takeCitationGroupOrCopy()
      case "]" where peek(1) == "(":
        copy(count: (spans.linkDestinationEnd(at: position + 1, limit: leafEnd()) ?? position + 1) - position)
      case "$" where peek(1) == "$":
        try takeDisplayMath()
      case "$":
        takeInlineMathOrCopy()
      case "@":
        takeReferenceOrCopy()
      default:
        copy(count: 1)
      }
    }
  }

  private var isAtLineStart: Bool { position == lineStarts[lineIndex] }

  private var location: ChapterLocation { ChapterLocation(file: file, line: firstLine + lineIndex) }

  private func peek(_ offset: Int) -> Unicode.Scalar? {
    let index = position + offset
    return index >= 0 && index < scalars.count ? scalars[index] : nil
  }

  /// The index just past the `\n` ending 0-based `line` (or the end of the text).
  private func lineEnd(of line: Int) -> Int {
    line + 1 < lineStarts.count ? lineStarts[line + 1] : scalars.count
  }

  /// The end (exclusive) of the leaf the scanner is in: its paragraph or heading, its table cell
  /// (up to an unescaped `|`), or its line.
  private func leafEnd() -> Int {
    switch blocks.kind(ofLine: lineIndex) {
    case .text(let block):
      var line = lineIndex + 1
      while line < lineStarts.count, blocks.kind(ofLine: line) == .text(block: block) { line += 1 }
      return lineEnd(of: line - 1)
    case .tableRow:
      var index = position + 1
      while index < lineEnd(of: lineIndex), scalars[index] != "|" {
        index += scalars[index] == "\\" ? 2 : 1
      }
      return min(index, lineEnd(of: lineIndex))
    case .boundary, .verbatim:
      return lineEnd(of: lineIndex)
    }
  }

  /// The end of the lines display math may span: up to a blank line or code.
  private func displayExtentEnd() -> Int {
    var line = lineIndex
    while line + 1 < lineStarts.count {
      let next = blocks.kind(ofLine: line + 1)
      guard next != .boundary, next != .verbatim else { break }
      line += 1
    }
    return lineEnd(of: line)
  }

  private mutating func copy(count: Int) {
    for scalar in scalars[position..<(position + count)] {
      output.append(scalar)
    }
    advance(by: count)
  }

  private mutating func advance(by count: Int) {
    position += count
    while lineIndex + 1 < lineStarts.count, lineStarts[lineIndex + 1] <= position { lineIndex += 1 }
  }

  // MARK: - Math

  private mutating func takeDisplayMath() throws(WeaveError) {
    let start = location
    let limit = displayExtentEnd()
    var search = position + 2
    while search + 1 < limit, !(scalars[search] == "$" && scalars[search + 1] == "$") {
      search += scalars[search] == "\\" ? 2 : 1
    }
    guard search + 1 < limit else { throw .unclosedDisplayMath(at: start) }
    let tex = self.tex(from: position + 2, to: search)
    advance(by: search + 2 - position)
    let label = takeAttributeLabel()
    appendMath(MathSpan(tex: tex, display: true, label: label, location: start))
  }

  /// The id of a `{#id}` that follows on the same line after optional spaces, consumed; nil if none.
  private mutating func takeAttributeLabel() -> String? {
    var index = position
    while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    guard index + 1 < scalars.count, scalars[index] == "{", scalars[index + 1] == "#",
      let close = scalars[index...].firstIndex(where: { $0 == "}" || $0 == "\n" }),
      scalars[close] == "}"
    else { return nil }
    let label = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
    guard !label.isEmpty, label.unicodeScalars.allSatisfy(Self.isLabelScalar) else { return nil }
    advance(by: close + 1 - position)
    return label
  }

  private mutating func takeInlineMathOrCopy() {
    guard let next = peek(1), !next.properties.isWhitespace, let close = inlineMathEnd() else {
      copy(count: 1)
      return
    }
    let start = location
    let tex = self.tex(from: position + 1, to: close)
    advance(by: close + 1 - position)
    appendMath(MathSpan(tex: tex, display: false, label: nil, location: start))
  }

  /// Index of the `$` closing inline math opened at `position`, by pandoc's rules, inside the leaf;
  /// nil if none comes before the leaf ends or a code span, autolink or HTML tag begins.
  private func inlineMathEnd() -> Int? {
    let limit = leafEnd()
    var index = position + 1
    while index < limit {
      switch scalars[index] {
      case "\\":
        index += 2
      case "`" where spans.codeSpanEnd(at: index, limit: limit) != nil:
        return nil
      case "`":
        index += spans.backtickRunLength(at: index)
      case "<" where spans.tagEnd(at: index, limit: limit) != nil:
        return nil
      case "$":
        let digitFollows = index + 1 < scalars.count && ("0"..."9").contains(scalars[index + 1])
        if !scalars[index - 1].properties.isWhitespace, !digitFollows { return index }
        index += 1
      default:
        index += 1
      }
    }
    return nil
  }

  /// The TeX between two indices: a table cell's `\|` is a `|` (GFM escapes pipes in cells), and
  /// continuation lines inside block quotes lose their `>` markers.
  private func tex(from start: Int, to end: Int) -> String {
    var lines: [String] = []
    var line = lineIndex
    var lineStart = start
    while lineStart < end || lines.isEmpty {
      let lineStop = min(end, lineEnd(of: line))
      var text = String(String.UnicodeScalarView(scalars[lineStart..<lineStop]))
      if line > lineIndex, blocks.quoteDepths[line] > 0 {
        for _ in 0..<blocks.quoteDepths[line] {
          text = String(text.drop { $0 == " " || $0 == "\t" })
          if text.hasPrefix(">") { text.removeFirst() }
        }
      }
      if blocks.kind(ofLine: line) == .tableRow { text = text.replacing("\\|", with: "|") }
      lines.append(text)
      lineStart = lineStop
      line += 1
    }
    return lines.joined()
  }

  private mutating func appendMath(_ math: MathSpan) {
    output.append(contentsOf: Placeholder(kind: .math, index: maths.count).token.unicodeScalars)
    maths.append(math)
  }

  // MARK: - Cross-references

  private mutating func takeReferenceOrCopy() {
    let previous = peek(-1)
    guard previous.map({ !Self.isLabelScalar($0) && $0 != "@" }) ?? true else {
      copy(count: 1)
      return
    }
    var end = position + 1
    while end < scalars.count, Self.isLabelScalar(scalars[end]) { end += 1 }
    // A label ends in a letter or digit: "see @fig-moons." keeps its full stop.
    while end > position + 1, !scalars[end - 1].properties.isAlphabetic,
      !("0"..."9").contains(scalars[end - 1])
    {
      end -= 1
    }
    let written = String(String.UnicodeScalarView(scalars[(position + 1)..<end]))
    if let label = Self.crossReferenceLabel(written) {
      output.append(
        contentsOf: Placeholder(kind: .reference, index: references.count).token.unicodeScalars)
      references.append(ReferenceSite(label: label, location: location))
    } else if let first = written.unicodeScalars.first, first.properties.isAlphabetic || first == "_" {
      appendCitation(CitationSite(items: [CitationItem(key: written)], bracketed: false, location: location))
    } else {
      copy(count: 1)
      return
    }
    advance(by: end - position)
  }

  /// `fig-a` for `fig-a` or `Fig-a` (a capital at the start of a sentence); nil if `written` has no
  /// cross-reference prefix.
  static func crossReferenceLabel(_ written: String) -> String? {
    let label = written.prefix(1).lowercased() + written.dropFirst()
    return referencePrefixes.contains { label.hasPrefix($0) && label.count > $0.count } ? label : nil
  }

  // MARK: - Citations

  /// `[@key]`, `[see @a, p. 3; -@b]`: a bracketed group whose every `;`-separated part holds one
  /// `@key` (`-@key` drops the author, or shows a cross-reference's bare number), inside the leaf and
  /// not followed by `(`, `[` or `:` (a link). Anything else is copied as text.
  private mutating func takeCitationGroupOrCopy() {
    let limit = leafEnd()
    guard
      let close = scalars[(position + 1)..<limit].firstIndex(where: { $0 == "]" || $0 == "[" }),
      scalars[close] == "]", !(close + 1 < scalars.count && "([:".unicodeScalars.contains(scalars[close + 1]))
    else {
      copy(count: 1)
      return
    }
    let content = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
    var items: [CitationItem] = []
    for part in content.split(separator: ";", omittingEmptySubsequences: false) {
      guard let match = part.wholeMatch(of: Self.citationPart) else {
        copy(count: 1)
        return
      }
      var key = String(match.3)
      if let label = Self.crossReferenceLabel(key) { key = label }
      let locator = match.4.trimmingCharacters(in: .whitespacesAndNewlines)
      items.append(
        CitationItem(
          key: key, prefix: (match.1 ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
          locator: locator.hasPrefix(",") ? String(locator.dropFirst()).trimmingCharacters(in: .whitespaces) : locator,
          suppressAuthor: !match.2.isEmpty))
    }
    appendCitation(CitationSite(items: items, bracketed: true, location: location))
    advance(by: close + 1 - position)
  }

  nonisolated(unsafe) private static let citationPart =
    /\s*(?:([^@]*?)\s+)?(-?)@([\p{L}\p{N}_](?:[\p{L}\p{N}_:.\-]*[\p{L}\p{N}_])?)((?:\s*,[^@]*|\s+[^@]*)?)\s*/

  private mutating func appendCitation(_ site: CitationSite) {
    output.append(contentsOf: Placeholder(kind: .citation, index: citations.count).token.unicodeScalars)
    citations.append(site)
  }

  /// Letters, digits and `-_.:` — the characters of a label (pandoc's citation-key characters).
  static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
      || "-_.:".unicodeScalars.contains(scalar)
  }
}
