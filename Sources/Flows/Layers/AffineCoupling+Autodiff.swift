import Autodiff
import NeuralNet

// The coupling's autodiff form: the same map on `Tensor`s, with gradients from the recorded graph.

extension AffineCoupling {
  /// `(z, logDet)` for `x` ([n, D]) with the conditioner's parameters given as tensors
  /// `[weight1, bias1, weight2, bias2, weight3, bias3]`.
  func forward(_ x: Tensor, parameters: ArraySlice<Tensor>) -> (z: Tensor, logDet: Tensor) {
    let p = Array(parameters)
    let conditioner = MLP(
      layers: [
        Linear(weight: p[0], bias: p[1]), Linear(weight: p[2], bias: p[3]),
        Linear(weight: p[4], bias: p[5]),
      ], activation: .relu)
    let out = conditioner(x[columns: keptIndices])
    let width = transformedIndices.count
    let s = scaleBound.apply(out[columns: 0..<width])
    let t = out[columns: width..<(2 * width)]
    let zt = x[columns: transformedIndices] * s.exp() + t
    // Put the columns back in their original order.
    let columns = (0..<dimension).map { j -> Tensor in
      if keptIndices.contains(j) { return x[columns: [j]] }
      return zt[columns: [transformedIndices.firstIndex(of: j)!]]
    }
    return (Tensor.concatenate(columns, alongAxis: 1), s.sum(alongAxis: 1))
  }
}
