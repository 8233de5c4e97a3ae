import Foundation

/// BibTeX field text to plain Unicode: accents (`{\"u}`, `\'e`, `\c{c}`), special letters (`\o`,
/// `\ss`), escaped characters (`\&`), dashes (`--`), ties (`~`) and protective braces.
enum BibTeXText {
  /// `text` as a reader sees it.
  static func plain(_ text: String) -> String {
    var result = ""
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "\\":
        index = command(in: characters, at: index, into: &result)
        continue
      case "{", "}":
        break
      case "~":
        result.append("\u{00A0}")
      case "-" where index + 2 < characters.count && characters[index + 1] == "-" && characters[index + 2] == "-":
        result.append("—")
        index += 2
      case "-" where index + 1 < characters.count && characters[index + 1] == "-":
        result.append("–")
        index += 1
      case "`" where index + 1 < characters.count && characters[index + 1] == "`":
        result.append("“")
        index += 1
      case "'" where index + 1 < characters.count && characters[index + 1] == "'":
        result.append("”")
        index += 1
      case "\n", "\t", "\r":
        result.append(" ")
      default:
        result.append(character)
      }
      index += 1
    }
    return result.replacing(spaces, with: " ").trimmingCharacters(in: .whitespaces)
      .precomposedStringWithCanonicalMapping
  }

  private static let accents: [Character: Character] = [
    "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}",
    "=": "\u{0304}", ".": "\u{0307}", "c": "\u{0327}", "v": "\u{030C}", "u": "\u{0306}",
    "H": "\u{030B}", "k": "\u{0328}", "r": "\u{030A}",
  ]
  private static let letters: [String: String] = [
    "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
  ]

  /// Reads the command at `index` (a backslash), appends its text, returns the index after it.
  private static func command(in characters: [Character], at index: Int, into result: inout String) -> Int {
    var next = index + 1
    guard next < characters.count else { return next }
    let first = characters[next]
    if let mark = accents[first], !(first.isLetter && next + 1 < characters.count && characters[next + 1].isLetter) {
      next += 1
      while next < characters.count, characters[next] == " " { next += 1 }
      var base = ""
      if next < characters.count, characters[next] == "{" {
        let close = characters[next...].firstIndex(of: "}") ?? characters.count
        base = String(characters[(next + 1)..<close])
        next = min(close + 1, characters.count)
      } else if next < characters.count, characters[next] == "\\" {
        var end = next + 1
        while end < characters.count, characters[end].isLetter { end += 1 }
        base = String(characters[next..<end])
        next = end
      } else if next < characters.count {
        base = String(characters[next])
        next += 1
      }
      if base == "\\i" || base == "\\j" { base = String(base.dropFirst()) }
      result += plain(base) + String(mark)
      return next
    }
    guard first.isLetter else {
      result.append(first)  // \& \% \$ \# \_ \{ \} and a control space
      return next + 1
    }
    var end = next
    while end < characters.count, characters[end].isLetter { end += 1 }
    let name = String(characters[next..<end])
    if let letter = letters[name] { result += letter }
    // Other commands (\emph, \textit, \textsc, …) keep only their argument.
    while end < characters.count, characters[end] == " ", letters[name] != nil { end += 1 }
    return end
  }

  /// `text` split at `separator` outside braces.
  static func splitTopLevel(_ text: String, separator: Character) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      if character == "{" { depth += 1 }
      if character == "}" { depth -= 1 }
      if character == separator, depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    return parts
  }

  /// An author list split at ` and ` outside braces (any case, any spacing).
  static func names(_ text: String) -> [String] {
    let words = splitTopLevel(text.replacing(whitespace, with: " "), separator: " ")
    var names: [[String]] = [[]]
    for word in words where !word.isEmpty {
      if word.lowercased() == "and" { names.append([]) } else { names[names.count - 1].append(word) }
    }
    return names.map { $0.joined(separator: " ") }.filter { !$0.isEmpty }
  }

  // Regex literals are kept once: one written in a function body is compiled again on every call.
  nonisolated(unsafe) private static let spaces = /\ {2,}/
  nonisolated(unsafe) private static let whitespace = /\s+/
}
