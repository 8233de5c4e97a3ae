/// An sRGB colour with opacity, each component in 0…1.
///
/// Series that are not given a colour take the next one from `Color.cycle`, the qualitative
/// palette matplotlib and seaborn use by default, so several series are told apart without effort.
public struct Color: Sendable, Hashable {
  /// Red, green and blue in 0…1 (sRGB).
  public var red: Double
  /// Green in 0…1.
  public var green: Double
  /// Blue in 0…1.
  public var blue: Double
  /// Opacity in 0…1; 1 is opaque.
  public var alpha: Double

  /// Creates a colour from sRGB components in 0…1.
  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// Creates a colour from a 24-bit `0xRRGGBB` value, as written in CSS.
  public init(hex: UInt32, alpha: Double = 1) {
    self.init(
      red: Double((hex >> 16) & 0xff) / 255, green: Double((hex >> 8) & 0xff) / 255,
      blue: Double(hex & 0xff) / 255, alpha: alpha)
  }

  /// The same colour with opacity `alpha`.
  public func opacity(_ alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }

  /// The colour mixed with white by `amount` (0 keeps it, 1 gives white); used for light fills.
  public func lightened(by amount: Double) -> Color {
    Color(
      red: red + (1 - red) * amount, green: green + (1 - green) * amount,
      blue: blue + (1 - blue) * amount, alpha: alpha)
  }

  /// The default colour cycle (matplotlib's "tab10"): blue, orange, green, red, purple, brown, pink, grey, olive, cyan.
  public static let cycle: [Color] = [
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22,
    0x17becf,
  ].map { Color(hex: $0) }

  /// Cycle colour 1: blue.
  public static let blue = cycle[0]
  /// Cycle colour 2: orange.
  public static let orange = cycle[1]
  /// Cycle colour 3: green.
  public static let green = cycle[2]
  /// Cycle colour 4: red.
  public static let red = cycle[3]
  /// Cycle colour 5: purple.
  public static let purple = cycle[4]
  /// Cycle colour 8: grey.
  public static let gray = cycle[7]
  /// Near-black used for text and frames (pure black looks harsh next to the palette).
  public static let black = Color(hex: 0x262626)
  /// White.
  public static let white = Color(hex: 0xffffff)
}
