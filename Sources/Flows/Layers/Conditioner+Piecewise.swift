import Foundation

/// Scratch of the piecewise-linear conditioner path, reused every step.
final class PiecewiseScratch {
  /// Units with w1 ≠ 0, sorted by breakpoint t_j = −b1_j / w1_j.
  var unitOrder: [Int] = []
  var breakpoints: [Float] = []
  /// Samples sorted by their input u.
  var sampleOrder: [Int] = []
  /// For each sample, its interval's snapshot of (A, B).
  var interval: [Int32] = []
  /// Snapshots of A = Σ_active w1_j W2[j,:] and B = Σ_active b1_j W2[j,:] (each `hidden` floats).
  var slopes: [Float] = [], offsets: [Float] = []
  /// The inputs u of the last forward pass, copied for the backward pass.
  var inputs: [Float] = []
}

/// The 1-input conditioner evaluated exactly without its hidden×hidden matrix product.
///
/// With a scalar input u, `h1 = relu(u·w1 + b1)` is piecewise linear in u with one breakpoint per unit,
/// t_j = −b1_j/w1_j. Between breakpoints the active set is fixed, so the second layer's pre-activation is
/// `u·A + B + b2` with `A = Σ_active w1_j·W2[j,:]`, `B = Σ_active b1_j·W2[j,:]`. Sorting the samples and
/// sweeping the breakpoints gives the forward pass in O(N·H + H²) instead of O(N·H²); the backward pass
/// uses running sums over the sorted samples (in `Double`) the same way. Mathematically identical to the
/// dense path; it rounds differently, so it is checked against it to 1e-5 (values) and 1e-4 (gradients).
extension Conditioner {
  /// The second layer's ReLU output `h2` (rows×hidden) by the breakpoint sweep; fills `scratch`.
  func piecewiseHidden2(_ u: UnsafePointer<Float>, into h2: UnsafeMutablePointer<Float>, rows: Int) {
    let s = piecewise
    let h = hidden
    let w1 = weight1.value.pointer
    let b1 = bias1.value.pointer
    let w2 = weight2.value.pointer
    let b2 = bias2.value.pointer
    s.inputs.removeAll(keepingCapacity: true)
    s.inputs.append(contentsOf: UnsafeBufferPointer(start: u, count: rows))
    s.unitOrder = (0..<h).filter { w1[$0] != 0 }.sorted { -b1[$0] / w1[$0] < -b1[$1] / w1[$1] }
    s.breakpoints = s.unitOrder.map { -b1[$0] / w1[$0] }
    s.sampleOrder = (0..<rows).sorted { u[$0] < u[$1] }
    if s.interval.count < rows { s.interval = Array(repeating: 0, count: rows) }
    s.slopes.removeAll(keepingCapacity: true)
    s.offsets.removeAll(keepingCapacity: true)
    // Active set at u → −∞: decreasing units, and constant units with a positive bias.
    var slope = [Double](repeating: 0, count: h)
    var offset = [Double](repeating: 0, count: h)
    func toggle(_ j: Int, sign: Double) {
      let a = sign * Double(w1[j])
      let b = sign * Double(b1[j])
      let row = w2 + j * h
      for c in 0..<h {
        slope[c] += a * Double(row[c])
        offset[c] += b * Double(row[c])
      }
    }
    for j in 0..<h where w1[j] < 0 || (w1[j] == 0 && b1[j] > 0) { toggle(j, sign: 1) }
    var next = 0
    var changed = true
    for i in s.sampleOrder {
      while next < s.breakpoints.count && s.breakpoints[next] < u[i] {
        let j = s.unitOrder[next]
        toggle(j, sign: w1[j] > 0 ? 1 : -1)
        next += 1
        changed = true
      }
      if changed {
        s.slopes.append(contentsOf: slope.map { Float($0) })
        s.offsets.append(contentsOf: (0..<h).map { Float(offset[$0]) + b2[$0] })
        changed = false
      }
      let k = s.slopes.count / h - 1
      s.interval[i] = Int32(k)
      Kernels.affineReLU(
        u[i], slope: s.slopes, offset: s.offsets, at: k * h, into: h2 + i * h, count: h)
    }
  }

  /// Backward of the piecewise path from `dpre2` (dL/d pre-activation of layer 2, rows×hidden): adds the
  /// gradients of W2, w1, b1 and writes dL/du.
  func piecewiseBackward(
    _ dpre2: UnsafePointer<Float>, inputGradient du: UnsafeMutablePointer<Float>, rows: Int
  ) {
    let s = piecewise
    let h = hidden
    let u = s.inputs
    let w1 = weight1.value.pointer
    let b1 = bias1.value.pointer
    let w2 = weight2.value.pointer
    let gw1 = weight1.gradient.pointer
    let gb1 = bias1.gradient.pointer
    let gw2 = weight2.gradient.pointer
    for i in 0..<rows {
      du[i] = Kernels.dot(dpre2 + i * h, s.slopes, at: Int(s.interval[i]) * h, count: h)
    }
    // Running sums over the sorted samples: P = Σ dpre2_i, Q = Σ u_i·dpre2_i.
    var p = [Double](repeating: 0, count: h)
    var q = [Double](repeating: 0, count: h)
    // A unit active on a set S of samples receives dW2[j,:] += w1_j·Q_S + b1_j·P_S,
    // dw1_j += W2[j,:]·Q_S, db1_j += W2[j,:]·P_S; `weight` ±1 adds or subtracts the prefix sums.
    func contribute(_ j: Int, weight: Double) {
      let a = weight * Double(w1[j])
      let b = weight * Double(b1[j])
      let row = w2 + j * h
      let grad = gw2 + j * h
      var dotQ = 0.0
      var dotP = 0.0
      for c in 0..<h {
        grad[c] += Float(a * q[c] + b * p[c])
        dotQ += Double(row[c]) * q[c]
        dotP += Double(row[c]) * p[c]
      }
      gw1[j] += Float(weight * dotQ)
      gb1[j] += Float(weight * dotP)
    }
    var next = 0
    for i in s.sampleOrder {
      while next < s.breakpoints.count && s.breakpoints[next] < u[i] {
        let j = s.unitOrder[next]
        // Increasing units switch on here (active on the suffix: total − prefix); decreasing ones switch off
        // (active on the prefix).
        contribute(j, weight: w1[j] > 0 ? -1 : 1)
        next += 1
      }
      Kernels.accumulate(dpre2 + i * h, scale: Double(u[i]), p: &p, q: &q)
    }
    // Totals: increasing units that switched on, decreasing units that never switched off, positive constants.
    let switched = Set(s.unitOrder[..<next])
    for j in 0..<h {
      let increasingOn = w1[j] > 0 && switched.contains(j)
      let decreasingStillOn = w1[j] < 0 && !switched.contains(j)
      if increasingOn || decreasingStillOn || (w1[j] == 0 && b1[j] > 0) { contribute(j, weight: 1) }
    }
  }
}
