/// Reads a BibTeX file: `@type{key, field = value, …}` entries (braces or parentheses), values in
/// braces or quotes, numbers, `@string` macros and the month names, `#` concatenation; `@comment`
/// and `@preamble` are skipped, and text outside entries is a comment, as in BibTeX.
struct BibTeXParser {
  private let characters: [Character]
  private let file: String
  private var index = 0
  private var line = 1
  private var macros: [String: String] = [
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
    "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November",
    "dec": "December",
  ]

  /// The entries of `text`, the contents of `file`, in order.
  static func parse(_ text: String, file: String) throws(WeaveError) -> [BibliographyEntry] {
    var parser = BibTeXParser(characters: Array(text), file: file)
    return try parser.entries()
  }

  private init(characters: [Character], file: String) {
    self.characters = characters
    self.file = file
  }

  private var location: ChapterLocation { ChapterLocation(file: file, line: line) }

  private func error(_ message: String) -> WeaveError { .badBibliography(message, at: location) }

  // MARK: - Entries

  private mutating func entries() throws(WeaveError) -> [BibliographyEntry] {
    var entries: [BibliographyEntry] = []
    while let at = characters[index...].firstIndex(of: "@") {
      advance(to: at + 1)
      let start = location
      let type = identifier().lowercased()
      skipSpace()
      guard index < characters.count, characters[index] == "{" || characters[index] == "(" else {
        continue  // an @ in a comment
      }
      let close: Character = characters[index] == "{" ? "}" : ")"
      advance(to: index + 1)
      switch type {
      case "comment":
        try skipBalanced(until: close)
      case "preamble":
        _ = try value()
        try expect(close)
      case "string":
        skipSpace()
        let name = identifier().lowercased()
        try expect("=")
        macros[name] = try value()
        try expect(close)
      default:
        entries.append(try entry(type: type, close: close, at: start))
      }
    }
    return entries
  }

  private mutating func entry(type: String, close: Character, at start: ChapterLocation) throws(WeaveError)
    -> BibliographyEntry
  {
    skipSpace()
    var key = ""
    while index < characters.count, !",\n \t".contains(characters[index]), characters[index] != close {
      key.append(characters[index])
      advance(to: index + 1)
    }
    guard !key.isEmpty else { throw error("@\(type) entry without a citation key") }
    var raw: [String: String] = [:]
    while true {
      skipSpace()
      guard index < characters.count else { throw .badBibliography("entry \(key) is never closed", at: start) }
      if characters[index] == close {
        advance(to: index + 1)
        break
      }
      try expect(",")
      skipSpace()
      if index < characters.count, characters[index] == close { continue }
      let name = identifier().lowercased()
      guard !name.isEmpty else { throw error("expected a field name in entry \(key)") }
      try expect("=")
      raw[name] = try value()
    }
    var fields = raw.mapValues(BibTeXText.plain)
    fields["author"] = nil
    let authors = (raw["author"] ?? raw["editor"]).map { BibTeXText.names($0).map(PersonName.init(bibTeX:)) } ?? []
    for url in ["url", "doi"] { fields[url] = raw[url]?.replacing(/[{}]/, with: "") }
    return BibliographyEntry(key: key, type: type, authors: authors, fields: fields, location: start)
  }

  // MARK: - Values

  /// A value: parts in braces or quotes, numbers or macro names, joined by `#`.
  private mutating func value() throws(WeaveError) -> String {
    var text = ""
    repeat {
      skipSpace()
      guard index < characters.count else { throw error("expected a value") }
      switch characters[index] {
      case "{":
        advance(to: index + 1)
        text += try balanced(until: "}")
      case "\"":
        advance(to: index + 1)
        text += try balanced(until: "\"")
      default:
        let word = identifier()
        guard !word.isEmpty else { throw error("expected a value in braces, quotes, a number or a @string name") }
        if word.allSatisfy(\.isNumber) {
          text += word
        } else if let macro = macros[word.lowercased()] {
          text += macro
        } else {
          throw error("unknown @string name '\(word)'")
        }
      }
      skipSpace()
    } while consume("#")
    return text
  }

  /// The text up to `end` at brace depth 0 (the braces inside kept), consuming `end`.
  private mutating func balanced(until end: Character) throws(WeaveError) -> String {
    let start = location
    var depth = 0
    var text = ""
    while index < characters.count {
      let character = characters[index]
      if character == end, depth == 0 {
        advance(to: index + 1)
        return text
      }
      if character == "\\", index + 1 < characters.count {
        text.append(character)
        advance(to: index + 1)
        text.append(characters[index])
        advance(to: index + 1)
        continue
      }
      if character == "{" { depth += 1 }
      if character == "}" {
        guard depth > 0 else { throw error("unbalanced } in a value") }
        depth -= 1
      }
      text.append(character)
      advance(to: index + 1)
    }
    throw .badBibliography("a value is never closed (unbalanced braces or quotes)", at: start)
  }

  private mutating func skipBalanced(until end: Character) throws(WeaveError) {
    _ = try balanced(until: end)
  }

  // MARK: - Tokens

  private mutating func identifier() -> String {
    var word = ""
    while index < characters.count,
      characters[index].isLetter || characters[index].isNumber || "_-:.+/'".contains(characters[index])
    {
      word.append(characters[index])
      advance(to: index + 1)
    }
    return word
  }

  private mutating func skipSpace() {
    while index < characters.count, characters[index].isWhitespace { advance(to: index + 1) }
  }

  private mutating func consume(_ character: Character) -> Bool {
    skipSpace()
    guard index < characters.count, characters[index] == character else { return false }
    advance(to: index + 1)
    return true
  }

  private mutating func expect(_ character: Character) throws(WeaveError) {
    guard consume(character) else {
      let found = index < characters.count ? "'\(characters[index])'" : "the end of the file"
      throw error("expected '\(character)', found \(found)")
    }
  }

  private mutating func advance(to newIndex: Int) {
    line += characters[index..<min(newIndex, characters.count)].count(where: \.isNewline)
    index = min(newIndex, characters.count)
  }
}
