/// The worst errors of one layer of a flow on a set of points, for the course's table of checks.
public struct LayerCheck: Sendable {
  /// The layer's name, e.g. `layer2.coupling`, or `flow` for the whole composition.
  public var name: String
  /// Worst |analytic log-det − log|det J|| over the points, J by finite differences in `Double`.
  public var maxLogDetError: Double
  /// Worst |analytic log-det − log|det J|| with J from autodiff; nil for a bijector checked on its own.
  public var maxAutodiffLogDetError: Double?
  /// Worst relative round-trip error over the points.
  public var maxRoundTripError: Double
  /// Worst |forward log-det + inverse log-det| over the points.
  public var maxCancellationError: Double
}

extension FlowChecks {
  /// Checks every layer of `flow` on the points it actually sees (the data after the previous layers),
  /// then the whole flow on `x`; the last element is the whole flow.
  public static func layerChecks(of flow: Flow, at x: Batch) -> [LayerCheck] {
    let inputs = flow.trajectory(x)
    var checks: [LayerCheck] = []
    for (l, layer) in flow.layers.enumerated() {
      var layerCheck = check(layer, named: flow.layerNames[l], at: inputs[l])
      layerCheck.maxAutodiffLogDetError = autodiffLogDetChecks(
        of: flow, at: inputs[l], layer: l
      ).map(\.error).max()
      checks.append(layerCheck)
    }
    var whole = check(flow, named: "flow", at: x)
    whole.maxAutodiffLogDetError = autodiffLogDetChecks(of: flow, at: x).map(\.error).max()
    checks.append(whole)
    return checks
  }

  /// The worst errors of one bijector on `x`.
  public static func check(_ bijector: any Bijector, named name: String, at x: Batch) -> LayerCheck {
    LayerCheck(
      name: name,
      maxLogDetError: logDetChecks(of: bijector, at: x).map(\.error).max() ?? 0,
      maxAutodiffLogDetError: nil,
      maxRoundTripError: roundTripErrors(of: bijector, at: x).max() ?? 0,
      maxCancellationError: logDetCancellation(of: bijector, at: x).max() ?? 0)
  }
}
