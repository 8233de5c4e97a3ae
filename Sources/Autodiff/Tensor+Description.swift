extension Tensor: CustomStringConvertible {
  /// The values (at most 6 per row and 6 rows, elided with `…`) and the shape, e.g.
  /// `Tensor([[1.0, 2.0], [3.0, 4.0]], shape: [2, 2])`.
  public var description: String {
    func line(_ values: [Float]) -> String {
      let shown =
        values.count > 6
        ? values.prefix(3).map { "\($0)" } + ["…"] + values.suffix(3).map { "\($0)" }
        : values.map { "\($0)" }
      return "[" + shown.joined(separator: ", ") + "]"
    }
    let body: String
    switch shape.count {
    case 0: body = "\(storage[0])"
    case 1: body = line(scalars)
    default:
      let all = rows.map(line)
      let shown = all.count > 6 ? all.prefix(3) + ["…"] + all.suffix(3) : all[...]
      body = "[" + shown.joined(separator: ", ") + "]"
    }
    return "Tensor(\(body), shape: \(shape)\(requiresGradient ? ", requiresGradient" : ""))"
  }
}
