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
  public let value: FloatBuffer
  /// d(loss)/d(value), accumulated by the backward pass and cleared by `zeroGradient()`.
  public let gradient: FloatBuffer

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
