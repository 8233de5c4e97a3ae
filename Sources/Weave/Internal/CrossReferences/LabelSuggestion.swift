/// The "did you mean @fig-data?" of an unknown reference: the book's label nearest to a misspelt one.
enum LabelSuggestion {
  /// The label of `labels` with the fewest edits from `label`, when that is at most a third of its
  /// length (at least 2) — close enough to be a typo; ties go to the label first in sorted order.
  static func closest(to label: String, among labels: some Sequence<String>) -> String? {
    let limit = max(2, label.count / 3)
    var best: (label: String, distance: Int)?
    for candidate in labels.sorted() {
      let distance = editDistance(Array(label), Array(candidate))
      if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    return best?.label
  }

  /// Levenshtein distance: insertions, deletions and substitutions of one character each cost 1.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, y) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
