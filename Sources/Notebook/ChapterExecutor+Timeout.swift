import Foundation

extension ChapterExecutor {
  /// After the cell `stopped` was stopped by its timeout, runs the cells after it in a fresh program that
  /// replays the cells before it (their code, not their output: what they show comes from the first run), so
  /// a timeout stops only its own cell. Each further timeout among the later cells does the same again.
  ///
  /// When the later cells do not compile without the stopped cell (they use what it defines), they are marked
  /// not run, with that reason.
  func runAfterTimeout(
    of stopped: Int, _ chapter: Chapter, _ program: [Cell], _ first: ChapterRun, in workDirectory: String,
    report: (ChapterProgress) -> Void
  ) throws -> ChapterRun {
    var run = first
    var skipped: Set<Int> = [stopped]
    var last = stopped
    let displays = workDirectory + "/displays"
    let replayDisplays = workDirectory + "/displays-replay"
    while program.contains(where: { $0.index > last }) {
      let later = program.filter { $0.index > last }.map(\.index)
      let stoppedCell = chapter.cells[last]
      let place = "\(chapter.file):\(stoppedCell.line)"
      let replay = program.filter { !skipped.contains($0.index) }
      let failures = try compile(chapter, replay, inline: false, in: workDirectory, report: report)
      guard failures.cells.isEmpty else {
        for index in later where run.cells[index].status == .notRun {
          run.cells[index].notRunReason =
            "the cell at \(place) was stopped by its timeout, and this cell uses what it defines"
        }
        break
      }
      try? FileManager.default.removeItem(atPath: replayDisplays)
      try FileManager.default.createDirectory(atPath: replayDisplays, withIntermediateDirectories: true)
      let (again, timedOut) = try execute(
        chapter, replay, keeping: ChapterRun(cellCount: chapter.cells.count), displays: replayDisplays,
        in: workDirectory, report: report)
      // A later cell that failed stops the ones after it, as in any run; else the replay itself failed.
      var failedLater: String?
      for index in later {
        run.cells[index] = again.cells[index]
        let cell = chapter.cells[index]
        if run.cells[index].status == .error, !cell.options.expectsError, failedLater == nil {
          failedLater = "\(chapter.file):\(cell.line + (run.cells[index].diagnostics.first?.lineOffset ?? 0))"
        }
        if run.cells[index].status == .notRun, timedOut != index {
          run.cells[index].notRunReason =
            failedLater.map { "an earlier cell failed (\($0))" }
            ?? "the cell at \(place) was stopped by its timeout, and replaying the cells before it failed"
        }
        try moveDisplays(ofCell: index, from: replayDisplays, to: displays)
      }
      guard let timedOut, timedOut > last else { break }
      skipped.insert(timedOut)
      last = timedOut
    }
    try? FileManager.default.removeItem(atPath: replayDisplays)
    run.isReproducible = false
    return run
  }

  /// Moves the figures and full-output files of cell `index` (named `cell<index>-…`) from `source` to `target`.
  private func moveDisplays(ofCell index: Int, from source: String, to target: String) throws {
    for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasPrefix("cell\(index)-") {
      try? FileManager.default.removeItem(atPath: target + "/" + name)
      try FileManager.default.moveItem(atPath: source + "/" + name, toPath: target + "/" + name)
    }
  }
}
