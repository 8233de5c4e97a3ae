/// A fixed-size, heap-allocated array of `Float` with a stable address, for BLAS calls and in-place updates.
///
/// Swift arrays may copy on write and move their storage; training reuses these buffers every step,
/// so a step allocates nothing.
public final class FloatBuffer {
  /// Number of elements.
  public let count: Int
  /// The storage; valid for the buffer's lifetime.
  public let pointer: UnsafeMutablePointer<Float>

  /// `count` zeros.
  public init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  /// A copy of `values`.
  public convenience init(_ values: [Float]) {
    self.init(count: values.count)
    values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
  }

  deinit { pointer.deallocate() }

  /// The elements as an array (a copy).
  public var array: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

  /// Element `i`.
  public subscript(i: Int) -> Float {
    get { pointer[i] }
    set { pointer[i] = newValue }
  }

  /// Sets every element to `value`.
  public func fill(_ value: Float) { pointer.update(repeating: value, count: count) }

  /// Overwrites the elements with `values`, which must have `count` elements.
  public func assign(_ values: [Float]) {
    precondition(values.count == count, "expected \(count) values, got \(values.count)")
    values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: count) }
  }
}
