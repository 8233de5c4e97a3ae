@testable import Flows

/// Checks hand-derived backward passes against central differences in `Double` of the test loss
/// `L = (1/N) Σ_i (½|f(x_i)|² − logDet(x_i))` (the flow's NLL up to a constant).
enum GradientCheck {
  /// Runs forward and backward on `x`; parameter gradients are left in the parameters, dL/dx is returned.
  static func analytic(_ layer: any FlowLayer, at x: Batch) throws -> (loss: Float, input: [Float]) {
    for parameter in layer.parameters { parameter.zeroGradient() }
    let n = x.count
    let d = x.dimension
    var z = [Float](repeating: 0, count: n * d)
    var logDet = [Float](repeating: 0, count: n)
    var dx = [Float](repeating: 0, count: n * d)
    var loss: Float = 0
    x.values.withUnsafeBufferPointer { input in
      z.withUnsafeMutableBufferPointer { output in
        logDet.withUnsafeMutableBufferPointer { l in
          layer.forward(
            input.baseAddress!, into: output.baseAddress!, addingLogDetTo: l.baseAddress!, rows: n)
        }
        for i in 0..<n {
          loss +=
            (0..<d).reduce(0) { $0 + 0.5 * output[i * d + $1] * output[i * d + $1] } - logDet[i]
        }
        let dz = output.map { $0 / Float(n) }
        dz.withUnsafeBufferPointer { g in
          dx.withUnsafeMutableBufferPointer { gx in
            layer.backward(
              outputGradient: g.baseAddress!, inputGradient: gx.baseAddress!,
              logDetGradient: -1 / Float(n), rows: n)
          }
        }
      }
    }
    return (loss / Float(n), dx)
  }

  /// The test loss in `Double` through the layer's reference forward pass.
  static func referenceLoss(_ layer: any FlowLayer, at values: [Double], dimension d: Int) -> Double {
    let n = values.count / d
    return (0..<n).reduce(0.0) { total, i in
      let (z, logDet) = layer.referenceForward(Array(values[(i * d)..<((i + 1) * d)]))!
      return total + 0.5 * z.reduce(0) { $0 + $1 * $1 } - logDet
    } / Double(n)
  }

  static func numericInputGradient(
    _ layer: any FlowLayer, at x: Batch, index: Int, step h: Double = 1e-5
  ) -> Double {
    var plus = x.values.map(Double.init)
    var minus = plus
    plus[index] += h
    minus[index] -= h
    return
      (referenceLoss(layer, at: plus, dimension: x.dimension)
      - referenceLoss(layer, at: minus, dimension: x.dimension)) / (2 * h)
  }

  /// Central difference in one `Float` parameter, dividing by the step actually representable in `Float`.
  static func numericParameterGradient(
    _ layer: any FlowLayer, _ parameter: Parameter, index: Int, at x: Batch
  ) -> Double {
    let original = parameter.value[index]
    // Small enough that no ReLU kink is crossed at the test points, large enough to be exact in Float.
    let h = max(abs(original), 1) * 1e-5
    let values = x.values.map(Double.init)
    parameter.value[index] = original + h
    let upper = Double(parameter.value[index])
    let lossPlus = referenceLoss(layer, at: values, dimension: x.dimension)
    parameter.value[index] = original - h
    let lower = Double(parameter.value[index])
    let lossMinus = referenceLoss(layer, at: values, dimension: x.dimension)
    parameter.value[index] = original
    return (lossPlus - lossMinus) / (upper - lower)
  }
}
