/// An invertible, differentiable map between batches of points with a cheap log-Jacobian determinant.
///
/// Contract (every conforming type, and the conformance tests, hold to it):
/// - `forward` maps data `x` to latent `z` and returns `logDet = log|det ∂z/∂x|` per point;
/// - `inverse` maps `z` back to `x` and returns `logDet = log|det ∂x/∂z|` per point, which is the
///   **negative** of the forward log-det at the corresponding point, so the two cancel on a round trip;
/// - both keep the number of points and the dimension.
///
/// With a base density `p_Z`, the change of variables gives `log p_X(x) = log p_Z(f(x)) + logDet(x)`.
public protocol Bijector: AnyObject {
  /// The dimension D of the points the map acts on.
  var dimension: Int { get }
  /// Data → latent: `(z, log|det ∂z/∂x|)` for every point of `x`.
  func forward(_ x: Batch) -> (z: Batch, logDet: [Float])
  /// Latent → data: `(x, log|det ∂x/∂z|)` for every point of `z`; the log-det is minus the forward one.
  func inverse(_ z: Batch) -> (x: Batch, logDet: [Float])
  /// The trainable parameters, by name; empty for a fixed map.
  var parameters: [Parameter] { get }
  /// The forward map of one point evaluated in `Double` from the `Float` parameters — the independent
  /// reference that finite-difference Jacobians are taken of (`FlowChecks.jacobian`) — or nil when the
  /// bijector has none (the default); checks then difference its `Float` forward pass with a larger step.
  func referenceForward(_ x: [Double]) -> (z: [Double], logDet: Double)?
}

extension Bijector {
  /// No `Double` reference.
  public func referenceForward(_ x: [Double]) -> (z: [Double], logDet: Double)? { nil }

  /// Total number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}
