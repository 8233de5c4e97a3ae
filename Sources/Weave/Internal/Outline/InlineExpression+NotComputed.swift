import Notebook

extension InlineExpression {
  /// The expression as code followed by a visible "⚠ not computed: reason", as Markdown: a reader never
  /// takes the code for a value, nor a missing value for a computed one.
  func notComputedMarkdown(reason: String) -> String {
    let text = InlineExpression.marker + " " + code
    // A code span's fence is one backtick longer than any run of backticks inside it.
    let longestRun = text.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
    let fence = String(repeating: "`", count: longestRun + 1)
    return "<span class=\"inline-not-computed\">\(fence) \(text) \(fence) ⚠ not computed: "
      + "\(reason.markdownLiteral)</span>"
  }
}
