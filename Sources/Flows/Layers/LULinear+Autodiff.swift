import Autodiff

// The LU layer's autodiff form: W = L·U assembled from the parameter tensors by products with constant
// 0/1 matrices (the Tensor type has no scatter), so every parameter gets its gradient from the graph.

extension LULinear {
  /// `(x·Wᵀ + b, Σ log U_ii)` for `x` ([n, D]), parameters `[lower, upper, diagonal, bias]` as tensors.
  func forward(_ x: Tensor, parameters: ArraySlice<Tensor>) -> (z: Tensor, logDet: Tensor) {
    let p = Array(parameters)
    let (lower, upper, diagonal, bias) = (p[0], p[1], p[2], p[3])
    let d = dimension
    let (lowerPlacement, upperPlacement, diagonalPlacement) = placements()
    let u = diagonal.softplus() + Self.diagonalFloor
    let identity = Tensor(shape: [d, d], scalars: (0..<(d * d)).map { $0 % (d + 1) == 0 ? 1 : 0 })
    let l = identity + lower.reshaped(to: [1, lower.count]).matmul(lowerPlacement).reshaped(to: [d, d])
    let upperMatrix =
      upper.reshaped(to: [1, upper.count]).matmul(upperPlacement)
      + u.reshaped(to: [1, d]).matmul(diagonalPlacement)
    let w = l.matmul(upperMatrix.reshaped(to: [d, d]))
    let z = x.matmul(w.transposed()) + bias
    return (z, Tensor.zeros([x.shape[0]]) + u.log().sum())
  }

  /// Constant matrices placing the strictly lower entries, the strictly upper entries and the diagonal
  /// (each as a row vector) into a row-major D×D matrix flattened to [1, D²], in the parameters' order.
  private func placements() -> (lower: Tensor, upper: Tensor, diagonal: Tensor) {
    let d = dimension
    let triangle = d * (d - 1) / 2
    var lower = [Float](repeating: 0, count: triangle * d * d)
    var upper = lower
    var diagonal = [Float](repeating: 0, count: d * d * d)
    var (lowerIndex, upperIndex) = (0, 0)
    for i in 0..<d {
      diagonal[i * d * d + i * d + i] = 1
      for j in 0..<i {
        lower[lowerIndex * d * d + i * d + j] = 1
        lowerIndex += 1
      }
      for j in (i + 1)..<d {
        upper[upperIndex * d * d + i * d + j] = 1
        upperIndex += 1
      }
    }
    return (
      Tensor(shape: [triangle, d * d], scalars: lower), Tensor(shape: [triangle, d * d], scalars: upper),
      Tensor(shape: [d, d * d], scalars: diagonal)
    )
  }
}
