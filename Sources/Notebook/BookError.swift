/// A mistake in a book's files (book.yml, front matter, cell options, includes), located at a file and line.
public struct BookError: Error, CustomStringConvertible, Equatable {
  /// The file, relative to the book, e.g. `chapters/book.yml`.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// What is wrong and what would be right.
  public var message: String

  /// An error at `file` (and `line`).
  public init(file: String, line: Int? = nil, _ message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: error: message`, the form editors and terminals link to.
  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message)"
  }
}
