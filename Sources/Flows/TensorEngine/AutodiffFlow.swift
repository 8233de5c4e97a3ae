import Autodiff
import Foundation

/// A flow run on Autodiff tensors — the "PyTorch way", where gradients come from the recorded graph
/// instead of hand-derived backward passes.
///
/// It holds one tensor per parameter of a `Flow` and runs each layer's own autodiff form (`forward(_:parameters:)`,
/// in the layer's `+Autodiff` file) in turn. Made by `init(copying:)` it is the independent reference the
/// plain-arrays engine is checked against (same log-det, same gradients, same loss curve:
/// `AutodiffTraining`) and gives exact per-sample Jacobians for the course's checks.
public final class AutodiffFlow {
  /// The recipe of the flow this was made from (nil for a flow of your own layers).
  public let configuration: FlowConfiguration?
  /// All parameter tensors, in the order of `Flow.parameters`.
  public let parameters: [Tensor]
  let flow: Flow

  /// A tensor copy of `flow`'s parameters; later changes to either do not reach the other.
  public init(copying flow: Flow) {
    configuration = flow.configuration
    self.flow = flow
    parameters = flow.parameters.map {
      Tensor(shape: $0.shape, scalars: $0.value.array, requiresGradient: true)
    }
  }

  /// Number of layers, as in `Flow.layers`.
  public var layerCount: Int { flow.stages.count }

  /// Layer `l` applied to `x` ([n, D]): `(z, logDet)` with `logDet` of shape [n].
  public func forward(layer l: Int, _ x: Tensor) -> (z: Tensor, logDet: Tensor) {
    let start = flow.stages[..<l].reduce(0) { $0 + $1.parameters.count }
    let end = start + flow.stages[l].parameters.count
    return flow.stages[l].forward(x, parameters: parameters[start..<end])
  }

  /// The whole flow: `(z, logDet)` with the log-dets of all layers summed, shape [n].
  public func forward(_ x: Tensor) -> (z: Tensor, logDet: Tensor) {
    flow.forward(x, parameters: parameters[...])
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
