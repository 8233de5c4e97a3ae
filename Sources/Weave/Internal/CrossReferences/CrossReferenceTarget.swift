/// Something a label names: where it lives and the number a reference to it shows.
struct CrossReferenceTarget: Equatable {
  /// What the label is attached to.
  enum Kind: Equatable {
    case figure, table, equation
    /// A heading; `level` 1 is a chapter title.
    case section(level: Int)
  }

  var kind: Kind
  /// "4" for Figure 4, "(3)" for Equation (3), "2.1" for Section 2.1; nil when unnumbered.
  var number: String?
  /// Title of an unnumbered section, shown instead of a number.
  var title: String?
  /// The chapter page holding the target, e.g. `02-flows.html`.
  var pageName: String
  /// The `id` of the target's element, the same in the chapter page and in the print version.
  var id: String
  /// Where the label is defined.
  var location: ChapterLocation
  /// An equation's TeX, shown in a tooltip over links to it.
  var preview: String?

  /// What `@label` shows: "Figure 4", "Equation (3)", "Section 2.1", "Chapter 2", "Table 1".
  var referenceText: String {
    switch kind {
    case .figure: "Figure \(number ?? "")"
    case .table: "Table \(number ?? "")"
    case .equation: "Equation \(number ?? "")"
    case .section(let level):
      if let number { level == 1 ? "Chapter \(number)" : "Section \(number)" } else { title ?? id }
    }
  }
}
