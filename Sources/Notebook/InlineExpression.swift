/// `` `{swift} expr` `` in a chapter's prose (Quarto's inline code, knitr's `` `r expr` ``): a Swift
/// expression evaluated after the chapter's cells, with their variables in scope, whose `description`
/// is printed in its place.
public struct InlineExpression: Sendable, Equatable {
  /// The expression, e.g. `steps * 2`.
  public var code: String
  /// 1-based chapter line of the expression.
  public var line: Int
  /// 1-based column (in UTF-8 bytes, as the compiler counts) of the expression's first character.
  public var column: Int

  /// Marks a code span as an inline expression: `` `{swift} …` ``.
  public static let marker = "{swift}"

  /// Every inline expression of `prose`, whose first line is chapter line `firstLine`, in order;
  /// code spans inside fenced code blocks are code, not expressions.
  public static func scan(_ prose: String, firstLine: Int) -> [InlineExpression] {
    spans(in: prose, firstLine: firstLine).map(\.expression)
  }

  /// `prose` with each inline expression's code span replaced by `replacement(expression)`, or kept
  /// when that is nil.
  public static func replacing(
    in prose: String, firstLine: Int, with replacement: (InlineExpression) -> String?
  ) -> String {
    var lines = prose.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
    // From the last span back, so earlier byte ranges on the same line stay valid.
    for span in spans(in: prose, firstLine: firstLine).reversed() {
      guard let text = replacement(span.expression) else { continue }
      lines[span.expression.line - firstLine].replaceSubrange(span.range, with: Array(text.utf8))
    }
    return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
  }

  /// An expression and the byte range of its whole code span (backticks included) on its line.
  private struct Span {
    var expression: InlineExpression
    var range: Range<Int>
  }

  private static func spans(in prose: String, firstLine: Int) -> [Span] {
    var spans: [Span] = []
    var fence: (character: UInt8, length: Int)?
    for (offset, line) in prose.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let bytes = Array(line.utf8)
      if let opening = fenceRun(bytes) {
        if let open = fence {
          if opening.character == open.character, opening.length >= open.length { fence = nil }
        } else {
          fence = opening
        }
        continue
      }
      guard fence == nil else { continue }
      spans += codeSpans(in: bytes, line: firstLine + offset)
    }
    return spans
  }

  /// The backtick or tilde run opening (or closing) a fenced code block on this line, if any.
  private static func fenceRun(_ bytes: [UInt8]) -> (character: UInt8, length: Int)? {
    let start = bytes.firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.count
    guard start <= 3, start < bytes.count, bytes[start] == UInt8(ascii: "`") || bytes[start] == UInt8(ascii: "~")
    else { return nil }
    let length = bytes[start...].prefix { $0 == bytes[start] }.count
    return length >= 3 ? (bytes[start], length) : nil
  }

  /// Code spans on one line whose content starts with `{swift} `.
  private static func codeSpans(in bytes: [UInt8], line: Int) -> [Span] {
    let backtick = UInt8(ascii: "`")
    var spans: [Span] = []
    var index = 0
    while index < bytes.count {
      guard bytes[index] == backtick else {
        index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        continue
      }
      let opening = bytes[index...].prefix { $0 == backtick }.count
      let contentStart = index + opening
      var search = contentStart
      var closing: Int?
      while search < bytes.count {
        let run = bytes[search...].prefix { $0 == backtick }.count
        if run == opening {
          closing = search
          break
        }
        search += max(run, 1)
      }
      guard let end = closing else {
        index = contentStart
        continue
      }
      if let expression = expression(in: bytes[contentStart..<end], line: line) {
        spans.append(Span(expression: expression, range: index..<(end + opening)))
      }
      index = end + opening
    }
    return spans
  }

  /// The expression of a code span's `content` (a slice of its line), if it starts with `{swift} `.
  private static func expression(in content: ArraySlice<UInt8>, line: Int) -> InlineExpression? {
    var body = content.drop { $0 == UInt8(ascii: " ") }
    guard body.starts(with: marker.utf8) else { return nil }
    body = body.dropFirst(marker.utf8.count)
    guard body.first == UInt8(ascii: " ") else { return nil }
    body = body.drop { $0 == UInt8(ascii: " ") }
    while body.last == UInt8(ascii: " ") { body = body.dropLast() }
    guard !body.isEmpty else { return nil }
    return InlineExpression(
      code: String(decoding: body, as: UTF8.self), line: line, column: body.startIndex + 1)
  }
}
