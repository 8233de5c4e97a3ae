import Foundation

/// Writes a `Report` into a folder (normally `output/`): the consumer at the end of the pipeline.
public enum ReportWriter {
  /// Writes every file of `report` under `directory`, replacing the previous report's pages and
  /// figures (so renamed chapters and removed figures leave nothing stale) and keeping anything else.
  ///
  /// Each file is written in place, not through a temporary file and an `fsync` of its own as `Data.write` does
  /// (for the seventy-odd files of a small report, that was a seventh of a cached build's CPU): where no reader
  /// may see a half-written report, write into a fresh folder and swap it in, as `flowbook build` does.
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
          try writeFile(data, to: destination.path)
        case .copy(let source):
          // Read and write rather than copyItem: Debian's KaTeX fonts are symlinks, the report needs the files.
          try writeFile(Data(contentsOf: URL(fileURLWithPath: source)), to: destination.path)
        }
      }
    } catch let error as WeaveError {
      throw error
    } catch {
      throw .cannotWrite(path: directory, reason: error.localizedDescription)
    }
  }

  /// `data` as the whole of the file at `path`, created or truncated (mode 0666 less the umask); no `fsync`,
  /// which Foundation's `Data.write` does for every file.
  private static func writeFile(_ data: Data, to path: String) throws(WeaveError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    let failure: Int32? = data.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return errno }
        offset += written
      }
      return nil
    }
    if let failure { throw .cannotWrite(path: path, reason: String(cString: strerror(failure))) }
  }

  private static func removePreviousReport(in directory: String) throws {
    let fileManager = FileManager.default
    guard let names = try? fileManager.contentsOfDirectory(atPath: directory) else { return }
    for name in names where name.hasSuffix(".html") || name == "figures" {
      try fileManager.removeItem(atPath: directory + "/" + name)
    }
  }
}
