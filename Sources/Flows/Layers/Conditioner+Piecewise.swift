import _FlowKernels

/// A fixed-size heap array of any plain element type, for the piecewise engine's scratch.
final class ScratchArray<Element> {
  let count: Int
  let pointer: UnsafeMutablePointer<Element>

  init(count: Int, repeating value: Element) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: value, count: max(count, 1))
  }

  deinit { pointer.deallocate() }
}

/// Scratch of the piecewise-linear conditioner path, sized for the largest batch seen and reused every step
/// (a step allocates nothing).
final class PiecewiseScratch {
  /// All units ordered by breakpoint t_j = −b1_j / w1_j (units with w1_j = 0, which never switch, last with
  /// t = +∞). Kept from step to step: the breakpoints barely move, so re-sorting is an insertion sort of a
  /// nearly sorted list.
  var unitOrder: ScratchArray<Int32>
  /// The breakpoints by unit, and in `unitOrder`.
  var unitBreakpoint: ScratchArray<Float>, breakpoints: ScratchArray<Float>
  /// Running sums of the sweep in `Double`: A and B (forward), P = Σ d and Q = Σ u·d over the samples so
  /// far and over all samples (backward).
  var slope: ScratchArray<Double>, offset: ScratchArray<Double>
  var prefix: ScratchArray<Double>, weightedPrefix: ScratchArray<Double>
  var total: ScratchArray<Double>, weightedTotal: ScratchArray<Double>
  /// Snapshots of (A, B + b2), one per interval between breakpoints that holds a sample: (hidden + 1)·hidden.
  var slopes: ScratchArray<Float>, offsets: ScratchArray<Float>
  /// Number of snapshots of the last forward pass, and per snapshot the number of units (in `unitOrder`)
  /// switched before its interval.
  var snapshotCount = 0
  var switchedBefore: ScratchArray<Int32>
  /// Per interval, Σ d and Σ u·d over its samples (backward; summed in `Float`, a few samples each).
  var intervalSums: ScratchArray<Float>, weightedIntervalSums: ScratchArray<Float>
  /// The two dot products a unit's contribution returns.
  var dots: ScratchArray<Double>
  /// W3 transposed (outputs×hidden), its gradient in that layout, and a row kernel's scratch.
  var outputWeights: ScratchArray<Float>, outputGradient: ScratchArray<Float>, rowScratch: ScratchArray<Float>
  /// Per sorted position: the sample's row, its input u and its interval's snapshot (from the forward pass).
  var sampleOrder: ScratchArray<Int32>, sortedInputs: ScratchArray<Float>, interval: ScratchArray<Int32>
  /// Radix-sort buffers: (order-preserving key of u) << 32 | row.
  var keys: ScratchArray<UInt64>, sortedKeys: ScratchArray<UInt64>

  init(hidden: Int, outputs: Int) {
    unitOrder = ScratchArray(count: hidden, repeating: 0)
    for j in 0..<hidden { unitOrder.pointer[j] = Int32(j) }
    unitBreakpoint = ScratchArray(count: hidden, repeating: 0)
    breakpoints = ScratchArray(count: hidden, repeating: 0)
    slope = ScratchArray(count: hidden, repeating: 0)
    offset = ScratchArray(count: hidden, repeating: 0)
    prefix = ScratchArray(count: hidden, repeating: 0)
    weightedPrefix = ScratchArray(count: hidden, repeating: 0)
    total = ScratchArray(count: hidden, repeating: 0)
    weightedTotal = ScratchArray(count: hidden, repeating: 0)
    slopes = ScratchArray(count: (hidden + 1) * hidden, repeating: 0)
    offsets = ScratchArray(count: (hidden + 1) * hidden, repeating: 0)
    switchedBefore = ScratchArray(count: hidden + 1, repeating: 0)
    intervalSums = ScratchArray(count: (hidden + 1) * hidden, repeating: 0)
    weightedIntervalSums = ScratchArray(count: (hidden + 1) * hidden, repeating: 0)
    dots = ScratchArray(count: 2, repeating: 0)
    outputWeights = ScratchArray(count: outputs * hidden, repeating: 0)
    outputGradient = ScratchArray(count: outputs * hidden, repeating: 0)
    rowScratch = ScratchArray(count: 2 * hidden, repeating: 0)
    sampleOrder = ScratchArray(count: 0, repeating: 0)
    sortedInputs = ScratchArray(count: 0, repeating: 0)
    interval = ScratchArray(count: 0, repeating: 0)
    keys = ScratchArray(count: 0, repeating: 0)
    sortedKeys = ScratchArray(count: 0, repeating: 0)
  }

