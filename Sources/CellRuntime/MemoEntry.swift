import CellProtocol
import Foundation

/// A stored `memo` value: the header line `flowbook memo 1 <checksum>`, then the JSON of the entry, so a
/// truncated or altered file is recognised and never read as a value.
struct MemoEntry<Value: Codable>: Codable {
  /// The memo's name, checked on reading.
  var name: String
  /// `[name, file]` of each `-P` parameter the closure read, reported again when the value is reused.
  var reads: [[String]]
  var value: Value

  /// What reading a stored value found.
  enum Loaded {
    case stored(MemoEntry)
    case missing
    /// The file exists but holds no valid entry; the reason says why.
    case unreadable(String)
  }

  static var header: String { "flowbook memo 1 " }

  /// Reads the entry of `name` at `path`.
  static func load(from path: String, name: String) -> Loaded {
    guard FileManager.default.fileExists(atPath: path) else { return .missing }
    guard let data = FileManager.default.contents(atPath: path) else {
      // Pruned by another chapter's program between the two calls: simply not there.
      return FileManager.default.fileExists(atPath: path) ? .unreadable("the file cannot be read") : .missing
    }
    guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
      let headerLine = String(data: data[..<newline], encoding: .utf8), headerLine.hasPrefix(header)
    else { return .unreadable("no memo header") }
    let body = data[(newline + 1)...]
    guard headerLine.dropFirst(header.count) == checksum(of: body) else {
      return .unreadable("checksum mismatch: the file was altered or cut short")
    }
    do {
      let entry = try decoder.decode(MemoEntry.self, from: body)
      guard entry.name == name else { return .unreadable("it holds memo \"\(entry.name)\"") }
      return .stored(entry)
    } catch {
      return .unreadable("it does not hold a \(Value.self): \(error)")
    }
  }

  /// Writes the entry to `path` atomically (a temporary file renamed over it), so a reader never sees half.
  func save(to path: String) throws {
    let body = try Self.encoder.encode(self)
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let temporary = path + ".tmp-\(getpid())"
    try (Data((Self.header + Self.checksum(of: body) + "\n").utf8) + body).write(to: URL(fileURLWithPath: temporary))
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw RenameFailed(description: "cannot rename \(temporary): \(reason)")
    }
  }

  private struct RenameFailed: Error, CustomStringConvertible {
    var description: String
  }

  private static func checksum(of body: Data) -> String {
    var hasher = StableHasher()
    hasher.combine(body)
    return hasher.hexDigest
  }

  // Training losses may be NaN or infinite: JSON has no numbers for them, so they are written as strings.
  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "+Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return encoder
  }

  private static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "+Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return decoder
  }
}
