/// One named, trainable array of a layer with its gradient buffer, laid out for BLAS.
///
/// A reference type on purpose: layers, the optimiser and save/load share the same storage, and a
/// training step updates it in place without allocating.
public final class Parameter {
  /// A stable name such as `layer3.conditioner.weight2`, used in saved files and error messages.
  public let name: String
  /// The shape of the values as a `Tensor` (`[count]`, or `[rows, columns]` for a matrix), row-major.
  public let shape: [Int]
  /// The parameter's values.
  public internal(set) var value: FloatBuffer
  /// d(loss)/d(value), accumulated by the backward pass and cleared by `zeroGradient()`.
  public internal(set) var gradient: FloatBuffer

  /// A parameter holding `values` (of `shape`, a vector unless given), with a zero gradient.
  public init(name: String, values: [Float], shape: [Int]? = nil) {
    let shape = shape ?? [values.count]
    precondition(
      shape.reduce(1, *) == values.count,
      "parameter \(name) has \(values.count) values, which do not fill the shape \(shape)")
    self.name = name
    self.shape = shape
    value = FloatBuffer(values)
    gradient = FloatBuffer(count: values.count)
  }

  /// Number of scalars.
  public var count: Int { value.count }

  /// Clears the gradient before the next backward pass.
  public func zeroGradient() { gradient.fill(0) }
}

extension Collection where Element == Parameter {
  /// Moves the values and gradients of these parameters, in order, into two contiguous buffers (values
  /// kept), so an optimiser can update them all in one pass. Layers read their parameters' buffers at each
  /// use, so they see the new storage.
  func packContiguously() {
    let total = reduce(0) { $0 + $1.count }
    let values = FloatBuffer(count: total)
    let gradients = FloatBuffer(count: total)
    var offset = 0
    for parameter in self {
      (values.pointer + offset).update(from: parameter.value.pointer, count: parameter.count)
      parameter.value = FloatBuffer(partOf: values, offset: offset, count: parameter.count)
      parameter.gradient = FloatBuffer(partOf: gradients, offset: offset, count: parameter.count)
      offset += parameter.count
    }
  }
}
