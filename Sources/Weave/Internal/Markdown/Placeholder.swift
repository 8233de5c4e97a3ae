/// A token that stands in for math, a cross-reference, a citation or a heading anchor while cmark-gfm renders the
/// Markdown around it, and is replaced by HTML afterwards.
///
/// Tokens are built from Unicode private-use characters, which never occur in chapter text and which
/// cmark-gfm passes through untouched (they are neither punctuation nor whitespace, so emphasis and
/// autolink rules treat them like letters).
struct Placeholder: Equatable {
  /// What the token stands for.
  enum Kind: Character {
    case math = "m"
    case reference = "r"
    case heading = "h"
    case citation = "c"
    case footnote = "f"
  }

  var kind: Kind
  /// Position in the list of extracted items of that kind.
  var index: Int

  private static let open: Character = "\u{E000}"
  private static let close: Character = "\u{E001}"

  /// The token as it appears in Markdown and in the HTML cmark-gfm produces.
  var token: String { "\(Self.open)\(kind.rawValue)\(index)\(Self.close)" }

  /// `text` with every token replaced by `replacement(placeholder)`; other text is kept as it is.
  static func replacing(in text: String, with replacement: (Placeholder) throws -> String) rethrows
    -> String
  {
    guard text.contains(open) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var rest = text[...]
    while let start = rest.firstIndex(of: open) {
      result += rest[..<start]
      let body = rest[rest.index(after: start)...]
      guard let end = body.firstIndex(of: close), let kindCharacter = body.first,
        let kind = Kind(rawValue: kindCharacter),
        let index = Int(body[body.index(after: body.startIndex)..<end])
      else {
        result.append(open)
        rest = body
        continue
      }
      result += try replacement(Placeholder(kind: kind, index: index))
      rest = body[body.index(after: end)...]
    }
    result += rest
    return result
  }
}
