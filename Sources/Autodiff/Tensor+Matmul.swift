// Matrix products through BLAS `sgemm`. Backward passes use sgemm's transpose flags (no transposed
// copies) and accumulate straight into the gradient buffers (β = 1).

extension Tensor {
  /// The matrix product `self · other` of `[m, k]` and `[k, n]`, shape `[m, n]`.
  public func matmul(_ other: Tensor) -> Tensor {
    let (m, k, n) = Tensor.productSizes("matmul", self, other)
    let result = Tensor(uninitializedShape: [m, n])
    BLASKernel.multiply(
      storage, transposeA: false, other.storage, transposeB: false, into: result.storage, m: m,
      n: n, k: k)
    return result.recorded("matmul", from: self, other) { _, g in
      Tensor.accumulateProductGradients(self, other, g, m: m, n: n, k: k)
    }
  }

  /// A fully connected layer in one operation: `self · weight + bias` for `self` `[batch, in]`,
  /// `weight` `[in, out]` and `bias` `[out]`, shape `[batch, out]`. The bias is written first and
  /// sgemm adds the product onto it, so no temporary is made.
  public func linear(weight: Tensor, bias: Tensor) -> Tensor {
    let (m, k, n) = Tensor.productSizes("linear", self, weight)
    guard bias.shape == [n] || bias.shape == [1, n] else {
      ShapeError("linear: bias has shape \(bias.shape), expected [\(n)] for weight \(weight.shape)")
        .fail()
    }
    let result = Tensor(uninitializedShape: [m, n])
    for row in 0..<m { (result.storage + row * n).update(from: bias.storage, count: n) }
    BLASKernel.multiply(
      storage, transposeA: false, weight.storage, transposeB: false, into: result.storage, m: m,
      n: n, k: k, beta: 1)
    return result.recorded("linear", from: self, weight, bias) { _, g in
      Tensor.accumulateProductGradients(self, weight, g, m: m, n: n, k: k)
      bias.accumulateGradient { BLASKernel.addColumnSums(of: g, rows: m, columns: n, into: $0) }
    }
  }

  /// The transpose of a matrix, `[r, c] → [c, r]`.
  public func transposed() -> Tensor {
    usagePrecondition(shape.count == 2, "transposed(): needs a matrix, got shape \(shape)")
    let (rows, columns) = (shape[0], shape[1])
    let result = Tensor(uninitializedShape: [columns, rows])
    for row in 0..<rows {
      for column in 0..<columns {
        result.storage[column * rows + row] = storage[row * columns + column]
      }
    }
    return result.recorded("transposed", from: self) { _, g in
      self.accumulateGradient { gradient in
        for row in 0..<rows {
          for column in 0..<columns { gradient[row * columns + column] += g[column * rows + row] }
        }
      }
    }
  }

  /// `(m, k, n)` of the product of `left` `[m, k]` and `right` `[k, n]`, or a failure naming both shapes.
  static func productSizes(_ operation: String, _ left: Tensor, _ right: Tensor) -> (Int, Int, Int) {
    guard left.shape.count == 2, right.shape.count == 2, left.shape[1] == right.shape[0] else {
      let detail =
        left.shape.count == 2 && right.shape.count == 2
        ? " (\(left.shape[1]) ≠ \(right.shape[0]))" : " (both must be matrices)"
      ShapeError("\(operation): shapes \(left.shape) and \(right.shape) do not fit\(detail)").fail()
    }
    return (left.shape[0], left.shape[1], right.shape[1])
  }

  /// For `c = a·b` (`a` `[m, k]`, `b` `[k, n]`): `∂a += g·bᵀ`, `∂b += aᵀ·g`, each only if needed.
  static func accumulateProductGradients(
    _ a: Tensor, _ b: Tensor, _ g: UnsafePointer<Float>, m: Int, n: Int, k: Int
  ) {
    a.accumulateGradient { gradient in
      BLASKernel.multiply(
        g, transposeA: false, b.storage, transposeB: true, into: gradient, m: m, n: k, k: n, beta: 1
      )
    }
    b.accumulateGradient { gradient in
      BLASKernel.multiply(
        a.storage, transposeA: true, g, transposeB: false, into: gradient, m: k, n: n, k: m, beta: 1
      )
    }
  }
}
