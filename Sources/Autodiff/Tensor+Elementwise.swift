import Foundation

// Elementwise functions, each forward next to its derivative. `y` is the result, `x` the input.

extension Tensor {
  /// A new tensor of the same shape with `transform` applied to every scalar.
  @inline(__always)
  func mapped(_ transform: (Float) -> Float) -> Tensor {
    let result = Tensor(uninitializedShape: shape)
    for index in 0..<count { result.storage[index] = transform(storage[index]) }
    return result
  }

  /// `eˣ`; derivative `y`.
  public func exp() -> Tensor {
    mapped { expf($0) }.recorded("exp", from: self) { y, g in
      self.accumulateElementwise(g) { y.storage[$0] }
    }
  }

  /// Natural logarithm; derivative `1/x`.
  public func log() -> Tensor {
    mapped { logf($0) }.recorded("log", from: self) { _, g in
      self.accumulateElementwise(g) { 1 / self.storage[$0] }
    }
  }

  /// Square root; derivative `1/(2y)`.
  public func squareRoot() -> Tensor {
    mapped { $0.squareRoot() }.recorded("squareRoot", from: self) { y, g in
      self.accumulateElementwise(g) { 0.5 / y.storage[$0] }
    }
  }

  /// `x²`; derivative `2x`.
  public func square() -> Tensor {
    mapped { $0 * $0 }.recorded("square", from: self) { _, g in
      self.accumulateElementwise(g) { 2 * self.storage[$0] }
    }
  }

  /// Hyperbolic tangent; derivative `1 − y²`.
  public func tanh() -> Tensor {
    mapped { tanhf($0) }.recorded("tanh", from: self) { y, g in
      self.accumulateElementwise(g) { 1 - y.storage[$0] * y.storage[$0] }
    }
  }

  /// Arc tangent; derivative `1/(1 + x²)`.
  public func atan() -> Tensor {
    mapped { atanf($0) }.recorded("atan", from: self) { _, g in
      self.accumulateElementwise(g) { 1 / (1 + self.storage[$0] * self.storage[$0]) }
    }
  }

  /// Logistic sigmoid `1/(1 + e⁻ˣ)`, computed without overflow; derivative `y(1 − y)`.
  public func sigmoid() -> Tensor {
    mapped(Tensor.sigmoid).recorded("sigmoid", from: self) { y, g in
      self.accumulateElementwise(g) { y.storage[$0] * (1 - y.storage[$0]) }
    }
  }

  /// Softplus `log(1 + eˣ)`, computed without overflow as `max(x, 0) + log1p(e^−|x|)`;
  /// derivative `sigmoid(x)`.
  public func softplus() -> Tensor {
    mapped { Swift.max($0, 0) + log1pf(expf(-Swift.abs($0))) }.recorded("softplus", from: self) {
      _, g in
      self.accumulateElementwise(g) { Tensor.sigmoid(self.storage[$0]) }
    }
  }

  /// Rectified linear unit `max(x, 0)`; derivative 1 where `x > 0`, else 0.
  public func relu() -> Tensor {
    mapped { Swift.max($0, 0) }.recorded("relu", from: self) { _, g in
      self.accumulateElementwise(g) { self.storage[$0] > 0 ? 1 : 0 }
    }
  }

  /// Leaky ReLU: `x` where `x > 0`, else `negativeSlope · x`.
  public func leakyRelu(negativeSlope: Float = 0.01) -> Tensor {
    mapped { $0 > 0 ? $0 : negativeSlope * $0 }.recorded("leakyRelu", from: self) { _, g in
      self.accumulateElementwise(g) { self.storage[$0] > 0 ? 1 : negativeSlope }
    }
  }

  /// The logistic function of one scalar, stable for large `|x|`.
  @inline(__always)
  static func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + expf(-x)) }
    let e = expf(x)
    return e / (1 + e)
  }
}
