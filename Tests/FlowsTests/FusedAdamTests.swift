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

  @Test func clippingBoundsTheGlobalNorm() {
    let parameter = Parameter(name: "p", values: [0, 0])
    parameter.gradient.assign([3, 4])
    let norm = FusedAdam(parameters: [parameter]).clipGradients(maxNorm: 1)
    #expect(norm == 5)
    #expect(abs(parameter.gradient[0] - 0.6) < 1e-5 && abs(parameter.gradient[1] - 0.8) < 1e-5)
  }
}