  /// Grows the per-sample buffers to `rows`.
  func reserve(rows: Int) {
    guard rows > sampleOrder.count else { return }
    sampleOrder = ScratchArray(count: rows, repeating: 0)
    sortedInputs = ScratchArray(count: rows, repeating: 0)
    interval = ScratchArray(count: rows, repeating: 0)
    keys = ScratchArray(count: rows, repeating: 0)
    sortedKeys = ScratchArray(count: rows, repeating: 0)
  }

  /// Re-sorts `unitOrder` by the current breakpoints (insertion sort: nearly sorted after one step).
  func sortUnits(weight w1: UnsafePointer<Float>, bias b1: UnsafePointer<Float>, hidden: Int) {
    let t = unitBreakpoint.pointer
    for j in 0..<hidden { t[j] = w1[j] != 0 ? -b1[j] / w1[j] : .infinity }
    let order = unitOrder.pointer
    for k in 1..<max(hidden, 1) {
      let unit = order[k]
      let key = t[Int(unit)]
      var m = k
      while m > 0 && t[Int(order[m - 1])] > key {
        order[m] = order[m - 1]
        m -= 1
      }
      order[m] = unit
    }
    for k in 0..<hidden { breakpoints.pointer[k] = t[Int(order[k])] }
  }

  /// Sorts the rows by `u` into `sampleOrder` and `sortedInputs`: an LSD radix sort on the top 16 bits of an
  /// order-preserving integer key (2 passes of 8 bits), then an insertion sort on the whole key, which only
  /// moves samples that share those 16 bits (sign, exponent and 7 bits of mantissa: a few per bucket).
  func sortSamples(_ u: UnsafePointer<Float>, rows: Int) {
    var source = keys.pointer
    var target = sortedKeys.pointer
    for i in 0..<rows {
      let bits = u[i].bitPattern
      let key = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
      source[i] = UInt64(key) << 32 | UInt64(i)
    }
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { count in
      for shift in stride(from: 48, to: 64, by: 8) {
        count.initialize(repeating: 0)
        for i in 0..<rows { count[Int((source[i] >> UInt64(shift)) & 0xFF)] += 1 }
        if count.contains(rows) { continue }  // every key has this digit: nothing to move
        var total = 0
        for digit in 0..<256 {
          let n = count[digit]
          count[digit] = total
          total += n
        }
        for i in 0..<rows {
          let digit = Int((source[i] >> UInt64(shift)) & 0xFF)
          target[count[digit]] = source[i]
          count[digit] += 1
        }
        swap(&source, &target)
      }
    }
    for i in 1..<max(rows, 1) {
      let key = source[i]
      var m = i
      while m > 0 && source[m - 1] > key {
        source[m] = source[m - 1]
        m -= 1
      }
      source[m] = key
    }
    for position in 0..<rows {
      let row = Int32(truncatingIfNeeded: source[position])
      sampleOrder.pointer[position] = row
      sortedInputs.pointer[position] = u[Int(row)]
    }
  }
}

