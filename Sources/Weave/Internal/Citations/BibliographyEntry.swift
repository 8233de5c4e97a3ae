/// One work a chapter can cite, from the book's bibliography.
struct BibliographyEntry: Equatable {
  /// The citation key, e.g. `dinh2017`.
  var key: String
  /// The BibTeX entry type, lower case: `article`, `inproceedings`, `book`, `misc`, …
  var type: String
  var authors: [PersonName]
  /// Fields with LaTeX turned into text, by lower-case name: `title`, `year`, `journal`, `booktitle`,
  /// `volume`, `number`, `pages`, `publisher`, `doi`, `url`, `eprint`, `note`, ….
  var fields: [String: String]
  /// Where the entry starts in its file.
  var location: ChapterLocation

  /// The year, or "n.d." when the entry has none.
  var year: String { fields["year"] ?? "n.d." }

  /// "Dinh", "Kingma and Dhariwal", "Dinh et al.": the authors as a citation names them.
  var shortAuthors: String {
    switch authors.count {
    case 0: fields["title"] ?? key
    case 1: authors[0].family
    case 2: "\(authors[0].family) and \(authors[1].family)"
    default: "\(authors[0].family) et al."
    }
  }
}

/// A person's name split as BibTeX does: "Sohl-Dickstein, Jascha" and "Jascha Sohl-Dickstein" both
/// give family "Sohl-Dickstein", given "Jascha"; "van den Berg" particles stay with the family name.
struct PersonName: Equatable {
  var given: String
  var family: String
  /// `others` in an author list: "et al.".
  var isOthers: Bool { family == "others" && given.isEmpty }

  /// "Laurent Dinh".
  var displayName: String { given.isEmpty ? family : "\(given) \(family)" }

  /// Splits one name of a BibTeX author list (already split at ` and `), braces still in place.
  init(bibTeX name: String) {
    let parts = BibTeXText.splitTopLevel(name, separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if parts.count >= 2 {
      family = BibTeXText.plain(parts[0])
      given = BibTeXText.plain(parts.count == 3 ? parts[2] : parts[1])
      return
    }
    let words = BibTeXText.splitTopLevel(name, separator: " ").filter { !$0.isEmpty }
    guard words.count > 1 else {
      family = BibTeXText.plain(name)
      given = ""
      return
    }
    // "Rianne van den Berg": the family name starts at the first lower-case word (a particle), else it is the last word.
    let particle = words.dropFirst().firstIndex { word in word.first.map { $0.isLowercase } ?? false }
    let split = particle.map { min($0, words.count - 1) } ?? words.count - 1
    family = BibTeXText.plain(words[split...].joined(separator: " "))
    given = BibTeXText.plain(words[..<split].joined(separator: " "))
  }

  init(given: String, family: String) {
    self.given = given
    self.family = family
  }
}
