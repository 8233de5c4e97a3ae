import Autodiff

/// A flow layer written on the autodiff `Tensor` only — e.g. a student's own coupling layer in a chapter
/// cell. It joins a `Flow` (`Flow(dimension:layers:)`), is trained by the same `Trainer` (best with
/// `engine: .autodiff`, where the whole loss is one recorded graph) and checked by the same `FlowChecks`.
///
/// The layer declares its trainable parameters (`Parameter`s, created once and returned as the same objects
/// every time) and writes its map as a function of them: `forward` and `inverse` receive the parameters as
/// tensors, in the order of `parameters`, and must compute only from those tensors, so that gradients reach
/// them. Contract (as `Bijector`'s): `forward` returns `z` ([n, D]) and log|det ∂z/∂x| per point ([n]);
/// `inverse` returns `x` and log|det ∂x/∂z|, minus the forward log-det.
///
/// ```swift
/// final class ShiftCoupling: TensorBijector {          // NICE's additive coupling: z₁ = x₁ + t(x₀)
///   let dimension = 2
///   let parameters: [Parameter]
///   init(seed: UInt64) { … Parameter(name: "w1", values: …, shape: [1, 32]) … }
///   func forward(_ x: Tensor, parameters p: [Tensor]) -> (z: Tensor, logDet: Tensor) {
///     let t = x[columns: [0]].linear(weight: p[0], bias: p[1]).relu().linear(weight: p[2], bias: p[3])
///     return (Tensor.concatenate([x[columns: [0]], x[columns: [1]] + t], alongAxis: 1),
///             Tensor.zeros([x.shape[0]]))
///   }
///   func inverse(…)   // x₁ = z₁ − t(z₀)
/// }
/// ```
public protocol TensorBijector: Bijector {
  /// `(z, log|det ∂z/∂x|)` for `x` ([n, D]), the parameters given as tensors in the order of `parameters`.
  func forward(_ x: Tensor, parameters: [Tensor]) -> (z: Tensor, logDet: Tensor)
  /// `(x, log|det ∂x/∂z|)` for `z` ([n, D]); the log-det is minus the forward one.
  func inverse(_ z: Tensor, parameters: [Tensor]) -> (x: Tensor, logDet: Tensor)
}

extension TensorBijector {
  /// The parameters' current values as tensors, in order (leaves with `requiresGradient` when asked).
  public func parameterTensors(requiringGradient: Bool = false) -> [Tensor] {
    parameters.map { Tensor(shape: $0.shape, scalars: $0.value.array, requiresGradient: requiringGradient) }
  }

  /// Data → latent with the current parameter values (nothing recorded).
  public func forward(_ x: Batch) -> (z: Batch, logDet: [Float]) {
    let (z, logDet) = withoutGradients { forward(x.tensor, parameters: parameterTensors()) }
    return (Batch(count: x.count, dimension: dimension, values: z.scalars), logDet.scalars)
  }

  /// Latent → data with the current parameter values (nothing recorded).
  public func inverse(_ z: Batch) -> (x: Batch, logDet: [Float]) {
    let (x, logDet) = withoutGradients { inverse(z.tensor, parameters: parameterTensors()) }
    return (Batch(count: z.count, dimension: dimension, values: x.scalars), logDet.scalars)
  }
}

extension Batch {
  /// The points as an [count, dimension] tensor.
  var tensor: Tensor { Tensor(shape: [count, dimension], scalars: values) }
}
