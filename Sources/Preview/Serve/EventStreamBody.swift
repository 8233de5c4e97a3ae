import FlyingFox
import FlyingSocks
import Foundation

/// A response body that never ends on its own: the frames of an `EventHub` subscription, each written to
/// the socket as one HTTP chunk as soon as it is sent.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
  typealias Element = UInt8
  let frames: AsyncStream<Data>

  func makeAsyncIterator() -> Iterator { Iterator(frames: frames.makeAsyncIterator()) }

  struct Iterator: AsyncBufferedIteratorProtocol {
    var frames: AsyncStream<Data>.AsyncIterator
    var pending: [UInt8] = []

    mutating func next() async throws -> UInt8? {
      try await nextBuffer(suggested: 1)?.first
    }

    /// Up to `count` bytes: what is left of the current frame, else the next frame (waiting for it).
    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
      if pending.isEmpty {
        guard let frame = await frames.next() else { return nil }
        pending = Array(frame)
      }
      let buffer = Array(pending.prefix(Swift.max(count, 1)))
      pending.removeFirst(buffer.count)
      return buffer
    }
  }
}
