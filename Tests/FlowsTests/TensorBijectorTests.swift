import Autodiff
import Flows
import Testing

/// A coupling layer written the way a chapter cell would write one: public API only, on `Tensor`.
/// z_t = x_t·exp(s) + t with (ŝ, t) from a one-hidden-layer MLP of x_k and s = tanh(ŝ).
final class StudentCoupling: TensorBijector {
  let dimension = 2
  let kept: Int
  let parameters: [Parameter]

  init(kept: Int, hidden: Int = 16, seed: UInt64) {
    self.kept = kept
    var generator = SeededGenerator(seed: seed)
    func uniform(_ count: Int, _ bound: Float) -> [Float] {
      (0..<count).map { _ in (2 * generator.uniform() - 1) * bound }
    }
    let bound = 1 / Float(hidden).squareRoot()
    parameters = [
      Parameter(name: "w1", values: uniform(hidden, 1), shape: [1, hidden]),
      Parameter(name: "b1", values: uniform(hidden, 1)),
      Parameter(name: "w2", values: uniform(2 * hidden, bound), shape: [hidden, 2]),
      Parameter(name: "b2", values: uniform(2, bound)),
    ]
  }

  private var transformed: Int { 1 - kept }

  private func scaleAndShift(_ xk: Tensor, _ p: [Tensor]) -> (s: Tensor, t: Tensor) {
    let out = xk.linear(weight: p[0], bias: p[1]).relu().linear(weight: p[2], bias: p[3])
    return (out[columns: [0]].tanh(), out[columns: [1]])
  }

  private func joined(_ xk: Tensor, _ xt: Tensor) -> Tensor {
    Tensor.concatenate(kept == 0 ? [xk, xt] : [xt, xk], alongAxis: 1)
  }

  func forward(_ x: Tensor, parameters p: [Tensor]) -> (z: Tensor, logDet: Tensor) {
    let (xk, xt) = (x[columns: [kept]], x[columns: [transformed]])
    let (s, t) = scaleAndShift(xk, p)
    return (joined(xk, xt * s.exp() + t), s.sum(alongAxis: 1))
  }

  func inverse(_ z: Tensor, parameters p: [Tensor]) -> (x: Tensor, logDet: Tensor) {
    let (zk, zt) = (z[columns: [kept]], z[columns: [transformed]])
    let (s, t) = scaleAndShift(zk, p)
    return (joined(zk, (zt - t) * (-s).exp()), -s.sum(alongAxis: 1))
  }
}

// The example of docs/flows.md ("Your own layer"), verbatim.
/// NICE's additive coupling: the coordinate `kept` passes through, the other is shifted by t(x_kept);
/// log-det 0. Alternate `kept` from layer to layer.
final class ShiftCoupling: TensorBijector {
  let dimension = 2
  let kept: Int
  let parameters: [Parameter]
  init(kept: Int, hidden: Int = 32, seed: UInt64) {
    self.kept = kept
    var g = SeededGenerator(seed: seed)
    func uniform(_ n: Int) -> [Float] { (0..<n).map { _ in 0.3 * (2 * g.uniform() - 1) } }
    parameters = [
      Parameter(name: "w1", values: uniform(hidden), shape: [1, hidden]),
      Parameter(name: "b1", values: uniform(hidden)),
      Parameter(name: "w2", values: uniform(hidden), shape: [hidden, 1]),
      Parameter(name: "b2", values: [0]),
    ]
  }
  func map(_ x: Tensor, _ p: [Tensor], sign: Float) -> Tensor {
    let (a, b) = (x[columns: [kept]], x[columns: [1 - kept]])
    let moved = b + sign * a.linear(weight: p[0], bias: p[1]).relu().linear(weight: p[2], bias: p[3])
    return Tensor.concatenate(kept == 0 ? [a, moved] : [moved, a], alongAxis: 1)
  }
  func forward(_ x: Tensor, parameters p: [Tensor]) -> (z: Tensor, logDet: Tensor) {
    (map(x, p, sign: 1), Tensor.zeros([x.shape[0]]))
  }
  func inverse(_ z: Tensor, parameters p: [Tensor]) -> (x: Tensor, logDet: Tensor) {
    (map(z, p, sign: -1), Tensor.zeros([z.shape[0]]))
  }
}

@Suite struct TensorBijectorTests {
  static func studentFlow(engine: FlowEngine = .autodiff) throws -> Flow {
    try Flow(
      dimension: 2, layers: (0..<4).map { StudentCoupling(kept: $0 % 2, seed: UInt64($0)) },
      engine: engine)
  }

