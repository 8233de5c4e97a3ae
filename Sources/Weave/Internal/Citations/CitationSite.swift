/// One work (or one cross-reference) inside a citation: `see @dinh2017, p. 3`.
struct CitationItem: Equatable {
  /// The citation key, or a cross-reference label such as `fig-moons`.
  var key: String
  /// Text before the key: "see".
  var prefix = ""
  /// Text after the key, without its comma: "p. 3".
  var locator = ""
  /// `-@key`: the year only (author-year), or a cross-reference's bare number.
  var suppressAuthor = false
}

/// A citation found in prose: `[@a; @b, p. 3]` (bracketed) or `@a` in running text.
///
/// A bare `@word` is only a candidate: it cites when `word` is a key of the bibliography, is an error
/// when it looks like a key (it holds a digit, like `dinh2017`), and is left as text otherwise (an
/// attribute such as `@MainActor` in prose). A bracketed group always cites.
struct CitationSite: Equatable {
  var items: [CitationItem]
  var bracketed: Bool
  var location: ChapterLocation
}