/// The 1-input conditioner evaluated exactly without its hidden×hidden matrix product.
///
/// With a scalar input u, `h1 = relu(u·w1 + b1)` is piecewise linear in u with one breakpoint per unit,
/// t_j = −b1_j/w1_j. Between breakpoints the active set is fixed, so the second layer's pre-activation is
/// `u·A + B + b2` with `A = Σ_active w1_j·W2[j,:]`, `B = Σ_active b1_j·W2[j,:]`. Sorting the samples and
/// sweeping the breakpoints gives the forward pass in O(N·H + H²) instead of O(N·H²), with the output layer
/// fused into the sweep (h2 is never stored: the backward sweep recomputes each row from its interval's
/// snapshot). The backward pass sums d and u·d over each interval's samples, then sweeps the intervals with
/// running sums in `Double`, the same way.
/// Mathematically identical to the dense path; it rounds differently, so it is checked against it to 1e-5
/// (values) and 1e-4 (gradients).
extension Conditioner {
  /// `o = MLP(u)` for `rows` one-input rows by the breakpoint sweep; keeps the sorted samples and the
  /// snapshots for `piecewiseBackward`.
  func piecewiseForward(_ u: UnsafePointer<Float>, into o: UnsafeMutablePointer<Float>, rows: Int) {
    let s = piecewise
    let (h, n) = (hidden, outputs)
    let (w1, b1, w2) = (weight1.value.pointer, bias1.value.pointer, weight2.value.pointer)
    let (b2, w3, b3) = (bias2.value.pointer, weight3.value.pointer, bias3.value.pointer)
    s.reserve(rows: rows)
    s.sortUnits(weight: w1, bias: b1, hidden: h)
    s.sortSamples(u, rows: rows)
    let (order, inputs, interval) = (s.sampleOrder.pointer, s.sortedInputs.pointer, s.interval.pointer)
    let (units, breakpoints, switchedBefore) = (s.unitOrder.pointer, s.breakpoints.pointer, s.switchedBefore.pointer)
    let (slopes, offsets, outputWeights) = (s.slopes.pointer, s.offsets.pointer, s.outputWeights.pointer)
    for j in 0..<h {
      for c in 0..<n { outputWeights[c * h + j] = w3[j * n + c] }
    }
    let (slope, offset) = (s.slope.pointer, s.offset.pointer)
    slope.update(repeating: 0, count: h)
    offset.update(repeating: 0, count: h)
    // Active set at u → −∞: decreasing units, and constant units with a positive bias.
    for j in 0..<h where w1[j] < 0 || (w1[j] == 0 && b1[j] > 0) {
      fk_pw_toggle(slope, offset, w2 + j * h, Double(w1[j]), Double(b1[j]), h)
    }
    var next = 0
    var snapshots = 0
    var changed = true
    for position in 0..<rows {
      let ui = inputs[position]
      while next < h && breakpoints[next] < ui {
        let j = Int(units[next])
        let sign: Double = w1[j] > 0 ? 1 : -1
        fk_pw_toggle(slope, offset, w2 + j * h, sign * Double(w1[j]), sign * Double(b1[j]), h)
        next += 1
        changed = true
      }
      if changed {
        fk_pw_snapshot(slope, offset, b2, slopes + snapshots * h, offsets + snapshots * h, h)
        switchedBefore[snapshots] = Int32(next)
        snapshots += 1
        changed = false
      }
      let k = snapshots - 1
      interval[position] = Int32(k)
      fk_pw_forward_row(ui, slopes + k * h, offsets + k * h, outputWeights, b3, o + Int(order[position]) * n, h, n)
    }
    s.snapshotCount = snapshots
  }

