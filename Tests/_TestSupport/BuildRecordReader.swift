import Foundation

/// `output/build.json` of a built book, read loosely so tests check the file as a user's tool would.
public struct BuildRecordReader {
  /// The whole record.
  public let json: [String: Any]

  /// Reads `<book>/output/build.json`.
  public init(book: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: book + "/output/build.json"))
    json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  /// The record of the chapter whose `file` is `file`.
  public func chapter(_ file: String) -> [String: Any]? {
    (json["chapters"] as? [[String: Any]])?.first { $0["file"] as? String == file }
  }

  /// Whether chapter `file` came from the cache.
  public func isCached(_ file: String) -> Bool? {
    chapter(file)?["cached"] as? Bool
  }

  /// The `status` of each cell of chapter `file`.
  public func statuses(_ file: String) -> [String] {
    (chapter(file)?["cells"] as? [[String: Any]])?.compactMap { $0["status"] as? String } ?? []
  }
}
