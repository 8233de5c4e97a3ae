/// A fixed-size, heap-allocated array of `Float` with a stable address, for BLAS calls and in-place updates.
///
/// Swift arrays may copy on write and move their storage; training reuses these buffers every step,
/// so a step allocates nothing. A buffer can be a part of a larger one (`init(partOf:offset:count:)`),
/// which it keeps alive: a flow keeps all its parameters in one buffer so Adam updates them in one pass.
public final class FloatBuffer {
  /// Number of elements.
  public let count: Int
  /// The storage; valid for the buffer's lifetime.
  public let pointer: UnsafeMutablePointer<Float>
  /// The buffer whose storage this one shares, or nil when this one owns its storage.
  private let whole: FloatBuffer?

  /// `count` zeros.
  public init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
    whole = nil
  }

  /// A copy of `values`.
  public convenience init(_ values: [Float]) {
    self.init(count: values.count)
    values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
  }

  /// Elements `offset ..< offset + count` of `whole`, sharing its storage.
  init(partOf whole: FloatBuffer, offset: Int, count: Int) {
    precondition(
      offset >= 0 && count >= 0 && offset + count <= whole.count,
      "elements \(offset)..<\(offset + count) are not inside a buffer of \(whole.count)")
    self.count = count
    pointer = whole.pointer + offset
    self.whole = whole
  }

  deinit { if whole == nil { pointer.deallocate() } }

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
