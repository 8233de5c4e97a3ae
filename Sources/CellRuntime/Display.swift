import CellProtocol
import Foundation
import Plot
import PlotCairo

// What a running chapter program tells the engine goes through its standard output as event lines
// (`CellProtocol`); everything else printed there is the current cell's text.

/// The cell currently running, so displays are named after it.
nonisolated(unsafe) var currentCell = 0
nonisolated(unsafe) private var figuresInCell = 0

/// Called by the generated chapter program before each cell, so output is attributed to it.
public func _beginCell(_ index: Int) {
  currentCell = index
  figuresInCell = 0
  applyMemoryLimit(forCell: index)
  emit(.beginCell, ["cell": index])
}

/// Shows `figure` below the current cell, drawn with Cairo as SVG (for the page) and 2× PNG (fallback
/// and thumbnails); the cell's `label` and `fig-cap` options name and caption it in the report.
/// A figure that cannot be drawn (e.g. mismatched x and y) fails the cell with the plot's message, at the
/// caller's chapter line (`file` and `line` default to it).
public func show(_ figure: Figure, file: StaticString = #filePath, line: UInt = #line) {
  let directory = displayDirectory
  figuresInCell += 1
  let stem = "cell\(currentCell)-fig\(figuresInCell)"
  do {
    try CairoRenderer.writeSVG(figure, to: directory + "/" + stem + ".svg")
    try CairoRenderer.writePNG(figure, to: directory + "/" + stem + ".png", scale: 2)
  } catch {
    fatalError("show(figure): \(error)", file: (file), line: line)
  }
  emit(.figure, ["name": stem + ".svg"])
}

/// Shows Markdown below the current cell, rendered like the chapter's prose; a text longer than
/// `CellProtocol.markdownCharacterLimit` is cut, with a note.
public func show(markdown: String) {
  let shown = markdown.prefix(CellProtocol.markdownCharacterLimit)
  emit(.markdown, ["text": String(shown), "omittedCharacters": markdown.count - shown.count])
}

/// Shows a LaTeX display equation below the current cell (without `$$` or `\[`).
public func show(latex: String) {
  emit(.latex, ["text": latex])
}

/// Shows a table below the current cell; its first `CellProtocol.tableRowLimit` rows, with a note of the rest.
public func show(_ table: Table) {
  let rows = table.rows.prefix(CellProtocol.tableRowLimit)
  emit(.table, ["header": table.header, "rows": Array(rows), "omittedRows": table.rows.count - rows.count])
}

/// The folder displays (figures) are written to, set by the engine.
var displayDirectory: String {
  ProcessInfo.processInfo.environment[CellProtocol.Variable.displayDirectory] ?? "."
}

/// Writes one event line, flushing printed text first so it stays before the event.
func emit(_ event: CellProtocol.Event, _ fields: [String: Any]) {
  if [.figure, .markdown, .latex, .table, .check].contains(event) { runningMemos.last?.noteDisplay() }
  fflush(nil)
  let object = fields.merging(["event": event.rawValue]) { $1 }
  guard let json = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
  FileHandle.standardOutput.write(Data(CellProtocol.displayPrefix.utf8) + json + Data("\n".utf8))
}