  /// Backward of `piecewiseForward` from dL/do (rows×outputs): adds the gradients of every parameter and
  /// writes dL/du. The samples come first, each adding d and u·d into its interval's sums; a sweep over the
  /// intervals then gives each unit the sums over the samples it is active on.
  func piecewiseBackward(
    _ dOut: UnsafePointer<Float>, inputGradient du: UnsafeMutablePointer<Float>, rows: Int
  ) {
    let s = piecewise
    let (h, n, m) = (hidden, outputs, s.snapshotCount)
    let (w1, b1) = (weight1.value.pointer, bias1.value.pointer)
    let (gb2, gw3, gb3) = (bias2.gradient.pointer, weight3.gradient.pointer, bias3.gradient.pointer)
    let (sums, weightedSums) = (s.intervalSums.pointer, s.weightedIntervalSums.pointer)
    let (order, inputs, interval) = (s.sampleOrder.pointer, s.sortedInputs.pointer, s.interval.pointer)
    let (slopes, offsets, outputWeights) = (s.slopes.pointer, s.offsets.pointer, s.outputWeights.pointer)
    let (outputGradient, rowScratch) = (s.outputGradient.pointer, s.rowScratch.pointer)
    outputGradient.update(repeating: 0, count: n * h)
    var position = 0
    while position < rows {
      let row = Int(order[position])
      let k = Int(interval[position])
      // An interval's first sample (they are contiguous) starts its sums.
      let first: Int32 = position == 0 || interval[position - 1] != interval[position] ? 1 : 0
      if n == 2 && position + 1 < rows && interval[position + 1] == interval[position] {
        // Two samples of one interval in one pass.
        let other = Int(order[position + 1])
        fk_pw_backward_pair(
          inputs[position], inputs[position + 1], slopes + k * h, offsets + k * h, outputWeights,
          dOut + row * n, dOut + other * n, outputGradient, sums + k * h, weightedSums + k * h, first,
          du + row, du + other, h)
        position += 2
      } else {
        du[row] = fk_pw_backward_row(
          inputs[position], slopes + k * h, offsets + k * h, outputWeights, dOut + row * n, outputGradient,
          sums + k * h, weightedSums + k * h, first, rowScratch, h, n)
        position += 1
      }
    }
    let (p, q, tp, tq) = (s.prefix.pointer, s.weightedPrefix.pointer, s.total.pointer, s.weightedTotal.pointer)
    p.update(repeating: 0, count: h)
    q.update(repeating: 0, count: h)
    tp.update(repeating: 0, count: h)
    tq.update(repeating: 0, count: h)
    for k in 0..<m { fk_pw_accumulate(tp, tq, sums + k * h, weightedSums + k * h, h) }
    for j in 0..<h { gb2[j] += Float(tp[j]) }
    // Increasing units switch on before interval k (active on the suffix: total − prefix); decreasing ones
    // switch off (active on the prefix, empty before the first interval).
    let (units, switchedBefore) = (s.unitOrder.pointer, s.switchedBefore.pointer)
    var next = 0
    for k in 0..<m {
      while next < Int(switchedBefore[k]) {
        let j = Int(units[next])
        if w1[j] > 0 {
          contributeUnit(j, sums: (p, q), subtractedFrom: (tp, tq))
        } else if k > 0 {
          contributeUnit(j, sums: (p, q))
        }
        next += 1
      }
      fk_pw_accumulate(p, q, sums + k * h, weightedSums + k * h, h)
    }
    // Units that never switch: decreasing ones and positive constants are active on every sample.
    for index in next..<h {
      let j = Int(units[index])
      if w1[j] < 0 || (w1[j] == 0 && b1[j] > 0) { contributeUnit(j, sums: (tp, tq)) }
    }
    for j in 0..<h {
      for c in 0..<n { gw3[j * n + c] += outputGradient[c * h + j] }
    }
    for c in 0..<n {
      var sum: Float = 0
      for i in 0..<rows { sum += dOut[i * n + c] }
      gb3[c] += sum
    }
  }

  /// Adds the gradients of unit j of the first layer, active on a set S of samples with P_S = Σ d and
  /// Q_S = Σ u·d (`sums`, or `totals` minus `sums`): dW2[j,:] += w1_j·Q_S + b1_j·P_S, dw1_j += W2[j,:]·Q_S,
  /// db1_j += W2[j,:]·P_S.
  private func contributeUnit(
    _ j: Int, sums: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>),
    subtractedFrom totals: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)? = nil
  ) {
    let h = hidden
    let dots = piecewise.dots.pointer
    dots.update(repeating: 0, count: 2)
    fk_pw_contribute(
      weight2.value.pointer + j * h, weight2.gradient.pointer + j * h, sums.0, sums.1, totals?.0, totals?.1,
      Double(weight1.value[j]), Double(bias1.value[j]), dots, h)
    weight1.gradient.pointer[j] += Float(dots[0])
    bias1.gradient.pointer[j] += Float(dots[1])
  }
}
