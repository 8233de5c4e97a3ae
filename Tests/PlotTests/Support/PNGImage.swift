import CCairo
import Foundation
import Plot
import Testing

/// A decoded PNG (via Cairo) whose pixels tests can read, to check what a renderer really drew.
struct PNGImage {
  let width: Int
  let height: Int
  private let pixels: [UInt32]

  init(_ data: Data) throws {
    final class Reader {
      let data: Data
      var offset = 0
      init(_ data: Data) { self.data = data }
    }
    let reader = Reader(data)
    let surface = cairo_image_surface_create_from_png_stream(
      { closure, buffer, length in
        let reader = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
        guard reader.offset + Int(length) <= reader.data.count else {
          return CAIRO_STATUS_READ_ERROR
        }
        reader.data.copyBytes(to: buffer!, from: reader.offset..<(reader.offset + Int(length)))
        reader.offset += Int(length)
        return CAIRO_STATUS_SUCCESS
      }, Unmanaged.passUnretained(reader).toOpaque())
    defer { cairo_surface_destroy(surface) }
    try #require(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
    width = Int(cairo_image_surface_get_width(surface))
    height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface)) / 4
    let base = cairo_image_surface_get_data(surface)!.withMemoryRebound(
      to: UInt32.self, capacity: stride * height
    ) {
      $0
    }
    var pixels: [UInt32] = []
    for y in 0..<height { pixels += (0..<width).map { base[y * stride + $0] } }
    self.pixels = pixels
  }

  /// The opaque colour at pixel (x, y), as 0xRRGGBB.
  func rgb(_ x: Int, _ y: Int) -> UInt32 { pixels[y * width + x] & 0xff_ffff }

  /// Whether pixel (x, y) is within `tolerance` (0…255 per channel) of `expected` (0xRRGGBB).
  func matches(_ x: Int, _ y: Int, _ expected: UInt32, tolerance: UInt32 = 3) -> Bool {
    let actual = rgb(x, y)
    return [16, 8, 0].allSatisfy { shift in
      let a = Int((actual >> UInt32(shift)) & 0xff)
      let e = Int((expected >> UInt32(shift)) & 0xff)
      return abs(a - e) <= Int(tolerance)
    }
  }
}

extension Color {
  /// The colour as 0xRRGGBB, rounded as an 8-bit PNG stores it.
  var rgb: UInt32 {
    [red, green, blue].reduce(0) { ($0 << 8) | UInt32((min(max($1, 0), 1) * 255).rounded()) }
  }
}
