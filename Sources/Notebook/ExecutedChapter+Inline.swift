import Foundation

extension ExecutedChapter {
  /// Why `expression` (one of `chapter.inlineExpressions`) has no value, e.g. "a cell of this chapter failed
  /// (chapters/x.md:14)", for the page and the terminal; nil when it has one.
  public func inlineNotComputedReason(for expression: InlineExpression) -> String? {
    guard let index = chapter.inlineExpressions.firstIndex(of: expression) else { return nil }
    guard index >= inlineValues.count || inlineValues[index] == nil else { return nil }
    if inlineErrors[index] != nil {
      return "this expression failed (\(chapter.file):\(expression.line):\(expression.column))"
    }
    if let failure = unexpectedFailures.first {
      // A failure inside the shared source is still located at its cell in this chapter.
      let line = failure.result.error?.file == chapter.file ? failure.result.error?.line : nil
      let location = "\(chapter.file):\(line ?? failure.cell.line)"
      if let exercise = failure.result.unfinishedExercise {
        return "exercise \(exercise) is not done yet (\(location))"
      }
      return "a cell of this chapter failed (\(location))"
    }
    if let other = inlineErrors.keys.min(), chapter.inlineExpressions.indices.contains(other) {
      let failed = chapter.inlineExpressions[other]
      return "another inline expression failed (\(chapter.file):\(failed.line):\(failed.column))"
    }
    // A chapter this build did not run says so in its cells' reasons ("this chapter was not built (…)").
    if let reason = results.lazy.compactMap(\.notRunReason).first {
      return String(reason.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
    }
    return "the chapter's program stopped before it"
  }

  /// The chapter's inline expressions that have no value, each with the reason (`inlineNotComputedReason`).
  public var inlineNotComputed: [(expression: InlineExpression, reason: String)] {
    chapter.inlineExpressions.compactMap { expression in
      inlineNotComputedReason(for: expression).map { (expression, $0) }
    }
  }
}
