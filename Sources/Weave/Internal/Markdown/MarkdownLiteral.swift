extension String {
  /// The text as Markdown that shows exactly this text: every ASCII punctuation character
  /// backslash-escaped (so `*`, `_`, `` ` ``, `<`, `$` and `@` stay characters, not emphasis, code, HTML,
  /// math or references) and line breaks made spaces, so the text stays inline.
  var markdownLiteral: String {
    var escaped = ""
    for character in self {
      if character == "\n" || character == "\r" {
        escaped.append(" ")
      } else {
        if character.isASCII, character.isPunctuation || character.isSymbol { escaped.append("\\") }
        escaped.append(character)
      }
    }
    return escaped
  }
}
