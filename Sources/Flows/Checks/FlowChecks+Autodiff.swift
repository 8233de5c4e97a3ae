import Autodiff

extension FlowChecks {
  /// For every point of `x`: the flow's (or layer `l`'s) closed-form log-det against log|det J| of the
  /// Jacobian from reverse-mode autodiff (`AutodiffFlow`, the layers' `Tensor` forms).
  public static func autodiffLogDetChecks(of flow: Flow, at x: Batch, layer l: Int? = nil)
    -> [LogDetCheck]
  {
    let reference = AutodiffFlow(copying: flow)
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

extension FlowChecks {
  /// The worst difference, over the parameters, between the hand-derived gradient of the NLL of `batch` and
  /// the autodiff one, each relative to the parameter's largest autodiff gradient (at least 1e-3).
  public static func autodiffGradientError(of flow: Flow, on batch: Batch) throws -> Double {
    let step = TrainingStep(
      flow: flow, optimiser: FusedAdam(parameters: flow.parameters), rows: batch.count)
    _ = try step.lossAndGradients(batch)
    let reference = AutodiffFlow(copying: flow)
    reference.negativeLogLikelihood(
      Tensor(shape: [batch.count, batch.dimension], scalars: batch.values)
    ).backward()
    var worst = 0.0
    for (parameter, tensor) in zip(flow.parameters, reference.parameters) {
      let expected = tensor.gradient?.scalars ?? Array(repeating: 0, count: parameter.count)
      let scale = max(expected.map { Double(abs($0)) }.max() ?? 0, 1e-3)
      for (index, value) in expected.enumerated() {
        worst = max(worst, abs(Double(parameter.gradient[index]) - Double(value)) / scale)
      }
    }
    for parameter in flow.parameters { parameter.zeroGradient() }
    return worst
  }
}
