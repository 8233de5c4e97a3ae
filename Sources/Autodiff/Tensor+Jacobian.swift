extension Tensor {
  /// The Jacobian of a function that maps each row of `input` independently (like a flow layer),
  /// one `[m, d]` matrix per row: `result[i][j, k] = ∂output[i, j] / ∂input[i, k]` for `input`
  /// `[n, d]` and `function(input)` `[n, m]`.
  ///
  /// Costs one forward pass and `m` backward passes: because rows do not interact, back-propagating
  /// the one-hot column `j` gives row `j` of every sample's Jacobian at once. Records even inside
  /// `withoutGradients`.
  public static func rowJacobians(of function: (Tensor) -> Tensor, at input: Tensor) -> [Tensor] {
    usagePrecondition(
      input.shape.count == 2,
      "rowJacobians: input must be a matrix [n, d], got shape \(input.shape)")
    return GradientMode.$isRecording.withValue(true) {
      let x = Tensor(shape: input.shape, scalars: input.scalars, requiresGradient: true)
      let y = function(x)
      guard y.shape.count == 2, y.shape[0] == input.shape[0] else {
        ShapeError(
          "rowJacobians: output shape \(y.shape) must be [\(input.shape[0]), m] for input \(input.shape)"
        ).fail()
      }
      let (n, d, m) = (input.shape[0], input.shape[1], y.shape[1])
      let jacobians = (0..<n).map { _ in Tensor.zeros([m, d]) }
      guard y.requiresGradient else { return jacobians }
      for outputColumn in 0..<m {
        let seed = Tensor.zeros([n, m])
        for row in 0..<n { seed.storage[row * m + outputColumn] = 1 }
        x.zeroGradient()
        y.backward(seed: seed)
        guard let gradient = x.gradient else { continue }
        for row in 0..<n {
          (jacobians[row].storage + outputColumn * d).update(
            from: gradient.storage + row * d, count: d)
        }
      }
      return jacobians
    }
  }
}
