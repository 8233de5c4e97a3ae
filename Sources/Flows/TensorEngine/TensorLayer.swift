import Autodiff

/// A `TensorBijector` as a layer of a `Flow`: every form derived from its one `Tensor` map.
///
/// The fast form runs the tensor map without recording; `backward` records it once more on the saved input and
/// back-propagates `Σ dL/dz ⊙ z + dL/d(logDet)·Σ logDet`, so the dense and piecewise trainers can step such a
/// layer too (the autodiff engine records the whole flow instead). It has no `Double` reference: checks
/// difference its `Float` map.
final class TensorLayer: FlowLayer {
  let layer: any TensorBijector
  let name: String
  private let workspace = Workspace()
  private var saved = SavedForward()

  init(_ layer: any TensorBijector, name: String) {
    self.layer = layer
    self.name = name
  }

  var dimension: Int { layer.dimension }
  var parameters: [Parameter] { layer.parameters }
  var kind: String { "tensor" }

  func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    let input = tensor(x, rows: rows)
    let (z, layerLogDet) = withoutGradients { layer.forward(input, parameters: layer.parameterTensors()) }
    write(z, layerLogDet, into: y, logDet: logDet, rows: rows)
    workspace.keep(x, count: rows * dimension, as: "input")
    saved.record(rows: rows)
  }

  func inverse(
    _ y: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    let input = tensor(y, rows: rows)
    let (result, layerLogDet) = withoutGradients {
      layer.inverse(input, parameters: layer.parameterTensors())
    }
    write(result, layerLogDet, into: x, logDet: logDet, rows: rows)
  }

  func backward(
    outputGradient dy: UnsafePointer<Float>, inputGradient dx: UnsafeMutablePointer<Float>,
    logDetGradient: Float, rows: Int
  ) {
    saved.check(rows: rows, layer: name)
    let input = tensor(workspace.buffer("input", count: rows * dimension), rows: rows)
    input.requiresGradient = true
    let tensors = layer.parameterTensors(requiringGradient: true)
    let (z, logDet) = layer.forward(input, parameters: tensors)
    let loss = (z * tensor(dy, rows: rows)).sum() + logDet.sum() * logDetGradient
    loss.backward()
    copy(input.gradient, into: dx, count: rows * dimension)
    for (parameter, tensor) in zip(parameters, tensors) {
      guard let gradient = tensor.gradient else { continue }
      gradient.withUnsafeBufferPointer { g in
        for k in 0..<parameter.count { parameter.gradient[k] += g[k] }
      }
    }
  }

  func forward(_ x: Tensor, parameters: ArraySlice<Tensor>) -> (z: Tensor, logDet: Tensor) {
    layer.forward(x, parameters: Array(parameters))
  }

  private func tensor(_ pointer: UnsafePointer<Float>, rows: Int) -> Tensor {
    Tensor(shape: [rows, dimension], scalars: Array(UnsafeBufferPointer(start: pointer, count: rows * dimension)))
  }

  private func copy(_ source: Tensor?, into target: UnsafeMutablePointer<Float>, count: Int) {
    guard let source else {
      target.update(repeating: 0, count: count)
      return
    }
    source.withUnsafeBufferPointer { target.update(from: $0.baseAddress!, count: count) }
  }

  private func write(
    _ points: Tensor, _ layerLogDet: Tensor, into output: UnsafeMutablePointer<Float>,
    logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    precondition(
      points.shape == [rows, dimension] && layerLogDet.count == rows,
      "\(name): the tensor map must return points [\(rows), \(dimension)] and \(rows) log-dets, "
        + "got \(points.shape) and \(layerLogDet.shape)")
    copy(points, into: output, count: rows * dimension)
    layerLogDet.withUnsafeBufferPointer { l in
      for i in 0..<rows { logDet[i] += l[i] }
    }
  }
}
