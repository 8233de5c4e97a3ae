import Foundation
import Notebook

/// One status line per chapter on the terminal: cached, compiling, running cell k of n, done in t s.
///
/// On a terminal the lines are redrawn in place; otherwise (a pipe, CI) each change is printed once.
final class ProgressBoard: @unchecked Sendable {
  private let lock = NSLock()
  private let files: [String]
  private var states: [String]
  /// Redraw in place only on a terminal, and only while the board fits on a screen.
  private let redraws: Bool
  private var drawn = false
  private var lastProgressLine: [Int: Date] = [:]

  init(files: [String]) {
    self.files = files
    states = files.map { _ in "waiting" }
    redraws = isatty(STDOUT_FILENO) == 1 && files.count <= 20
  }

  /// Sets chapter `index`'s status; `isProgress` marks frequent updates, printed at most every 2 s off-terminal.
  func update(_ index: Int, _ state: String, isProgress: Bool = false) {
    guard !Interruption.isInterrupted else { return }
    lock.withLock {
      states[index] = state
      if redraws {
        redraw()
      } else {
        if isProgress, let last = lastProgressLine[index], Date().timeIntervalSince(last) < 2 { return }
        lastProgressLine[index] = Date()
        print(line(index))
        fflush(nil)
      }
    }
  }

  /// The status text for a chapter's progress event.
  static func describe(_ progress: ChapterProgress) -> String {
    switch progress {
    case .compiling: "compiling"
    case .running(let position, let count): "running cell \(position) of \(count)"
    case .cellProgress(let step, let total, let message):
      "running · \(step)/\(total)\(message.isEmpty ? "" : " " + message)"
    }
  }

  private func line(_ index: Int) -> String {
    "[\(index + 1)/\(files.count)] \(files[index]): \(states[index])"
  }

  private func redraw() {
    var text = drawn ? "\u{1B}[\(files.count)F" : ""
    for index in files.indices { text += line(index) + "\u{1B}[K\n" }
    drawn = true
    print(text, terminator: "")
    fflush(nil)
  }
}
