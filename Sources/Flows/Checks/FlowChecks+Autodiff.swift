extension FlowChecks {
  /// For every point of `x`: the flow's (or layer `l`'s) closed-form log-det against log|det J| of the
  /// Jacobian from reverse-mode autodiff (`AutodiffFlow`). Throws for flows with LU-linear layers.
  public static func autodiffLogDetChecks(of flow: Flow, at x: Batch, layer l: Int? = nil) throws
    -> [LogDetCheck]
  {
    let reference = try AutodiffFlow(copying: flow)
    let bijector: any Bijector = l.map { flow.layers[$0] } ?? flow
    let analytic = bijector.forward(x).logDet
    let jacobians = reference.jacobians(at: x, layer: l)
    return (0..<x.count).map { i in
      LogDetCheck(
        point: x[point: i], analytic: Double(analytic[i]), jacobian: logAbsDeterminant(jacobians[i])
      )
    }
  }
}
