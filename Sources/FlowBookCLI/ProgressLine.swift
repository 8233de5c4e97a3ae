import Flows
import Foundation

/// A one-line, self-overwriting progress display on stderr: step, loss, elapsed time and ETA.
enum ProgressLine {
  /// Redraws the line for `progress` of a flow running `engine` (e.g. `Flow.engineSummary`).
  static func show(_ progress: TrainingProgress, engine: String) {
    let line = String(
      format: "\rstep %d/%d  loss %.4f  %.1fs elapsed  ETA %.1fs  engine %@   ",
      progress.step, progress.steps, progress.loss, progress.elapsed, progress.remaining, engine)
    FileHandle.standardError.write(Data(line.utf8))
  }

  /// Ends the line so later output starts on a fresh one.
  static func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}
