/// A place in a chapter: `chapters/<file>.md` and a 1-based line.
public struct ChapterLocation: Sendable, Equatable, CustomStringConvertible {
  /// The chapter's path as the parser was given it, e.g. `chapters/02-flows.md`.
  public var file: String
  /// The 1-based line in `file`.
  public var line: Int

  /// The location of `line` in `file`.
  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// `file:line`, the form editors and terminals turn into a link.
  public var description: String { "\(file):\(line)" }
}

/// A mistake in the book that stops weaving; each case names the chapter line to fix.
public enum WeaveError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `@label` names no figure, equation, section or table anywhere in the book; `suggestion` is the
  /// book's closest label, if one is close.
  case undefinedReference(String, at: ChapterLocation, suggestion: String? = nil)
  /// The same label is defined twice.
  case duplicateLabel(String, at: ChapterLocation, firstDefinedAt: ChapterLocation)
  /// A label's prefix does not fit what it labels (e.g. `{#fig-x}` after an equation).
  case misplacedLabel(String, expectedPrefix: String, at: ChapterLocation)
  /// `$$` opens display math that is never closed.
  case unclosedDisplayMath(at: ChapterLocation)
  /// A citation names a key the bibliography does not hold.
  case unknownCitation(String, at: ChapterLocation)
  /// A bibliography file cannot be read as BibTeX.
  case badBibliography(String, at: ChapterLocation)
  /// KaTeX cannot typeset a formula; `message` is KaTeX's own.
  case mathError(String, tex: String, at: ChapterLocation)
  /// Node.js ran KaTeX but did not answer as expected.
  case mathRendererFailed(reason: String)
  /// `::: {…}` opens a fenced div (a callout) that is never closed with `:::`.
  case unclosedDiv(at: ChapterLocation)
  /// `:::` closes a fenced div that was never opened.
  case unopenedDivClose(at: ChapterLocation)
  /// A figure a cell showed is missing from the chapter's display folder.
  case missingFigure(String, at: ChapterLocation)
  /// KaTeX or highlight.js is not installed where the report copies it from.
  case missingAsset(path: String, package: String)
  /// The report folder could not be written.
  case cannotWrite(path: String, reason: String)
  /// No `chromium` on the `PATH` (needed for `--pdf`).
  case chromiumNotFound
  /// Chromium ran but produced no PDF (or did not finish in time); `reason` holds its last words.
  case pdfExportFailed(reason: String)
  /// Chromium could not be started.
  case chromiumFailed(reason: String)

  /// One line: `chapters/x.md:12: error: …`, or how to install a missing package.
  public var description: String {
    switch self {
    case .undefinedReference(let label, let location, let suggestion):
      "\(location): error: @\(label) refers to no label in the book"
        + (suggestion.map { "; did you mean @\($0)?" }
          ?? " (define it with {#\(label)} or //| label: \(label))")
    case .duplicateLabel(let label, let location, let first):
      "\(location): error: label \(label) is already defined at \(first)"
    case .misplacedLabel(let label, let prefix, let location):
      "\(location): error: label \(label) should start with \(prefix) here"
    case .unclosedDisplayMath(let location):
      "\(location): error: $$ opens display math that is never closed (write \\$ for a literal dollar)"
    case .unknownCitation(let key, let location):
      "\(location): error: @\(key) is not a key of the bibliography (book.yml: bibliography:); write \\@ for a literal @"
    case .badBibliography(let message, let location):
      "\(location): error: \(message)"
    case .mathError(let message, let tex, let location):
      "\(location): error: \(message) (in the formula $\(tex)$)"
    case .mathRendererFailed(let reason):
      "error: typesetting math with KaTeX in Node.js failed: \(reason)"
    case .unclosedDiv(let location):
      "\(location): error: this ::: div (callout) is never closed; end it with a line holding only :::"
    case .unopenedDivClose(let location):
      "\(location): error: ::: closes no open div (a callout opens with ::: {.callout-note})"
    case .missingFigure(let path, let location):
      "\(location): error: the cell's figure \(path) does not exist"
    case .missingAsset(let path, let package):
      "error: \(path) not found; install the Debian package \(package) (scripts/setup.sh does)"
    case .cannotWrite(let path, let reason):
      "error: cannot write the report to \(path): \(reason)"
    case .chromiumNotFound:
      "error: chromium not found on PATH; install the Debian package chromium (scripts/setup.sh --browser does)"
    case .pdfExportFailed(let reason):
      "error: PDF export with headless Chromium failed: \(reason)"
    case .chromiumFailed(let reason):
      "error: headless Chromium failed: \(reason)"
    }
  }
}
