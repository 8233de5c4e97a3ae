/// A TeX formula taken out of Markdown before cmark-gfm sees it (cmark would eat `\\`, `_` and `\{`).
struct MathSpan: Equatable {
  /// The TeX between the dollar signs, unchanged.
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

/// Markdown with math and cross-references replaced by placeholders, and what was taken out.
struct ScannedMarkdown: Equatable {
  var markdown: String
  var maths: [MathSpan]
  var references: [ReferenceSite]
}

/// Takes math and cross-references out of Markdown, leaving code spans and fenced code untouched.
///
/// Dollar signs follow pandoc's `tex_math_dollars` rules: an opening `$` has a non-space character
/// right after it, a closing `$` has a non-space character right before it and no digit right after
/// it, and inline math never crosses a blank line, so "costs $5 and $10" stays text. `\$` is a literal
/// dollar. `$$…$$` is display math and may span lines; an unclosed `$$` is an error.
struct MathAndReferenceScanner {
  /// Prefixes of labels that `@label` can refer to.
  static let referencePrefixes = ["fig-", "eq-", "sec-", "tbl-"]

  private let scalars: [Unicode.Scalar]
  private let file: String
  private var line: Int
  private var position = 0
  private var output = String.UnicodeScalarView()
  private var maths: [MathSpan] = []
  private var references: [ReferenceSite] = []

  /// Scans `markdown`, whose first line is line `firstLine` of `file`.
  static func scan(_ markdown: String, file: String, firstLine: Int) throws(WeaveError)
    -> ScannedMarkdown
  {
    var scanner = MathAndReferenceScanner(
      scalars: Array(markdown.unicodeScalars), file: file, line: firstLine)
    try scanner.run()
    return ScannedMarkdown(
      markdown: String(scanner.output), maths: scanner.maths, references: scanner.references)
  }

  private init(scalars: [Unicode.Scalar], file: String, line: Int) {
    self.scalars = scalars
    self.file = file
    self.line = line
  }

  // MARK: - Main loop

  private mutating func run() throws(WeaveError) {
    while position < scalars.count {
      if isAtLineStart, let fenceLength = codeFenceLength(at: position) {
        copyFencedCode(fenceLength: fenceLength)
        continue
      }
      switch scalars[position] {
      case "\\":
        copy(count: min(2, scalars.count - position))
      case "`":
        copyCodeSpan()
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

  private var isAtLineStart: Bool { position == 0 || scalars[position - 1] == "\n" }

  private func peek(_ offset: Int) -> Unicode.Scalar? {
    let index = position + offset
    return index >= 0 && index < scalars.count ? scalars[index] : nil
  }

  private mutating func copy(count: Int) {
    for scalar in scalars[position..<(position + count)] {
      output.append(scalar)
      if scalar == "\n" { line += 1 }
    }
    position += count
  }

  private mutating func skip(count: Int) {
    line += scalars[position..<(position + count)].count { $0 == "\n" }
    position += count
  }

  // MARK: - Code is copied verbatim

  /// Length of the backtick or tilde fence opening a fenced code block at `index`, if one does.
  private func codeFenceLength(at index: Int) -> Int? {
    var start = index
    while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
    guard start < scalars.count, scalars[start] == "`" || scalars[start] == "~" else { return nil }
    let fence = scalars[start]
    var end = start
    while end < scalars.count, scalars[end] == fence { end += 1 }
    return end - start >= 3 ? end - start : nil
  }

  private mutating func copyFencedCode(fenceLength: Int) {
    let fence = scalars[scalars[position...].firstIndex { $0 != " " && $0 != "\t" }!]
    copyRestOfLine()
    while position < scalars.count {
      if let length = codeFenceLength(at: position), length >= fenceLength,
        scalars[scalars[position...].firstIndex { $0 != " " && $0 != "\t" }!] == fence
      {
        copyRestOfLine()
        return
      }
      copyRestOfLine()
    }
  }

  private mutating func copyRestOfLine() {
    let end = scalars[position...].firstIndex(of: "\n").map { $0 + 1 } ?? scalars.count
    copy(count: end - position)
  }

  private mutating func copyCodeSpan() {
    let runLength = backtickRunLength(at: position)
    var search = position + runLength
    while search < scalars.count {
      if scalars[search] == "`" {
        let closing = backtickRunLength(at: search)
        if closing == runLength {
          copy(count: search + closing - position)
          return
        }
        search += closing
      } else {
        search += 1
      }
    }
    copy(count: runLength)
  }

  private func backtickRunLength(at index: Int) -> Int {
    var end = index
    while end < scalars.count, scalars[end] == "`" { end += 1 }
    return end - index
  }

  // MARK: - Math

  private mutating func takeDisplayMath() throws(WeaveError) {
    let location = ChapterLocation(file: file, line: line)
    var search = position + 2
    while search + 1 < scalars.count, !(scalars[search] == "$" && scalars[search + 1] == "$") {
      search += scalars[search] == "\\" ? 2 : 1
    }
    guard search + 1 < scalars.count else { throw .unclosedDisplayMath(at: location) }
    let tex = String(String.UnicodeScalarView(scalars[(position + 2)..<search]))
    skip(count: search + 2 - position)
    let label = takeAttributeLabel()
    appendMath(MathSpan(tex: tex, display: true, label: label, location: location))
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
    skip(count: close + 1 - position)
    return label
  }

  private mutating func takeInlineMathOrCopy() {
    guard let next = peek(1), !next.properties.isWhitespace, let close = inlineMathEnd() else {
      copy(count: 1)
      return
    }
    let location = ChapterLocation(file: file, line: line)
    let tex = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
    skip(count: close + 1 - position)
    appendMath(MathSpan(tex: tex, display: false, label: nil, location: location))
  }

  /// Index of the `$` closing inline math opened at `position`, by pandoc's rules; nil if none.
  private func inlineMathEnd() -> Int? {
    var index = position + 1
    var newlinesSinceText = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" {
        newlinesSinceText += 1
        if newlinesSinceText == 2 { return nil }
      } else if !scalar.properties.isWhitespace {
        newlinesSinceText = 0
      }
      if scalar == "\\" {
        index += 2
        continue
      }
      if scalar == "$", !scalars[index - 1].properties.isWhitespace,
        index + 1 >= scalars.count || !("0"..."9").contains(scalars[index + 1])
      {
        return index
      }
      index += 1
    }
    return nil
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
    let label = String(String.UnicodeScalarView(scalars[(position + 1)..<end]))
    guard Self.referencePrefixes.contains(where: { label.hasPrefix($0) && label.count > $0.count })
    else {
      copy(count: 1)
      return
    }
    output.append(
      contentsOf: Placeholder(kind: .reference, index: references.count).token.unicodeScalars)
    references.append(
      ReferenceSite(label: label, location: ChapterLocation(file: file, line: line)))
    skip(count: end - position)
  }

  /// Letters, digits and `-_.:` — the characters of a label (pandoc's citation-key characters).
  static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
      || "-_.:".unicodeScalars.contains(scalar)
  }
}