  @Test func aStudentLayerPassesTheBijectorChecks() {
    let layer = StudentCoupling(kept: 1, seed: 7)
    let x = ToyDataset.moons.sample(16, seed: 3)
    #expect(layer.referenceForward([0, 0]) == nil)
    // Finite differences of the Float map (step 1e-2) against the layer's own log-det.
    #expect(FlowChecks.logDetChecks(of: layer, at: x).map(\.error).max()! <= 2e-3)
    #expect(FlowChecks.roundTripErrors(of: layer, at: x).max()! <= 1e-5)
    #expect(FlowChecks.logDetCancellation(of: layer, at: x).max()! <= 1e-5)
  }

  @Test func aFlowOfStudentLayersComposesThem() throws {
    let flow = try Self.studentFlow()
    #expect(flow.layerNames == (0..<4).map { "layer\($0).StudentCoupling" })
    #expect(flow.configuration == nil)
    let x = ToyDataset.checkerboard.sample(64, seed: 5)
    var (z, logDet) = (x, [Float](repeating: 0, count: x.count))
    for layer in flow.layers {
      let (next, layerLogDet) = layer.forward(z)
      (z, logDet) = (next, zip(logDet, layerLogDet).map(+))
    }
    let composed = flow.forward(x)
    #expect(composed.z.values == z.values)
    #expect(composed.logDet == logDet)
    #expect(FlowChecks.roundTripErrors(of: flow, at: x).max()! <= 1e-5)
    #expect(FlowChecks.autodiffLogDetChecks(of: flow, at: x.selecting(Array(0..<8))).map(\.error).max()! <= 1e-4)
    #expect(throws: FlowError.self) { try flow.save(to: "/tmp/never-written.json") }
  }

  @Test func wrongDimensionsAreRejected() {
    #expect(throws: FlowError.self) { try Flow(dimension: 3, layers: [StudentCoupling(kept: 0, seed: 0)]) }
    #expect(throws: FlowError.self) { try Flow(dimension: 2, layers: []) }
  }

  @Test func layerByLayerGradientsMatchTheWholeGraph() throws {
    // The dense engine back-propagates through each student layer's own graph; the autodiff engine records
    // the whole loss at once. Same gradients.
    let flow = try Self.studentFlow(engine: .dense)
    #expect(try FlowChecks.autodiffGradientError(of: flow, on: ToyDataset.moons.sample(64, seed: 9)) <= 1e-4)
  }

  @Test func theTrainerTrainsStudentLayersWithTheAutodiffEngine() throws {
    var options = TrainingOptions()
    (options.steps, options.batchSize, options.learningRate) = (40, 64, 5e-3)
    (options.heldOutSize, options.testSize, options.evaluationInterval) = (256, 512, 20)
    let held = ToyDataset.moons.sample(512, seed: 77)
    let autodiffFlow = try Self.studentFlow()
    let before = autodiffFlow.negativeLogLikelihood(held)
    let autodiff = try Trainer(options: options).train(autodiffFlow, on: .moons)
    #expect(autodiff.testNLL < before - 0.3)
    // The trained values live in the student's own Parameter objects, which the flow shares.
    let layer = autodiffFlow.layers[0]
    #expect(layer.forward(held).z.values != StudentCoupling(kept: 0, seed: 0).forward(held).z.values)
    // Layer-by-layer back-propagation (dense engine) follows the same loss curve.
    let dense = try Trainer(options: options).train(try Self.studentFlow(engine: .dense), on: .moons)
    for (a, b) in zip(dense.losses, autodiff.losses) { #expect(abs(a - b) <= 1e-4 * abs(a)) }
  }

  @Test func theGuidesExampleLayerWorks() throws {
    let x = ToyDataset.moons.sample(100, seed: 0)
    #expect(FlowChecks.roundTripErrors(of: ShiftCoupling(kept: 0, seed: 1), at: x).max()! <= 1e-6)
    let flow = try Flow(dimension: 2, layers: (0..<4).map { ShiftCoupling(kept: $0 % 2, seed: UInt64($0)) })
    #expect(FlowChecks.logDetChecks(of: flow, at: x.selecting(Array(0..<8))).map(\.error).max()! <= 2e-3)
    #expect(try FlowChecks.autodiffGradientError(of: flow, on: x) <= 1e-4)
  }
}
