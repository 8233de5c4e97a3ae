import Foundation
import _FlowKernels

extension ToyDataset {
  /// The true log-density of the two moons (noise σ = 0.05) at each point of `x`, in `Double`.
  ///
  /// Each half circle's angle is uniform on [0, π] and the noise is N(0, σ²I), so
  /// p(x) = ½ Σ_moon (1/π) ∫₀^π N(x; c(a), σ²I) da, here by the midpoint rule with `nodes` angles per moon
  /// (720 put neighbouring centres σ/11 apart: far more digits than a test NLL needs). Not closed form,
  /// so not `logDensity`: it is the reference a trained flow is judged against on the same held-out points,
  /// whose mean −log p has the Monte-Carlo error that any model's test NLL also has.
  public static func moonsLogDensity(_ x: Batch, nodes: Int = 720) -> [Double] {
    precondition(x.dimension == 2, "the moons are 2-D, got points of dimension \(x.dimension)")
    let sigma = 0.05
    let angles = (0..<nodes).map { Double.pi * (Double($0) + 0.5) / Double(nodes) }
    let centreX = angles.map { cos($0) } + angles.map { 1 - cos($0) }
    let centreY = angles.map { sin($0) } + angles.map { 0.5 - sin($0) }
    // The mean of the 2·nodes Gaussians, each of weight 1 / (2·nodes), summed from the nearest centre
    // (log-sum-exp) so that points far from the moons do not underflow to −∞.
    let logNormaliser = -log(2 * Double.pi * sigma * sigma) - log(Double(centreX.count))
    var exponents = [Double](repeating: 0, count: centreX.count)
    var logDensity = [Double](repeating: 0, count: x.count)
    fk_mixture_log_density(
      x.values, x.count, centreX, centreY, centreX.count, 2 * sigma * sigma, logNormaliser, &exponents, &logDensity)
    return logDensity
  }
}
