// Sums and means, whole and along an axis.

extension Tensor {
  /// The sum of all scalars, a scalar tensor (shape `[]`).
  public func sum() -> Tensor {
    var total: Float = 0
    for index in 0..<count { total += storage[index] }
    return Tensor(total).recorded("sum", from: self) { _, g in
      self.accumulateGradient { gradient in
        for index in 0..<self.count { gradient[index] += g[0] }
      }
    }
  }

  /// The mean of all scalars, a scalar tensor (shape `[]`).
  public func mean() -> Tensor {
    usagePrecondition(count > 0, "mean(): tensor of shape \(shape) is empty")
    return sum() * (1 / Float(count))
  }

  /// Sums a matrix along `axis`: `1` sums each row (e.g. a per-sample log-det, `[n, d] → [n]`),
  /// `0` each column (`[n, d] → [d]`). With `keepingDimensions`, the result is `[n, 1]` or `[1, d]`.
  public func sum(alongAxis axis: Int, keepingDimensions: Bool = false) -> Tensor {
    usagePrecondition(shape.count == 2, "sum(alongAxis:): needs a matrix, got shape \(shape)")
    usagePrecondition(
      axis == 0 || axis == 1, "sum(alongAxis:): axis must be 0 or 1, got \(axis) for shape \(shape)"
    )
    let (rows, columns) = (shape[0], shape[1])
    let resultShape =
      axis == 1
      ? (keepingDimensions ? [rows, 1] : [rows]) : (keepingDimensions ? [1, columns] : [columns])
    let result = Tensor(repeating: 0, shape: resultShape)
    let out = result.storage
    for row in 0..<rows {
      let base = row * columns
      if axis == 1 {
        var total: Float = 0
        for column in 0..<columns { total += storage[base + column] }
        out[row] = total
      } else {
        for column in 0..<columns { out[column] += storage[base + column] }
      }
    }
    return result.recorded("sum(alongAxis: \(axis))", from: self) { _, g in
      self.accumulateGradient { gradient in
        for row in 0..<rows {
          for column in 0..<columns {
            gradient[row * columns + column] += g[axis == 1 ? row : column]
          }
        }
      }
    }
  }

  /// The mean of a matrix along `axis` (see `sum(alongAxis:)`).
  public func mean(alongAxis axis: Int, keepingDimensions: Bool = false) -> Tensor {
    usagePrecondition(shape.count == 2, "mean(alongAxis:): needs a matrix, got shape \(shape)")
    let length = axis == 1 ? shape[1] : shape[0]
    return sum(alongAxis: axis, keepingDimensions: keepingDimensions)
      * (1 / Float(Swift.max(length, 1)))
  }
}
