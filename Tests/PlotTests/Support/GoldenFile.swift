import Foundation
import Testing

/// Compares generated text with a reference file under `Tests/PlotTests/Reference/`.
///
/// Run the tests with `FLOWBOOK_UPDATE_GOLDEN=1` to (re)write the references from the current output;
/// review the diff before committing them.
enum GoldenFile {
  static let updateVariable = "FLOWBOOK_UPDATE_GOLDEN"

  static func verify(
    _ actual: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    // This file lives in Tests/PlotTests/Support/, the references in Tests/PlotTests/Reference/.
    let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("Reference").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment[updateVariable] == "1" {
      try actual.write(to: reference)
      return
    }
    let expected = try Data(contentsOf: reference)
    #expect(
      actual == expected,
      "\(name) differs from its reference; if the change is intended, rerun with \(updateVariable)=1",
      sourceLocation: sourceLocation)
  }
}
