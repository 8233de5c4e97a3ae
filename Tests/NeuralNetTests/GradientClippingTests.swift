import NeuralNet
import Testing

/// Clipping by global norm.
@Suite struct GradientClippingTests {
  @Test func clippingScalesToTheMaximumNorm() throws {
    let p = Tensor([0, 0], requiresGradient: true)
    (Tensor([3, 4]) * p).sum().backward()
    let norm = clipGradients(of: [p], maxNorm: 1)
    #expect(norm == 5)
    let clipped = try #require(p.gradient).scalars
    #expect(abs(clipped[0] - 0.6) < 1e-5 && abs(clipped[1] - 0.8) < 1e-5)
  }
}
