/// Scales the gradients of `parameters` down so their global L2 norm is at most `maxNorm`
/// (`torch.nn.utils.clip_grad_norm_`), and returns the norm before clipping.
@discardableResult
public func clipGradients(of parameters: [Tensor], maxNorm: Float) -> Float {
  usagePrecondition(maxNorm > 0, "clipGradients: maxNorm must be positive, got \(maxNorm)")
  var sumOfSquares: Double = 0
  for gradient in parameters.compactMap(\.gradient) {
    gradient.withUnsafeBufferPointer {
      for value in $0 { sumOfSquares += Double(value) * Double(value) }
    }
  }
  let norm = Float(sumOfSquares.squareRoot())
  if norm > maxNorm {
    let scale = maxNorm / (norm + 1e-6)
    for gradient in parameters.compactMap(\.gradient) {
      gradient.withUnsafeMutableBufferPointer { for index in $0.indices { $0[index] *= scale } }
    }
  }
  return norm
}
