import NeuralNet
import Testing

/// Adam against updates computed by hand.
@Suite struct AdamTests {
  @Test func matchesHandComputedUpdates() throws {
    // loss = 3a + b², a = 1, b = 2: gradients (3, 4) then (3, 2b₁).
    let a = Tensor(1, requiresGradient: true)
    let b = Tensor(2, requiresGradient: true)
    var adam = Adam(parameters: [a, b], learningRate: 0.1)
    func step() {
      adam.zeroGradients()
      (3 * a + b.square()).backward()
      adam.step()
    }
    step()
    // Step 1: m̂ = g, v̂ = g², so each parameter moves by lr · g/(|g| + ε) = 0.1.
    #expect(abs(a.item - 0.9) < 1e-6)
    #expect(abs(b.item - 1.9) < 1e-6)
    step()
    // Step 2 for b: g₂ = 3.8; m = 0.9·0.4 + 0.1·3.8 = 0.74 → m̂ = 0.74/0.19;
    // v = 0.999·0.016 + 0.001·14.44 = 0.030424 → v̂ = 0.030424/0.001999.
    let expectedB = 1.9 - 0.1 * (0.74 / 0.19) / ((0.030424 / 0.001999).squareRoot() + 1e-8)
    #expect(abs(Double(b.item) - expectedB) < 1e-5)
    #expect(abs(a.item - 0.8) < 1e-5)
  }
}
