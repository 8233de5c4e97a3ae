import Autodiff
import Testing

@testable import Flows

/// The contract every bijector must keep (see `Bijector`), checked on each kind of layer and on flows.
@Suite struct BijectorConformanceTests {
  @Test(arguments: BijectorCase.all)
  func keepsShape(_ bijectorCase: BijectorCase) {
    let bijector = bijectorCase.make()
    let x = testPoints(16, dimension: bijector.dimension)
    let (z, logDet) = bijector.forward(x)
    #expect(z.count == x.count && z.dimension == x.dimension && logDet.count == x.count)
    let back = bijector.inverse(z)
    #expect(back.x.count == x.count && back.logDet.count == x.count)
  }

  @Test(arguments: BijectorCase.all)
  func roundTripsToTheInput(_ bijectorCase: BijectorCase) {
    let bijector = bijectorCase.make()
    let errors = FlowChecks.roundTripErrors(
      of: bijector, at: testPoints(64, dimension: bijector.dimension))
    #expect(errors.max()! <= 1e-5)
  }

  @Test(arguments: BijectorCase.all)
  func forwardAndInverseLogDetsCancel(_ bijectorCase: BijectorCase) {
    let bijector = bijectorCase.make()
    let errors = FlowChecks.logDetCancellation(
      of: bijector, at: testPoints(64, dimension: bijector.dimension))
    #expect(errors.max()! <= 1e-5)
  }

  @Test(arguments: BijectorCase.all)
  func logDetMatchesTheFiniteDifferenceJacobian(_ bijectorCase: BijectorCase) {
    let bijector = bijectorCase.make()
    let checks = FlowChecks.logDetChecks(
      of: bijector, at: testPoints(24, dimension: bijector.dimension))
    #expect(checks.map(\.error).max()! <= 1e-4)
    // Not vacuous: the maps really change volume somewhere.
    #expect(checks.contains { abs($0.jacobian) > 1e-3 })
  }

  @Test(arguments: BijectorCase.all)
  func everyParameterGetsAGradientAndNothingIsNonFinite(_ bijectorCase: BijectorCase) throws {
    let bijector = bijectorCase.make()
    let x = testPoints(32, dimension: bijector.dimension)
    let gradients = try GradientCheck.analytic(bijector, at: x)
    for parameter in bijector.parameters {
      let gradient = parameter.gradient.array
      #expect(gradient.allSatisfy { $0.isFinite }, "\(parameter.name) has a non-finite gradient")
      #expect(gradient.contains { $0 != 0 }, "\(parameter.name) gets no gradient")
    }
    #expect(gradients.input.allSatisfy { $0.isFinite })
    #expect(bijector.forward(x).z.values.allSatisfy { $0.isFinite })
  }

  @Test(arguments: BijectorCase.all)
  func backwardMatchesFiniteDifferencesOfTheLoss(_ bijectorCase: BijectorCase) throws {
    let bijector = bijectorCase.make()
    let x = testPoints(8, dimension: bijector.dimension)
    let gradients = try GradientCheck.analytic(bijector, at: x)
    for (index, analytic) in gradients.input.enumerated() {
      let numeric = GradientCheck.numericInputGradient(bijector, at: x, index: index)
      #expect(abs(Double(analytic) - numeric) <= 1e-3 * max(1, abs(numeric)), "input \(index)")
    }
    for parameter in bijector.parameters {
      for index in stride(from: 0, to: parameter.count, by: max(1, parameter.count / 7)) {
        let numeric = GradientCheck.numericParameterGradient(
          bijector, parameter, index: index, at: x)
        let analytic = Double(parameter.gradient[index])
        #expect(
          abs(analytic - numeric) <= 1e-3 * max(1, abs(numeric)), "\(parameter.name)[\(index)]")
      }
    }
  }

  @Test(arguments: BijectorCase.all)
  func theAutodiffFormHasTheSameMapLogDetAndGradients(_ bijectorCase: BijectorCase) throws {
    let layer = bijectorCase.make()
    let x = testPoints(16, dimension: layer.dimension)
    let (z, logDet) = layer.forward(x)
    let tensors = layer.parameters.map {
      Tensor(shape: $0.shape, scalars: $0.value.array, requiresGradient: true)
    }
    let input = Tensor(shape: [x.count, x.dimension], scalars: x.values)
    let (tensorZ, tensorLogDet) = layer.forward(input, parameters: tensors[...])
    #expect(zip(z.values, tensorZ.scalars).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($0)) })
    #expect(zip(logDet, tensorLogDet.scalars).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($0)) })
    // The test loss of GradientCheck, (1/N) Σ (½|z|² − logDet), differentiated both ways.
    (0.5 * tensorZ.square().sum(alongAxis: 1) - tensorLogDet).mean().backward()
    _ = try GradientCheck.analytic(layer, at: x)
    for (parameter, tensor) in zip(layer.parameters, tensors) {
      let expected = try #require(tensor.gradient).scalars
      let scale = max(expected.map { abs($0) }.max()!, 1e-3)
      let worst = zip(parameter.gradient.array, expected).map { abs($0 - $1) }.max()!
      #expect(worst <= 1e-3 * scale, "\(parameter.name): \(worst) of \(scale)")
    }
  }
}
