import Foundation

/// The command lines of the processes running now (Linux `/proc`), to check nothing was left behind.
public enum ProcessTable {
  /// Each running process's command line, arguments joined by spaces.
  public static func commandLines() -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.filter { Int($0) != nil }.compactMap { pid in
      guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
      return String(decoding: data, as: UTF8.self).split(separator: "\0").joined(separator: " ")
    }
  }
}
