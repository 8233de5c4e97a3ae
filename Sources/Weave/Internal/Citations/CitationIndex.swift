import Notebook

/// The book's bibliography: every entry of its `bibliography:` files by key, and the citation style.
struct Bibliography {
  var entries: [String: BibliographyEntry] = [:]
  var style: CitationStyle = .numeric

  /// An empty bibliography: every `[@key]` is then an unknown key.
  init() {}

  /// Parses the book's BibTeX (`.bib`) and CSL YAML (`.yaml`) files; a key defined twice is an error
  /// naming both places.
  init(files: [BibliographyFile], style: CitationStyle) throws(WeaveError) {
    self.style = style
    for file in files {
      let isBibTeX = file.path.hasSuffix(".bib")
      let parsed =
        try isBibTeX
        ? BibTeXParser.parse(file.text, file: file.path) : CSLYAMLReader.parse(file.text, file: file.path)
      for entry in parsed {
        if let first = entries[entry.key] {
          throw .duplicateLabel(entry.key, at: entry.location, firstDefinedAt: first.location)
        }
        entries[entry.key] = entry
      }
    }
  }
}

/// The works the book cites, numbered in order of first citation (numeric style) or labelled by
/// authors and year, with "2017a", "2017b" telling apart one author's works of a year.
struct CitationIndex {
  let bibliography: Bibliography
  /// Cited keys in order of first citation in the book.
  private(set) var cited: [String] = []
  private var numbers: [String: Int] = [:]
  private var years: [String: String] = [:]

  init(bibliography: Bibliography) {
    self.bibliography = bibliography
  }

  /// Records a citation of `key` (known to the bibliography).
  mutating func cite(_ key: String) {
    guard numbers[key] == nil else { return }
    cited.append(key)
    numbers[key] = cited.count
    let entry = bibliography.entries[key]!
    let clashes = cited.filter { other in
      let work = bibliography.entries[other]!
      return work.shortAuthors == entry.shortAuthors && work.year == entry.year
    }
    guard clashes.count > 1 else {
      years[key] = entry.year
      return
    }
    for (offset, other) in clashes.enumerated() {
      years[other] = entry.year + String(UnicodeScalar(UInt8(ascii: "a") + UInt8(offset % 26)))
    }
  }

  /// The entry of a cited `key`.
  func entry(_ key: String) -> BibliographyEntry? { bibliography.entries[key] }

  /// "3" for the third work cited.
  func number(of key: String) -> Int { numbers[key] ?? 0 }

  /// "2017", or "2017a" when the same authors have two cited works of 2017.
  func year(of key: String) -> String { years[key] ?? bibliography.entries[key]?.year ?? "" }

  /// `keys` in the order of the reference list: by number, or by authors and year.
  func sorted(_ keys: [String]) -> [String] {
    switch bibliography.style {
    case .numeric: return keys.sorted { number(of: $0) < number(of: $1) }
    case .authorYear:
      return keys.sorted { a, b in
        let left = sortKey(a)
        let right = sortKey(b)
        return left == right ? a < b : left.lexicographicallyPrecedes(right)
      }
    }
  }

  private func sortKey(_ key: String) -> [String] {
    let entry = bibliography.entries[key]!
    return entry.authors.map { $0.family.lowercased() + " " + $0.given.lowercased() } + [year(of: key)]
  }
}
