/// Collects the book's labels in reading order, numbers figures, tables and equations per book, and
/// hands out unique anchor ids for headings that have no label.
struct LabelRegistry {
  private(set) var targets: [String: CrossReferenceTarget] = [:]
  private var usedIDs: Set<String>
  private var figureCount = 0
  private var tableCount = 0
  private var equationCount = 0

  /// A registry whose generated ids avoid `reservedIDs` (anchors the page layout uses itself).
  init(reservedIDs: [String]) {
    usedIDs = Set(reservedIDs)
  }

  /// Registers a heading's `{#label}` as a section target.
  mutating func defineSection(
    _ label: String, level: Int, number: String?, title: String, pageName: String,
    at location: ChapterLocation
  ) throws(WeaveError) {
    for prefix in ["fig-", "tbl-", "eq-"] where label.hasPrefix(prefix) {
      throw .misplacedLabel(label, expectedPrefix: "sec-", at: location)
    }
    try define(
      CrossReferenceTarget(
        kind: .section(level: level), number: number, title: title, pageName: pageName, id: label,
        location: location))
  }

  /// Registers a display equation's `{#eq-…}` and returns its number, e.g. "(3)".
  mutating func defineEquation(
    _ label: String, tex: String? = nil, pageName: String, at location: ChapterLocation
  )
    throws(WeaveError)
    -> String
  {
    guard label.hasPrefix("eq-") else {
      throw .misplacedLabel(label, expectedPrefix: "eq-", at: location)
    }
    equationCount += 1
    let number = "(\(equationCount))"
    try define(
      CrossReferenceTarget(
        kind: .equation, number: number, pageName: pageName, id: label, location: location,
        preview: tex))
    return number
  }

  /// Registers a cell's `label:` (`fig-…` or `tbl-…`, which the cell-option parser enforces) and
  /// returns its kind and number.
  mutating func defineCell(_ label: String, pageName: String, at location: ChapterLocation)
    throws(WeaveError)
    -> (kind: CrossReferenceTarget.Kind, number: String)
  {
    let numbered: (kind: CrossReferenceTarget.Kind, number: String)
    if label.hasPrefix("fig-") {
      figureCount += 1
      numbered = (.figure, "\(figureCount)")
    } else if label.hasPrefix("tbl-") {
      tableCount += 1
      numbered = (.table, "\(tableCount)")
    } else {
      throw .misplacedLabel(label, expectedPrefix: "fig- or tbl-", at: location)
    }
    try define(
      CrossReferenceTarget(
        kind: numbered.kind, number: numbered.number, pageName: pageName, id: label,
        location: location))
    return numbered
  }

  private mutating func define(_ target: CrossReferenceTarget) throws(WeaveError) {
    if let existing = targets[target.id] {
      throw .duplicateLabel(target.id, at: target.location, firstDefinedAt: existing.location)
    }
    targets[target.id] = target
    usedIDs.insert(target.id)
  }

  /// A new anchor id made from `text` ("Coupling layers" → `coupling-layers`), unique in the book
  /// and never equal to a label; call after every label is defined.
  mutating func makeUniqueID(from text: String) -> String {
    var slug = ""
    for character in text.lowercased() {
      if character.isASCII, character.isLetter || character.isNumber {
        slug.append(character)
      } else if !slug.isEmpty, slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.last == "-" { slug.removeLast() }
    let base = slug.isEmpty ? "section" : slug
    var candidate = base
    var suffix = 2
    while usedIDs.contains(candidate) {
      candidate = "\(base)-\(suffix)"
      suffix += 1
    }
    usedIDs.insert(candidate)
    return candidate
  }
}
