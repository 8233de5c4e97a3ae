import Foundation

/// The server side of the reload channel: every open page holds one subscription; a rebuild's start and
/// end are sent to all of them as Server-Sent Events.
///
/// Events: `building` while a rebuild runs; `reload` with a `ReloadMessage` when it ends; and, to a page
/// that connects later, `status` with the last `ReloadMessage` (so a page opened after a failed build shows
/// the failures) or `building` if a rebuild runs right now.
public final class EventHub: @unchecked Sendable {
  private let lock = NSLock()
  private var subscribers: [UUID: AsyncStream<Data>.Continuation] = [:]
  private var building = false
  private var last: ReloadMessage?

  /// An empty hub.
  public init() {}

  /// A new subscriber's stream of encoded SSE frames, starting with the current state; it ends its
  /// subscription when the stream is dropped (the page went away).
  public func subscribe() -> AsyncStream<Data> {
    let id = UUID()
    let (stream, continuation) = AsyncStream.makeStream(of: Data.self, bufferingPolicy: .bufferingNewest(64))
    continuation.onTermination = { [weak self] _ in
      self?.lock.withLock { _ = self?.subscribers.removeValue(forKey: id) }
    }
    lock.withLock {
      // The comment line makes the browser report the connection as open at once.
      continuation.yield(Data(": flowbook preview\nretry: 1000\n\n".utf8))
      if building {
        continuation.yield(Self.frame("building", "{}"))
      } else if let last {
        continuation.yield(Self.frame("status", Self.json(last)))
      }
      subscribers[id] = continuation
    }
    return stream
  }

  /// Tells every page that a rebuild started.
  public func rebuildStarted() {
    broadcast { hub in
      hub.building = true
      return Self.frame("building", "{}")
    }
  }

  /// Tells every page that a rebuild ended with `message`.
  public func rebuildFinished(_ message: ReloadMessage) {
    broadcast { hub in
      hub.building = false
      hub.last = message
      return Self.frame("reload", Self.json(message))
    }
  }

  /// How many pages are connected.
  public var subscriberCount: Int { lock.withLock { subscribers.count } }

  private func broadcast(_ update: (EventHub) -> Data) {
    lock.withLock {
      let frame = update(self)
      for continuation in subscribers.values { continuation.yield(frame) }
    }
  }

  static func frame(_ event: String, _ data: String) -> Data {
    Data("event: \(event)\ndata: \(data)\n\n".utf8)
  }

  static func json(_ message: ReloadMessage) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // JSON never holds a raw newline, so the data fits on one `data:` line.
    return String(decoding: (try? encoder.encode(message)) ?? Data("{}".utf8), as: UTF8.self)
  }
}
