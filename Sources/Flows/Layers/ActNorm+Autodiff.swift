import Autodiff

// ActNorm's autodiff form.

extension ActNorm {
  /// `(x·exp(logScale) + bias, Σ logScale)` for `x` ([n, D]), parameters `[logScale, bias]` as tensors.
  func forward(_ x: Tensor, parameters: ArraySlice<Tensor>) -> (z: Tensor, logDet: Tensor) {
    let (logScale, bias) = (parameters[parameters.startIndex], parameters[parameters.startIndex + 1])
    return (x * logScale.exp() + bias, Tensor.zeros([x.shape[0]]) + logScale.sum())
  }
}
