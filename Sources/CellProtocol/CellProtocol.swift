/// The contract between `flowbook build` (module `Notebook`) and a running chapter program (module
/// `CellRuntime`): the environment the engine sets, the line prefix of the events the program prints, and the
/// profile both sides name. Written once here, imported by both sides.
///
/// An event is `displayPrefix` + one JSON object + newline on the program's standard output, e.g.
/// `{"event":"begin-cell","cell":2}`; it may follow printed text that did not end its line. Everything else
/// on standard output is the running cell's printed text.
public enum CellProtocol {
  /// Marks an event line; an ASCII record separator never appears in ordinary printed text.
  public static let displayPrefix = "\u{1E}flowbook:"

  /// Rows of a `show(Table)` sent to the page; the event says how many more were left out (`omittedRows`).
  public static let tableRowLimit = 1000
  /// Characters of a `show(markdown:)` sent to the page; the event says how many more were left out
  /// (`omittedCharacters`).
  public static let markdownCharacterLimit = 200_000

  /// How thoroughly a chapter should work: `--quick` for fast drafts, `--full` (the default) for the report.
  public enum Profile: String, Sendable, CaseIterable {
    case quick, full
  }

  /// Environment variables the engine sets for the chapter program.
  public enum Variable {
    /// The folder where the program writes its displays (figures).
    public static let displayDirectory = "FLOWBOOK_DISPLAY_DIR"
    /// The folder the chapters of one build share (`Build.sharedDirectory`).
    public static let sharedDirectory = "FLOWBOOK_SHARED_DIR"
    /// `-P` parameters as `key=value` lines.
    public static let parameters = "FLOWBOOK_PARAMETERS"
    /// `quick` or `full`.
    public static let profile = "FLOWBOOK_PROFILE"
    /// The build's random seed, an integer.
    public static let seed = "FLOWBOOK_SEED"
    /// Each cell's memory limit in bytes, comma-separated by cell index (0: none).
    public static let memoryLimits = "FLOWBOOK_MEMORY_LIMITS"
    /// The folder where `memo(…)` keeps its values (`<book>/.flowbook-cache/memo`).
    public static let memoDirectory = "FLOWBOOK_MEMO_DIR"
    /// Each cell's memo key, comma-separated by cell index: a digest of everything a value computed in that cell
    /// can depend on (the chapter's code up to and including the cell, the shared and exported sources, the
    /// library, the compiler, profile, seed and `-P` parameters).
    public static let memoKeys = "FLOWBOOK_MEMO_KEYS"
    /// `1` when every `memo(…)` must compute its value again and store it (`flowbook build --force`).
    public static let memoRecompute = "FLOWBOOK_MEMO_RECOMPUTE"
  }

  /// The `event` names of event lines, with the fields each carries.
  public enum Event: String, Sendable, CaseIterable {
    /// `cell`: output from now on belongs to this cell (0-based index).
    case beginCell = "begin-cell"
    /// `name`: a figure file written to the display directory.
    case figure
    /// `text`: Markdown to render; `omittedCharacters` when it was cut.
    case markdown
    /// `text`: a LaTeX display equation.
    case latex
    /// `header`, `rows`: a table; `omittedRows` when it was cut.
    case table
    /// `step`, `total`, `message`: progress for the terminal only.
    case progress
    /// `cell`, `failed`, `stderr`: how a cell run in a forked copy (`error: true`) ended.
    case isolatedEnd = "isolated-end"
    /// `name`, `file`: the chapter read the `-P` parameter `name` (`*`: it read them all) in `file` (the chapter's
    /// or the shared source's path), once per name and file.
    case parameterRead = "parameter-read"
    /// `name`, `passed`, `message`, `file`, `line`: a `check(…)` verdict, located at the call.
    case check
    /// `name`, `file`, `line`: an unfinished exercise's stub was reached; the program ends after it.
    case exercise
    /// `index`: the chapter's `index`-th inline expression is being evaluated (a trap from now on is its).
    case beginInline = "begin-inline"
    /// `index`, `text`: the value of the chapter's `index`-th inline expression (`` `{swift} expr` ``).
    case inlineValue = "inline-value"
    /// `message`, `file`, `line`: something the author should know that leaves the page right, e.g. a stored
    /// `memo` value that could not be read and was computed again; a build warning at that line.
    case warning
  }
}
