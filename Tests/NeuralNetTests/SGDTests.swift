import NeuralNet
import Testing

/// SGD with momentum against updates computed by hand.
@Suite struct SGDTests {
  @Test func sgdWithMomentum() {
    let p = Tensor(1, requiresGradient: true)
    var sgd = SGD(parameters: [p], learningRate: 0.1, momentum: 0.5)
    for _ in 0..<2 {
      sgd.zeroGradients()
      (2 * p).backward()
      sgd.step()
    }
    // b₁ = 2, p = 0.8; b₂ = 0.5·2 + 2 = 3, p = 0.5.
    #expect(abs(p.item - 0.5) < 1e-6)
  }
}
