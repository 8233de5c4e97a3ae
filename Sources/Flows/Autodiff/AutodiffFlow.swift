import Foundation
import NeuralNet

/// The same flow written with Autodiff tensors and NeuralNet layers — the "PyTorch way", where gradients
/// come from the recorded graph instead of hand-derived backward passes.
///
/// It copies a `Flow`'s parameters (couplings and ActNorms; LU-linear layers are not expressed here) and is
/// the independent reference the plain-arrays engine is checked against: same log-det, same gradients,
/// same loss curve (`AutodiffTraining`). It also gives exact per-sample Jacobians for the course's checks.
public final class AutodiffFlow {
  enum Stage {
    case coupling(kept: [Int], transformed: [Int], conditioner: MLP)
    case actNorm(logScale: Tensor, bias: Tensor)
  }

  /// The recipe of the flow this was copied from.
  public let configuration: FlowConfiguration
  let stages: [Stage]

  /// A tensor copy of `flow`; throws `FlowError.invalidConfiguration` if it has LU-linear layers.
  public init(copying flow: Flow) throws {
    guard !flow.configuration.luLinear else {
      throw FlowError.invalidConfiguration(
        "the autodiff reference covers couplings and ActNorm, not LU-linear layers")
    }
    configuration = flow.configuration
    func tensor(_ parameter: Parameter, shape: [Int]) -> Tensor {
      Tensor(shape: shape, scalars: parameter.value.array, requiresGradient: true)
    }
    stages = flow.stages.map { stage in
      if let coupling = stage as? AffineCoupling {
        let c = coupling.conditioner
        let layers = [
          Linear(
            weight: tensor(c.weight1, shape: [c.inputs, c.hidden]),
            bias: tensor(c.bias1, shape: [c.hidden])),
          Linear(
            weight: tensor(c.weight2, shape: [c.hidden, c.hidden]),
            bias: tensor(c.bias2, shape: [c.hidden])),
          Linear(
            weight: tensor(c.weight3, shape: [c.hidden, c.outputs]),
            bias: tensor(c.bias3, shape: [c.outputs])),
        ]
        return .coupling(
          kept: coupling.keptIndices, transformed: coupling.transformedIndices,
          conditioner: MLP(layers: layers, activation: .relu))
      }
      let actNorm = stage as! ActNorm
      return .actNorm(
        logScale: tensor(actNorm.logScale, shape: [actNorm.dimension]),
        bias: tensor(actNorm.bias, shape: [actNorm.dimension]))
    }
  }

  /// All parameter tensors, in the order of `Flow.parameters`.
  public var parameters: [Tensor] {
    stages.flatMap { stage -> [Tensor] in
      switch stage {
      case .coupling(_, _, let conditioner): return conditioner.parameters
      case .actNorm(let logScale, let bias): return [logScale, bias]
      }
    }
  }

  /// Number of layers (couplings and ActNorms), as in `Flow.layers`.
  public var layerCount: Int { stages.count }

  /// Layer `l` applied to `x` ([n, D]): `(z, logDet)` with `logDet` of shape [n].
  public func forward(layer l: Int, _ x: Tensor) -> (z: Tensor, logDet: Tensor) {
    switch stages[l] {
    case .coupling(let kept, let transformed, let conditioner):
      let out = conditioner(x[columns: kept])
      let width = transformed.count
      let s = out[columns: 0..<width].tanh()
      let t = out[columns: width..<(2 * width)]
      let zt = x[columns: transformed] * s.exp() + t
      // Put the columns back in their original order.
      let columns = (0..<x.shape[1]).map { j -> Tensor in
        if let c = kept.firstIndex(of: j) { return x[columns: [kept[c]]] }
        return zt[columns: [transformed.firstIndex(of: j)!]]
      }
      return (Tensor.concatenate(columns, alongAxis: 1), s.sum(alongAxis: 1))
    case .actNorm(let logScale, let bias):
      let z = x * logScale.exp() + bias
      return (z, Tensor.zeros([x.shape[0]]) + logScale.sum())
    }
  }

  /// The whole flow: `(z, logDet)` with the log-dets of all layers summed, shape [n].
  public func forward(_ x: Tensor) -> (z: Tensor, logDet: Tensor) {
    var z = x
    var logDet = Tensor.zeros([x.shape[0]])
    for l in stages.indices {
      let (next, layerLogDet) = forward(layer: l, z)
      z = next
      logDet = logDet + layerLogDet
    }
    return (z, logDet)
  }

  /// −(1/n) Σ log p(x_i): the training loss, a scalar tensor.
  public func negativeLogLikelihood(_ x: Tensor) -> Tensor {
    let (z, logDet) = forward(x)
    let d = Float(x.shape[1])
    let logProb = -0.5 * z.square().sum(alongAxis: 1) + logDet - 0.5 * d * Float(log(2 * Double.pi))
    return -logProb.mean()
  }

  /// Per point, the Jacobian ∂z/∂x of layer `l` (or of the whole flow when `l` is nil) by reverse-mode
  /// autodiff: one backward sweep per output coordinate, seeded with that coordinate's one-hot column.
  public func jacobians(at x: Batch, layer l: Int? = nil) -> [[[Double]]] {
    let d = x.dimension
    var rows = [[[Double]]](repeating: [[Double]](repeating: [], count: d), count: x.count)
    for output in 0..<d {
      let input = Tensor(shape: [x.count, d], scalars: x.values, requiresGradient: true)
      let z = l.map { forward(layer: $0, input).z } ?? forward(input).z
      let seed = Tensor(
        shape: [x.count, d], scalars: (0..<(x.count * d)).map { $0 % d == output ? 1 : 0 })
      z.backward(seed: seed)
      let gradient = input.gradient!.scalars
      for i in 0..<x.count { rows[i][output] = (0..<d).map { Double(gradient[i * d + $0]) } }
    }
    for parameter in parameters { parameter.zeroGradient() }
    return rows
  }
}
