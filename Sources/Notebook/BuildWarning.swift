/// Something in a book that is probably a mistake but leaves the report correct, e.g. a chapter file
/// that `book.yml` does not list. Warnings are printed, listed in `build.json` and never fail a build.
public struct BuildWarning: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The file, relative to the book, e.g. `chapters/09-extra.md`.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// What looks wrong and how to silence it.
  public var message: String

  /// A warning at `file` (and `line`).
  public init(file: String, line: Int? = nil, _ message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: warning: message`, the form editors and terminals link to (`warning: message` for a
  /// warning about the build rather than a file, whose `file` is empty).
  public var description: String {
    file.isEmpty ? "warning: \(message)" : "\(file)\(line.map { ":\($0)" } ?? ""): warning: \(message)"
  }
}
