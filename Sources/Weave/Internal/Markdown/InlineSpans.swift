/// The inline constructs that take precedence over math (CommonMark's code spans, autolinks and raw
/// HTML): where each one that starts at an index ends, so a scanner can copy it or stop at it.
struct InlineSpans {
  let scalars: [Unicode.Scalar]

  /// The length of the run of backticks at `index`.
  func backtickRunLength(at index: Int) -> Int {
    var end = index
    while end < scalars.count, scalars[end] == "`" { end += 1 }
    return end - index
  }

  /// The end (exclusive) of the code span opened by the backtick run at `index`, closed by a run of
  /// the same length before `limit`; nil when the run is literal backticks.
  func codeSpanEnd(at index: Int, limit: Int) -> Int? {
    let runLength = backtickRunLength(at: index)
    var search = index + runLength
    while search < limit {
      guard scalars[search] == "`" else {
        search += 1
        continue
      }
      let closing = backtickRunLength(at: search)
      if closing == runLength { return min(search + closing, limit) }
      search += closing
    }
    return nil
  }

  /// The end (exclusive) of an autolink (`<https://…>`, `<a@b.org>`) or raw HTML tag or comment
  /// starting with the `<` at `index` and ending before `limit`; nil if none starts there.
  func tagEnd(at index: Int, limit: Int) -> Int? {
    guard index < limit, scalars[index] == "<" else { return nil }
    let end = min(limit, index + 2000)
    let text = String(String.UnicodeScalarView(scalars[index..<end]))
    guard let match = text.prefixMatch(of: Self.tag) else { return nil }
    return index + text[..<match.range.upperBound].unicodeScalars.count
  }

  /// The end (exclusive) of a link destination `(…)` starting at the `(` at `index` (parentheses
  /// balanced, `\)` escaped), so a URL is never read as math; nil if it does not close before `limit`.
  func linkDestinationEnd(at index: Int, limit: Int) -> Int? {
    var depth = 0
    var search = index
    while search < limit {
      switch scalars[search] {
      case "\\": search += 1
      case "(": depth += 1
      case ")":
        depth -= 1
        if depth == 0 { return search + 1 }
      default: break
      }
      search += 1
    }
    return nil
  }

  nonisolated(unsafe) private static let tag =
    /<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+\/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*|[A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:\-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?|\/[A-Za-z][A-Za-z0-9\-]*\s*|!--(?:[^-]|-[^-])*--)>/
}
