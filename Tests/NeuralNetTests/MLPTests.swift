import Foundation
import NeuralNet
import Testing
import _TestSupport

/// The MLP's parameter gradients, its fit of a known function and reproducibility by seed.
@Suite struct MLPTests {
  @Test func parameterGradientsMatchFiniteDifferences() {
    var rng = SeededGenerator(seed: 3)
    let mlp = MLP(sizes: [2, 5, 4, 2], activation: .tanh, rng: &rng)
    let x = Tensor.randomNormal([6, 2], using: &rng)
    checkGradients(of: mlp.parameters) { (mlp(x) - 0.5).square().mean() }
  }

  @Test func reluMLPParameterGradientsMatchFiniteDifferences() {
    var rng = SeededGenerator(seed: 4)
    let mlp = MLP(sizes: [1, 8, 8, 2], activation: .relu, rng: &rng)
    let x = Tensor.randomNormal([5, 1], using: &rng)
    checkGradients(of: mlp.parameters, step: 1e-3) { mlp(x).square().mean() }
  }

  @Test func fitsSine() {
    var rng = SeededGenerator(seed: 11)
    let mlp = MLP(sizes: [1, 32, 32, 1], activation: .tanh, rng: &rng)
    let x = Tensor((0..<64).map { -3 + 6 * Float($0) / 63 }).reshaped(to: [64, 1])
    let y = x.mapScalars { sinf($0) }
    var optimizer = Adam(parameters: mlp.parameters, learningRate: 0.01)
    var loss: Float = .infinity
    for _ in 0..<600 {
      optimizer.zeroGradients()
      let step = (mlp(x) - y).square().mean()
      step.backward()
      optimizer.step()
      loss = step.item
    }
    // sin has variance ≈ 0.5 on [−3, 3]; 600 Adam steps reach ≈ 1e-5 (1/50,000 of it).
    #expect(loss < 1e-4)
  }

  @Test func sameSeedGivesBitIdenticalTraining() {
    func train() -> (losses: [UInt32], parameters: [UInt32]) {
      var rng = SeededGenerator(seed: 5)
      let mlp = MLP(sizes: [1, 16, 2], activation: .relu, rng: &rng)
      var optimizer = Adam(parameters: mlp.parameters, learningRate: 0.01)
      var losses: [UInt32] = []
      for _ in 0..<20 {
        let x = Tensor.randomNormal([32, 1], using: &rng)
        optimizer.zeroGradients()
        let loss = (mlp(x) - Tensor.concatenate([x, x.square()], alongAxis: 1)).square().mean()
        loss.backward()
        optimizer.step()
        losses.append(loss.item.bitPattern)
      }
      return (losses, mlp.parameters.flatMap { $0.scalars.map(\.bitPattern) })
    }
    let first = train()
    let second = train()
    #expect(first.losses == second.losses)
    #expect(first.parameters == second.parameters)
  }
}

extension Tensor {
  /// A constant tensor with `transform` applied to every scalar (test data, not differentiated).
  fileprivate func mapScalars(_ transform: (Float) -> Float) -> Tensor {
    Tensor(shape: shape, scalars: scalars.map(transform))
  }
}
