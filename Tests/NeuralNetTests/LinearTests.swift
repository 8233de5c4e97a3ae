import NeuralNet
import Testing

/// Linear's initialisation, shapes and its message for a wrong input.
@Suite struct LinearTests {
  @Test func initialisationIsUniformWithinOneOverSquareRootOfInputSize() {
    var rng = SeededGenerator(seed: 8)
    let layer = Linear(inputSize: 16, outputSize: 64, rng: &rng)
    #expect(layer.weight.shape == [16, 64] && layer.bias.shape == [64])
    let values = layer.weight.scalars + layer.bias.scalars
    #expect(values.allSatisfy { abs($0) < 0.25 })
    #expect(values.contains { abs($0) > 0.2 })
    #expect(layer.parameters.allSatisfy { $0.requiresGradient })
  }

  @Test func computesInputTimesWeightPlusBias() {
    let layer = Linear(weight: Tensor([[1, 2], [3, 4]]), bias: Tensor([10, 20]))
    #expect(layer(Tensor([[1, 1], [0, 2]])).rows == [[14, 26], [16, 28]])
  }

  @Test func wrongInputWidthNamesBothShapes() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var rng = SeededGenerator(seed: 0)
      _ = Linear(inputSize: 3, outputSize: 2, rng: &rng)(Tensor.zeros([5, 4]))
    }.map { result in
      let message = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(
        message.contains("Linear: input has shape [5, 4], expected [batch, 3] for weight [3, 2]"))
    }
  }
}
