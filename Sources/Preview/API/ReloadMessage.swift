/// The JSON `data:` of a `reload` (and `status`) event on `/_flowbook/events`.
///
/// `{"pages": ["02-coupling.html"], "ok": true, "failures": [], "warnings": []}`: the pages whose HTML changed
/// in this rebuild, whether it succeeded, for a failed one each failed cell (or the book error) to list, and
/// the build's warnings (a chapter `book.yml` does not list, a `-P` no chapter reads…), which never fail it.
public struct ReloadMessage: Codable, Sendable, Equatable {
  /// File names, inside `output/`, of the pages that changed (e.g. `index.html`).
  public var pages: [String]
  /// Whether the build succeeded; when not, the previous good pages are still served.
  public var ok: Bool
  /// What failed, in chapter order; empty when `ok`.
  public var failures: [BuildFailure]
  /// The build's warnings, each at its `file:line` like a failure (`file` empty for one about the build).
  public var warnings: [BuildFailure]

  /// A message for a finished rebuild.
  public init(pages: [String], ok: Bool, failures: [BuildFailure] = [], warnings: [BuildFailure] = []) {
    self.pages = pages
    self.ok = ok
    self.failures = failures
    self.warnings = warnings
  }
}

/// One thing that made a rebuild fail: a cell at `chapters/x.md:line`, or a book error (bad YAML, an
/// unknown label) whose message already names its file and line.
public struct BuildFailure: Codable, Sendable, Equatable {
  /// `chapters/<file>.md`, or empty when `message` names the place itself.
  public var file: String
  /// 1-based line in `file`, where known.
  public var line: Int?
  /// The error text as the terminal shows it.
  public var message: String

  /// A failure at `file:line` with `message`.
  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `chapters/x.md:12`, or `chapters/x.md`, or empty.
  public var location: String {
    file.isEmpty ? "" : line.map { "\(file):\($0)" } ?? file
  }
}
