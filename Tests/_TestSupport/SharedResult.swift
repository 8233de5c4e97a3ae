import Foundation

/// A costly value (a printed PDF, a page opened in Chromium) made once, on first request, and shared by the
/// tests of a suite that read it: later and concurrent callers await the first one's work instead of
/// repeating it, without blocking a thread while they wait. A failure is shared the same way.
public final class SharedResult<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var task: Task<Value, any Error>?
  private let make: @Sendable () throws -> Value

  /// A value that `make` computes on the first `value` request.
  public init(_ make: @escaping @Sendable () throws -> Value) {
    self.make = make
  }

  /// The value, computed by the first caller.
  public var value: Value {
    get async throws {
      let task = lock.withLock {
        if let task = self.task { return task }
        let started = Task { [make] in try make() }
        self.task = started
        return started
      }
      return try await task.value
    }
  }
}
