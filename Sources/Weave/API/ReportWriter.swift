import Foundation

/// Writes a `Report` into a folder (normally `output/`): the consumer at the end of the pipeline.
public enum ReportWriter {
  /// Writes every file of `report` under `directory`, replacing the previous report's pages and
  /// figures (so renamed chapters and removed figures leave nothing stale) and keeping anything else.
  public static func write(_ report: Report, to directory: String) throws(WeaveError) {
    let fileManager = FileManager.default
    do {
      try removePreviousReport(in: directory)
      for (path, file) in report.files.sorted(by: { $0.key < $1.key }) {
        let destination = URL(fileURLWithPath: directory).appendingPathComponent(path)
        try fileManager.createDirectory(
          at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        switch file {
        case .data(let data):
          try data.write(to: destination, options: .atomic)
        case .copy(let source):
          // Read and write rather than copyItem: Debian's KaTeX fonts are symlinks, the report needs the files.
          try Data(contentsOf: URL(fileURLWithPath: source)).write(
            to: destination, options: .atomic)
        }
      }
    } catch let error as WeaveError {
      throw error
    } catch {
      throw .cannotWrite(path: directory, reason: error.localizedDescription)
    }
  }

  private static func removePreviousReport(in directory: String) throws {
    let fileManager = FileManager.default
    guard let names = try? fileManager.contentsOfDirectory(atPath: directory) else { return }
    for name in names where name.hasSuffix(".html") || name == "figures" {
      try fileManager.removeItem(atPath: directory + "/" + name)
    }
  }
}
