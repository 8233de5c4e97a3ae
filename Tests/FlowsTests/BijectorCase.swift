import Autodiff
import Testing

@testable import Flows

/// One bijector of the conformance suite: small, with non-trivial parameters, built fresh per test.
struct BijectorCase: CustomTestStringConvertible, Sendable {
  let name: String
  let make: @Sendable () -> any FlowLayer

  var testDescription: String { name }

  /// Every kind of layer, and flows composing them.
  static let all: [BijectorCase] = [
    BijectorCase(name: "coupling keeping x") {
      var generator = SeededGenerator(seed: 1)
      return AffineCoupling(mask: [true, false], hidden: 8, generator: &generator)
    },
    BijectorCase(name: "coupling keeping y, 3-D") {
      var generator = SeededGenerator(seed: 2)
      return AffineCoupling(mask: [false, true, false], hidden: 8, generator: &generator)
    },
    BijectorCase(name: "coupling, piecewise engine") {
      var generator = SeededGenerator(seed: 12)
      return AffineCoupling(mask: [false, true], hidden: 16, engine: .piecewise, generator: &generator)
    },
    BijectorCase(name: "coupling keeping y, 3-D, piecewise (four conditioner outputs)") {
      var generator = SeededGenerator(seed: 16)
      return AffineCoupling(mask: [false, true, false], hidden: 16, engine: .piecewise, generator: &generator)
    },
    BijectorCase(name: "coupling, Glow's sigmoid scale") {
      var generator = SeededGenerator(seed: 14)
      return AffineCoupling(
        mask: [true, false], hidden: 8, scaleBound: .glowSigmoid, generator: &generator)
    },
    BijectorCase(name: "coupling, soft-clamped scale, piecewise") {
      var generator = SeededGenerator(seed: 15)
      return AffineCoupling(
        mask: [false, true], hidden: 16, scaleBound: .softClamp, engine: .piecewise,
        generator: &generator)
    },
    BijectorCase(name: "actnorm") {
      let layer = ActNorm(dimension: 2)
      _ = layer.forward(ToyDataset.moons.sample(64, seed: 3))
      return layer
    },
    BijectorCase(name: "lu linear") {
      let layer = LULinear(dimension: 3)
      var generator = SeededGenerator(seed: 4)
      for parameter in layer.parameters {
        parameter.value.assign((0..<parameter.count).map { _ in generator.normal() * 0.5 })
      }
      return layer
    },
    BijectorCase(name: "realnvp flow") {
      try! Flow(FlowConfiguration(couplings: 4, hidden: 8), seed: 5)
    },
    BijectorCase(name: "realnvp flow, piecewise engine") {
      try! Flow(FlowConfiguration(couplings: 4, hidden: 32), seed: 13, engine: .piecewise)
    },
    BijectorCase(name: "flow with actnorm and lu") {
      let flow = try! Flow(
        FlowConfiguration(couplings: 2, hidden: 8, actNorm: true, luLinear: true), seed: 6)
      _ = flow.forward(ToyDataset.checkerboard.sample(64, seed: 7))
      return flow
    },
  ]
}

/// Points of dimension `dimension` for checks: standard normal, scaled by 1.5.
func testPoints(_ count: Int, dimension: Int, seed: UInt64 = 11) -> Batch {
  var generator = SeededGenerator(seed: seed)
  return Batch(
    count: count, dimension: dimension,
    values: (0..<(count * dimension)).map { _ in 1.5 * generator.normal() })
}
