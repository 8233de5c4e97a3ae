// Addition, subtraction, multiplication and division with broadcasting (see `BroadcastLayout`),
// each written as forward + backward side by side.

extension Tensor {
  /// Applies `forward` elementwise to broadcast operands and records `backward`, which receives the
  /// layout to reduce each operand's gradient back to its own shape.
  @inline(__always)
  static func broadcasting(
    _ operation: String, _ left: Tensor, _ right: Tensor, forward: (Float, Float) -> Float,
    backward:
      @escaping (BroadcastLayout, _ result: Tensor, _ resultGradient: UnsafePointer<Float>) -> Void
  ) -> Tensor {
    let layout: BroadcastLayout
    do { layout = try BroadcastLayout(operation, left.shape, right.shape) } catch { error.fail() }
    let result = Tensor(uninitializedShape: layout.shape)
    let out = result.storage
    let a = left.storage
    let b = right.storage
    if left.count == right.count {
      for index in 0..<result.count { out[index] = forward(a[index], b[index]) }
    } else {
      layout.forEachIndex { resultIndex, leftIndex, rightIndex in
        out[resultIndex] = forward(a[leftIndex], b[rightIndex])
      }
    }
    return result.recorded(operation, from: left, right) { result, gradient in
      backward(layout, result, gradient)
    }
  }

  /// Adds `derivative(resultIndex, leftIndex, rightIndex) · gradient` into `input`'s gradient,
  /// summing over the positions where `input` was repeated. `isLeft` picks which operand `input` is.
  @inline(__always)
  func accumulateBroadcast(
    _ layout: BroadcastLayout, isLeft: Bool, _ resultGradient: UnsafePointer<Float>,
    _ derivative: (Int, Int, Int) -> Float
  ) {
    accumulateGradient { gradient in
      layout.forEachIndex { resultIndex, leftIndex, rightIndex in
        gradient[isLeft ? leftIndex : rightIndex] +=
          resultGradient[resultIndex] * derivative(resultIndex, leftIndex, rightIndex)
      }
    }
  }

  /// Elementwise sum, broadcasting a scalar, row or column.
  public static func + (left: Tensor, right: Tensor) -> Tensor {
    broadcasting("add", left, right, forward: +) { layout, _, g in
      left.accumulateBroadcast(layout, isLeft: true, g) { _, _, _ in 1 }
      right.accumulateBroadcast(layout, isLeft: false, g) { _, _, _ in 1 }
    }
  }

  /// Elementwise difference, broadcasting a scalar, row or column.
  public static func - (left: Tensor, right: Tensor) -> Tensor {
    broadcasting("subtract", left, right, forward: -) { layout, _, g in
      left.accumulateBroadcast(layout, isLeft: true, g) { _, _, _ in 1 }
      right.accumulateBroadcast(layout, isLeft: false, g) { _, _, _ in -1 }
    }
  }

  /// Elementwise product, broadcasting a scalar, row or column (e.g. a 0/1 mask row).
  public static func * (left: Tensor, right: Tensor) -> Tensor {
    broadcasting("multiply", left, right, forward: *) { layout, _, g in
      let a = left.storage
      let b = right.storage
      left.accumulateBroadcast(layout, isLeft: true, g) { _, _, rightIndex in b[rightIndex] }
      right.accumulateBroadcast(layout, isLeft: false, g) { _, leftIndex, _ in a[leftIndex] }
    }
  }

  /// Elementwise quotient, broadcasting a scalar, row or column.
  public static func / (left: Tensor, right: Tensor) -> Tensor {
    broadcasting("divide", left, right, forward: /) { layout, result, g in
      let b = right.storage
      let quotient = result.storage
      left.accumulateBroadcast(layout, isLeft: true, g) { _, _, rightIndex in 1 / b[rightIndex] }
      right.accumulateBroadcast(layout, isLeft: false, g) { resultIndex, _, rightIndex in
        -quotient[resultIndex] / b[rightIndex]
      }
    }
  }

  /// `-x`.
  public static prefix func - (tensor: Tensor) -> Tensor {
    let result = Tensor(uninitializedShape: tensor.shape)
    for index in 0..<tensor.count { result.storage[index] = -tensor.storage[index] }
    return result.recorded("negate", from: tensor) { _, g in
      tensor.accumulateElementwise(g) { _ in -1 }
    }
  }

  // MARK: - With a Float

  /// Adds a scalar to every element.
  public static func + (left: Tensor, right: Float) -> Tensor { left + Tensor(right) }
  /// Adds a scalar to every element.
  public static func + (left: Float, right: Tensor) -> Tensor { Tensor(left) + right }
  /// Subtracts a scalar from every element.
  public static func - (left: Tensor, right: Float) -> Tensor { left + Tensor(-right) }
  /// Subtracts every element from a scalar.
  public static func - (left: Float, right: Tensor) -> Tensor { Tensor(left) - right }
  /// Multiplies every element by a scalar.
  public static func * (left: Tensor, right: Float) -> Tensor { left * Tensor(right) }
  /// Multiplies every element by a scalar.
  public static func * (left: Float, right: Tensor) -> Tensor { Tensor(left) * right }
  /// Divides every element by a scalar.
  public static func / (left: Tensor, right: Float) -> Tensor { left * Tensor(1 / right) }
  /// Divides a scalar by every element.
  public static func / (left: Float, right: Tensor) -> Tensor { Tensor(left) / right }
}
