/// A continuous colour scale mapping a number in 0…1 to a colour.
///
/// `viridis` and `magma` are perceptually uniform and readable in grey scale, the right default for
/// densities; `coolwarm` is diverging, for signed quantities such as a log-determinant.
public struct Colormap: Sendable, Hashable {
  /// The name shown in error messages and galleries.
  public let name: String
  /// 256 sRGB colours as `0xRRGGBB`, from low to high.
  let table: [UInt32]

  /// Perceptually uniform, dark blue → green → yellow (matplotlib's default).
  public static let viridis = Colormap(name: "viridis", table: viridisTable)
  /// Perceptually uniform, black → purple → orange → pale yellow.
  public static let magma = Colormap(name: "magma", table: magmaTable)
  /// Diverging blue → light grey → red, centred on 0.5.
  public static let coolwarm = Colormap(name: "coolwarm", table: coolwarmTable)

  /// The colour at `t` (clamped to 0…1; NaN gives the lowest colour).
  public func color(at t: Double) -> Color {
    Color(hex: table[index(at: t)])
  }

  /// The table entry for `t`, so renderers that fill pixel buffers avoid building a `Color`.
  public func rgb(at t: Double) -> UInt32 {
    table[index(at: t)]
  }

  private func index(at t: Double) -> Int {
    guard t.isFinite else { return t == .infinity ? table.count - 1 : 0 }
    return Int((min(max(t, 0), 1) * Double(table.count - 1)).rounded())
  }
}
