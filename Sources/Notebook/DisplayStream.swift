/// Splits a chapter program's standard output into per-cell results.
///
/// The cell runtime writes event lines that start with `prefix` (`begin-cell N`, `figure NAME`);
/// every other line is printed text of the cell that began last.
enum DisplayStream {
  static let prefix = "\u{1E}flowbook:"

  static func split(_ output: String, cellCount: Int) -> [CellResult] {
    var results = Array(repeating: CellResult(status: .notRun), count: cellCount)
    var current: Int?
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix(prefix) {
        let event = line.dropFirst(prefix.count).split(separator: " ", maxSplits: 1).map(String.init)
        switch event.first {
        case "begin-cell":
          current = event.count > 1 ? Int(event[1]) : nil
          if let current, results.indices.contains(current) { results[current].status = .ok }
        case "figure":
          if let current, event.count > 1 { results[current].outputs.append(.figure(event[1])) }
        default: break
        }
      } else if let current, results.indices.contains(current) {
        results[current].appendText(line + "\n")
      }
    }
    return results
  }
}

extension CellResult {
  /// Appends printed text, joining it to the previous text output so a run of lines stays one block.
  mutating func appendText(_ text: String) {
    if case .text(let previous) = outputs.last {
      outputs[outputs.count - 1] = .text(previous + text)
    } else {
      outputs.append(.text(text))
    }
  }
}
