/// The tolerances `flowbook verify` (and the course's checks) hold a flow to, in one place.
public struct FlowTolerance: Sendable {
  /// Worst |analytic log-det − log|det J|| (finite-difference and autodiff Jacobians).
  public var logDet = 1e-4
  /// Worst relative round-trip error |f⁻¹(f(x)) − x| / max(1, |x|).
  public var roundTrip = 1e-5
  /// Worst |hand-derived − autodiff gradient| relative to the parameter's largest gradient.
  public var gradient = 1e-3
  /// Worst relative difference of the dense engine's loss curve from the autodiff engine's.
  public var denseLossCurve = 1e-4

  /// The standard tolerances.
  public init() {}

  /// Whether every check of `checks` (log-dets, autodiff log-dets, round trips) is within tolerance.
  public func accepts(_ checks: [LayerCheck]) -> Bool {
    checks.allSatisfy {
      $0.maxLogDetError <= logDet && ($0.maxAutodiffLogDetError ?? 0) <= logDet
        && $0.maxRoundTripError <= roundTrip
    }
  }
}
