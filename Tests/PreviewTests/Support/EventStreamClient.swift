import Foundation

/// A test's subscription to `/_flowbook/events`: reads the Server-Sent Events one at a time.
final class EventStreamClient {
  /// One event: its name and its `data:` line.
  struct Event {
    var name: String
    var data: String

    /// `data` decoded as JSON.
    func json() throws -> [String: Any] {
      try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] ?? [:]
    }
  }

  private let connection: RawHTTP.Connection

  /// Connects and checks the response is an event stream.
  init(port: UInt16) throws {
    connection = try RawHTTP.Connection(port: port)
    connection.send("GET /_flowbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    let data = connection.read(until: Date() + 60) { $0.range(of: Data("\r\n\r\n".utf8)) != nil }
    guard let head = data.range(of: Data("\r\n\r\n".utf8)) else {
      throw RawHTTP.Failure("no answer from /_flowbook/events")
    }
    let headers = String(decoding: data[..<head.lowerBound], as: UTF8.self)
    guard headers.hasPrefix("HTTP/1.1 200"), headers.lowercased().contains("text/event-stream") else {
      throw RawHTTP.Failure("/_flowbook/events answered \(headers)")
    }
    connection.consume(head.upperBound)
  }

  /// The next event named `name` (others are skipped), waiting at most `timeout` seconds.
  func next(_ name: String, timeout: Double = 300) throws -> Event {
    let deadline = Date() + timeout
    while true {
      var found: (Event, Int)?
      _ = connection.read(until: deadline) { data in
        found = Self.firstEvent(in: data)
        return found != nil
      }
      guard let (event, end) = found else { throw RawHTTP.Failure("no '\(name)' event within \(Int(timeout)) s") }
      connection.consume(end)
      if event.name == name { return event }
    }
  }

  /// The first complete `event:`/`data:` frame in the raw (chunk-encoded) bytes, and where it ends.
  private static func firstEvent(in data: Data) -> (Event, Int)? {
    let text = String(decoding: data, as: UTF8.self)
    guard let match = text.firstMatch(of: /event: (\w+)\ndata: ([^\n]*)\n\n/) else { return nil }
    let end = text.utf8.distance(from: text.utf8.startIndex, to: match.range.upperBound.samePosition(in: text.utf8)!)
    return (Event(name: String(match.1), data: String(match.2)), end)
  }
}
