import Autodiff

extension SeededGenerator {
  /// An integer uniform in `0..<upperBound` (a modulo of 64 random bits; the bias is below 2⁻⁴⁰ here).
  mutating func index(below upperBound: Int) -> Int { Int(next() % UInt64(upperBound)) }
}
