import Foundation
import NeuralNet
import Testing

@testable import Flows

@Suite struct FusedAdamTests {
  @Test func stepsExactlyLikeNeuralNetsAdam() {
    let values: [Float] = (0..<37).map { Float($0) * 0.1 - 1.7 }
    let gradients: [Float] = (0..<37).map { sin(Float($0)) }
    let parameter = Parameter(name: "p", values: values)
    let tensor = Tensor(values, requiresGradient: true)
    let fused = FusedAdam(parameters: [parameter])
    var reference = NeuralNet.Adam(parameters: [tensor], learningRate: 1e-2)
    for _ in 0..<3 {
      parameter.gradient.assign(gradients)
      fused.step(learningRate: 1e-2)
      tensor.zeroGradient()
      (tensor * Tensor(gradients)).sum().backward()
      reference.step()
    }
    #expect(parameter.value.array == tensor.scalars)
    #expect(parameter.value.array != values)
  }

  /// The piecewise engine's one-division form: the same updates up to a few ulps.
  @Test func theOneDivisionFormMakesTheSameUpdatesUpToRounding() {
    let values: [Float] = (0..<37).map { Float($0) * 0.1 - 1.7 }
    let parameters = [true, false].map { _ in Parameter(name: "p", values: values) }
    let optimisers = zip(parameters, [true, false]).map {
      FusedAdam(parameters: [$0], exactRounding: $1)
    }
    for step in 0..<5 {
      let gradients: [Float] = (0..<37).map { sin(Float($0 * (step + 1)) + 0.5) * (step == 2 ? 1e-4 : 1) }
      for (parameter, optimiser) in zip(parameters, optimisers) {
        parameter.gradient.assign(gradients)
        optimiser.step(learningRate: 1e-2)
      }
    }
    let (exact, fast) = (parameters[0].value.array, parameters[1].value.array)
    for index in values.indices {
      let moved = abs(exact[index] - values[index])
      #expect(moved > 1e-3)
      #expect(abs(fast[index] - exact[index]) <= 1e-5 * moved, "parameter \(index)")
    }
  }

  @Test func clippingBoundsTheGlobalNorm() {
    let parameter = Parameter(name: "p", values: [0, 0])
    parameter.gradient.assign([3, 4])
    let norm = FusedAdam(parameters: [parameter]).clipGradients(maxNorm: 1)
    #expect(norm == 5)
    #expect(abs(parameter.gradient[0] - 0.6) < 1e-5 && abs(parameter.gradient[1] - 0.8) < 1e-5)
  }
}
