import CellProtocol
import Foundation

/// Splits a running chapter program's standard output into per-cell results as it arrives.
///
/// Event lines (see `CellProtocol`) start with `prefix` and carry one JSON object;
/// all other output is printed text of the cell that began last.
struct DisplayStream {
  static let prefix = Data(CellProtocol.displayPrefix.utf8)

  /// What the engine reports on the terminal while the chapter runs.
  enum Event {
    case beganCell(Int)
    case progress(step: Int, total: Int, message: String)
  }

  private(set) var run: ChapterRun
  /// The cell running now, and since when.
  private(set) var currentCell: Int?
  private(set) var currentCellStart = Date()
  private var pending = Data()
  /// Each cell's printed text, bounded; its whole text goes to a file in `displayDirectory` when it is long.
  private var texts: [Int: BoundedText] = [:]
  private let outputLines: [Int]
  private let displayDirectory: String?
  /// Chapter line of each cell's first code line, to locate runtime errors inside cells.
  private let cellLines: [Int]
  /// The chapter's file and its shared source's, to locate runtime errors.
  private let file: String
  private let sharedFile: String?
  /// The inline expression being evaluated, once the cells are done: a failure now is the expression's.
  private(set) var currentInline: Int?
  /// Whether an unfinished exercise (`exercise(…)`) ended the program.
  private(set) var stoppedByExercise = false

  /// A stream for the program of `cells`, of the chapter `file` with the shared source `sharedFile`.
  init(cells: [Cell], file: String = "", sharedFile: String? = nil, displayDirectory: String? = nil) {
    run = ChapterRun(cellCount: cells.count)
    cellLines = cells.map(\.line)
    outputLines = cells.map(\.options.outputLines)
    self.displayDirectory = displayDirectory
    self.file = file
    self.sharedFile = sharedFile
  }

