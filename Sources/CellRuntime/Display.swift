import Foundation
import Plot
import PlotCairo

/// What a running chapter program tells the notebook engine, one line on standard output each.
///
/// Lines starting with `DisplayProtocol.prefix` are events; everything else is the cell's printed output.
public enum DisplayProtocol {
  /// Marks an event line; an ASCII record separator never appears in ordinary printed text.
  public static let prefix = "\u{1E}flowbook:"
  /// Environment variable naming the folder where displays (figures) are written.
  public static let outputDirectoryVariable = "FLOWBOOK_DISPLAY_DIR"
}

/// Tracks the cell currently running so displays are named after it.
nonisolated(unsafe) private var currentCell = 0
nonisolated(unsafe) private var displaysInCell = 0

/// Called by the generated chapter program before each cell; flushes output so it lands in the right cell.
public func _beginCell(_ index: Int) {
  emit("begin-cell \(index)")
  currentCell = index
  displaysInCell = 0
}

/// Shows a figure in the report below the current cell.
public func show(_ figure: Figure) {
  let directory = ProcessInfo.processInfo.environment[DisplayProtocol.outputDirectoryVariable] ?? "."
  displaysInCell += 1
  let name = "cell\(currentCell)-fig\(displaysInCell).svg"
  do {
    try CairoRenderer.writeSVG(figure, to: directory + "/" + name)
    emit("figure \(name)")
  } catch {
    FileHandle.standardError.write(Data("show(figure) failed: \(error)\n".utf8))
  }
}

private func emit(_ event: String) {
  fflush(nil)
  print(DisplayProtocol.prefix + event)
  fflush(nil)
}
