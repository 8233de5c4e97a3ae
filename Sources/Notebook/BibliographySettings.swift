/// A bibliography file named by `bibliography:` in `chapters/book.yml`, read.
public struct BibliographyFile: Sendable, Equatable {
  /// The path relative to the book folder, e.g. `chapters/references.bib`, for error messages.
  public var path: String
  /// The file's text (BibTeX, or CSL YAML for `.yaml`).
  public var text: String

  /// A bibliography file and its text.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// How citations look (`citation-style:` in `chapters/book.yml`).
public enum CitationStyle: String, Sendable, Equatable {
  /// `[3]`, the works numbered in order of first citation.
  case numeric
  /// `(Dinh et al. 2017)`, the reference list sorted by author.
  case authorYear = "author-year"
}
