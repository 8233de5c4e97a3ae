import Foundation
import Plot
import PlotCairo

/// What a running chapter program tells the notebook engine, through its standard output.
///
/// An event is `prefix` + one JSON object + newline, e.g. `{"event":"begin-cell","cell":2}`; it may follow
/// printed text that did not end its line. Everything else on standard output is the cell's printed text.
/// Events: `begin-cell` (cell), `figure` (name), `markdown`/`latex` (text), `table` (header, rows),
/// `progress` (step, total, message), `isolated-end` (cell, status, stderr), `check` (name, passed, message,
/// file, line), `exercise` (name, file, line: an unfinished exercise stopped the chapter).
public enum DisplayProtocol {
  /// Marks an event; an ASCII record separator never appears in ordinary printed text.
  public static let prefix = "\u{1E}flowbook:"
  /// Environment variable naming the folder where displays (figures) are written.
  public static let outputDirectoryVariable = "FLOWBOOK_DISPLAY_DIR"
}

/// The cell currently running, so displays are named after it.
nonisolated(unsafe) var currentCell = 0
nonisolated(unsafe) private var figuresInCell = 0

/// Called by the generated chapter program before each cell, so output is attributed to it.
public func _beginCell(_ index: Int) {
  currentCell = index
  figuresInCell = 0
  emit(["event": "begin-cell", "cell": index])
}

/// Shows `figure` below the current cell, drawn with Cairo as SVG (for the page) and 2× PNG (fallback
/// and thumbnails); the cell's `label` and `fig-cap` options name and caption it in the report.
/// A figure that cannot be drawn (e.g. mismatched x and y) fails the cell with the plot's message, at the
/// caller's chapter line (`file` and `line` default to it).
public func show(_ figure: Figure, file: StaticString = #filePath, line: UInt = #line) {
  let directory = ProcessInfo.processInfo.environment[DisplayProtocol.outputDirectoryVariable] ?? "."
  figuresInCell += 1
  let stem = "cell\(currentCell)-fig\(figuresInCell)"
  do {
    try CairoRenderer.writeSVG(figure, to: directory + "/" + stem + ".svg")
    try CairoRenderer.writePNG(figure, to: directory + "/" + stem + ".png", scale: 2)
  } catch {
    fatalError("show(figure): \(error)", file: (file), line: line)
  }
  emit(["event": "figure", "name": stem + ".svg"])
}

/// Shows Markdown below the current cell, rendered like the chapter's prose.
public func show(markdown: String) {
  emit(["event": "markdown", "text": markdown])
}

/// Shows a LaTeX display equation below the current cell (without `$$` or `\[`).
public func show(latex: String) {
  emit(["event": "latex", "text": latex])
}

/// Shows a table below the current cell.
public func show(_ table: Table) {
  emit(["event": "table", "header": table.header, "rows": table.rows])
}

/// Writes one event line, flushing printed text first so it stays before the event.
func emit(_ event: [String: Any]) {
  fflush(nil)
  guard let json = try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]) else { return }
  FileHandle.standardOutput.write(Data(DisplayProtocol.prefix.utf8) + json + Data("\n".utf8))
}