  /// Takes the next chunk of output; returns the events it completed.
  mutating func feed(_ chunk: Data) -> [Event] {
    pending += chunk
    var events: [Event] = []
    var lineStart = pending.startIndex
    // Without an event marker, every complete line is printed text: passed on at once, not line by line, so a
    // cell printing millions of lines costs little.
    if !pending.containsByte(Self.prefix[Self.prefix.startIndex]) {
      if let newline = pending.lastIndex(of: UInt8(ascii: "\n")) {
        appendText(Data(pending[...newline]))
        lineStart = newline + 1
      }
      lineStart = passLongLine(from: lineStart)
      pending = Data(pending[lineStart...])
      return events
    }
    while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
      let line = pending[lineStart...newline]
      lineStart = newline + 1
      if let marker = line.range(of: Self.prefix) {
        appendText(Data(line[..<marker.lowerBound]))
        if let event = handleEvent(Data(line[marker.upperBound...])) { events.append(event) }
      } else {
        appendText(Data(line))
      }
    }
    // Only the unfinished last line stays pending; it is copied once per chunk, not once per line.
    lineStart = passLongLine(from: lineStart)
    pending = Data(pending[lineStart...])
    return events
  }

  /// Passes on most of an unfinished line longer than 64 KiB, keeping enough to find an event marker split
  /// between chunks; returns where the pending text now starts.
  private mutating func passLongLine(from lineStart: Int) -> Int {
    let keep = Self.prefix.count
    guard pending.endIndex - lineStart > 65536 else { return lineStart }
    appendText(Data(pending[lineStart..<(pending.endIndex - keep)]))
    return pending.endIndex - keep
  }

  /// Ends the stream: the last cell's time is taken and unfinished text kept.
  mutating func finish() {
    appendText(pending)
    pending = Data()
    closeCurrentCell()
  }

  /// Records a failure of the running cell (or of `cell`), keeping what it showed so far.
  mutating func fail(_ cell: Int, _ diagnostic: ChapterRun.Diagnostic) {
    run.cells[cell].status = .error
    run.cells[cell].diagnostics.append(diagnostic)
  }

  /// Records a failure of the inline expression `index` (a trap while it was evaluated).
  mutating func failInline(_ index: Int, _ diagnostic: ChapterRun.Diagnostic) {
    run.inlineDiagnostics[index, default: []].append(diagnostic)
  }

  private mutating func handleEvent(_ json: Data) -> Event? {
    guard let event = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else { return nil }
    switch (event["event"] as? String).flatMap(CellProtocol.Event.init(rawValue:)) {
    case .beginCell?:
      guard let cell = event["cell"] as? Int, run.cells.indices.contains(cell) else { return nil }
      closeCurrentCell()
      currentCell = cell
      currentCellStart = Date()
      run.cells[cell].status = .ok
      return .beganCell(cell)
    case .figure?: append(event["name"] as? String, as: CellOutput.figure)
    case .markdown?:
      append(event["text"] as? String, as: CellOutput.markdown)
      appendNote(omitted: event["omittedCharacters"] as? Int, "character")
    case .latex?: append(event["text"] as? String, as: CellOutput.latex)
    case .table?:
      if let header = event["header"] as? [String], let rows = event["rows"] as? [[String]] {
        appendOutput(.table(header: header, rows: rows))
        appendNote(omitted: event["omittedRows"] as? Int, "row")
      }
    case .progress?:
      return .progress(
        step: event["step"] as? Int ?? 0, total: event["total"] as? Int ?? 0, message: event["message"] as? String ?? ""
      )
    case .check?:
      guard let name = event["name"] as? String, let passed = event["passed"] as? Bool else { return nil }
      let offset = lineOffset(event)
      appendOutput(
        .check(CheckResult(name: name, passed: passed, message: event["message"] as? String ?? "", lineOffset: offset)))
    case .exercise?:
      guard let cell = currentCell, let name = event["name"] as? String else { return nil }
      stoppedByExercise = true
      let offset = lineOffset(event)
      let stub = " (its stub is at \(event["file"] as? String ?? "?"):\(event["line"] as? Int ?? 0))"
      run.cells[cell].exercise = name
      fail(cell, .init(severity: "error", text: "exercise \(name) not done yet\(stub)", lineOffset: offset))
    case .isolatedEnd?:
      guard let cell = event["cell"] as? Int, run.cells.indices.contains(cell), event["failed"] as? Bool == true
      else { return nil }
      let origin = RuntimeFailure.Origin(chapterFile: file, sharedFile: sharedFile, cellStart: cellLines[cell])
      for diagnostic in RuntimeFailure.diagnostics(from: event["stderr"] as? String ?? "", in: origin) {
        fail(cell, diagnostic)
      }
    case .parameterRead?:
      guard let name = event["name"] as? String else { return nil }
      run.parametersRead.insert(name)
      if sharedFile != nil, event["file"] as? String == sharedFile {
        run.sharedParametersRead = (run.sharedParametersRead ?? []).union([name])
      }
    case .beginInline?:
      currentInline = event["index"] as? Int
    case .inlineValue?:
      if let index = event["index"] as? Int, let text = event["text"] as? String { run.inlineValues[index] = text }
    case .warning?:
      guard let message = event["message"] as? String else { return nil }
      let file = event["file"] as? String ?? self.file
      run.warnings = (run.warnings ?? []) + [BuildWarning(file: file, line: event["line"] as? Int, message)]
    case nil: break
    }
    return nil
  }

  /// The event's `line` inside the current cell, when its `file` is the chapter and the line is in that cell.
  private func lineOffset(_ event: [String: Any]) -> Int? {
    guard let currentCell, let line = event["line"] as? Int, event["file"] as? String == file else { return nil }
    let offset = line - cellLines[currentCell]
    let next = cellLines.indices.contains(currentCell + 1) ? cellLines[currentCell + 1] : Int.max
    return offset >= 0 && line < next ? offset : nil
  }

  private mutating func append(_ value: String?, as output: (String) -> CellOutput) {
    if let value { appendOutput(output(value)) }
  }

  /// A note under a display that was cut, e.g. `*… 999,000 more rows not shown*`.
  private mutating func appendNote(omitted: Int?, _ unit: String) {
    guard let omitted, omitted > 0 else { return }
    appendOutput(.markdown("*… \(omitted) more \(unit)\(omitted == 1 ? "" : "s") not shown*"))
  }

  private mutating func appendOutput(_ output: CellOutput) {
    guard let currentCell else { return }
    run.cells[currentCell].outputs.append(output)
  }

  private mutating func appendText(_ data: Data) {
    guard let currentCell, !data.isEmpty else { return }
    let file = displayDirectory.map { $0 + "/" + Self.fullOutputName(currentCell) }
    appendShown(texts[currentCell, default: BoundedText(lines: outputLines[currentCell], file: file)].append(data))
  }

  /// Adds text to the current cell's last text output, or starts one.
  private mutating func appendShown(_ shown: Data) {
    guard let currentCell, !shown.isEmpty else { return }
    let text = String(decoding: shown, as: UTF8.self)
    // Taken out of the array, the previous text is uniquely referenced and grows in place.
    if case .text(var previous)? = run.cells[currentCell].outputs.last {
      run.cells[currentCell].outputs.removeLast()
      previous += text
      run.cells[currentCell].outputs.append(.text(previous))
    } else {
      run.cells[currentCell].outputs.append(.text(text))
    }
  }

  private mutating func closeCurrentCell() {
    guard let currentCell else { return }
    run.cells[currentCell].seconds = Date().timeIntervalSince(currentCellStart)
    let ending = texts[currentCell]?.finish()
    texts[currentCell] = nil
    switch ending {
    case .whole(let rest)?:
      appendShown(Data(rest.utf8))
    case .truncated(let omitted, let tail)?:
      let name = Self.fullOutputName(currentCell)
      run.cells[currentCell].outputs.append(.truncated(omittedLines: omitted, fullOutput: name))
      if !tail.isEmpty { run.cells[currentCell].outputs.append(.text(tail)) }
    case nil: break
    }
  }

  /// The file holding a cell's whole printed text when the page shows only part of it.
  static func fullOutputName(_ cell: Int) -> String { "cell\(cell)-output.txt" }
}

extension Data {
  /// Whether `byte` occurs, found with `memchr`.
  func containsByte(_ byte: UInt8) -> Bool {
    withUnsafeBytes { bytes in
      guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    }
  }
}
