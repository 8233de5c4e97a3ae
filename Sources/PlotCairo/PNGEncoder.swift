import CCairo
import CZlib
import Foundation

/// Encodes an opaque Cairo image as an 8-bit RGB PNG with fast zlib settings.
///
/// Cairo's own PNG writer compresses with libpng's defaults (zlib level 6, adaptive filters), which took
/// most of a figure's PNG time. Figures are always opaque (the renderer paints a white background
/// first), so RGB without alpha suffices; the "Sub" filter with zlib level 3 keeps files small at a
/// fraction of the cost. No timestamp or other varying chunk is written, so output is deterministic.
enum PNGEncoder {
  enum Failure: Error { case zlib(Int32) }

  /// The PNG file of an ARGB32 or RGB24 image surface.
  static func encode(_ surface: OpaquePointer) throws -> Data {
    cairo_surface_flush(surface)
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface)) / 4
    let pixels = cairo_image_surface_get_data(surface)!.withMemoryRebound(
      to: UInt32.self, capacity: stride * height
    ) {
      $0
    }
    // One filter byte per row, then RGB differences to the pixel on the left ("Sub", filter type 1). Through
    // pointers and `while`: a debug build's array subscripts and range iterators cost ~10× this loop's work.
    let rowBytes = 1 + 3 * width
    var raw = [UInt8](repeating: 0, count: rowBytes * height)
    raw.withUnsafeMutableBufferPointer { buffer in
      for y in 0..<height {
        let row = buffer.baseAddress! + y * rowBytes
        let source = pixels + y * stride
        row[0] = 1
        var previous: UInt32 = 0
        var x = 0
        while x < width {
          let pixel = source[x]
          let o = 1 + 3 * x
          row[o] = UInt8(truncatingIfNeeded: (pixel >> 16) &- (previous >> 16))
          row[o + 1] = UInt8(truncatingIfNeeded: (pixel >> 8) &- (previous >> 8))
          row[o + 2] = UInt8(truncatingIfNeeded: pixel &- previous)
          previous = pixel
          x += 1
        }
      }
    }
    var compressedSize = compressBound(uLong(raw.count))
    var compressed = [UInt8](repeating: 0, count: Int(compressedSize))
    let status = compress2(&compressed, &compressedSize, raw, uLong(raw.count), 3)
    guard status == Z_OK else { throw Failure.zlib(status) }

    var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var header = Data()
    header.appendBigEndian(UInt32(width))
    header.appendBigEndian(UInt32(height))
    // 8 bits per channel, RGB, deflate, per-row filters, no interlace.
    header.append(contentsOf: [8, 2, 0, 0, 0])
    appendChunk("IHDR", header, to: &png)
    appendChunk("IDAT", Data(compressed[0..<Int(compressedSize)]), to: &png)
    appendChunk("IEND", Data(), to: &png)
    return png
  }

  private static func appendChunk(_ type: String, _ body: Data, to png: inout Data) {
    var chunk = Data(type.utf8)
    chunk.append(body)
    png.appendBigEndian(UInt32(body.count))
    png.append(chunk)
    let crc = chunk.withUnsafeBytes {
      crc32(0, $0.bindMemory(to: UInt8.self).baseAddress, uInt(chunk.count))
    }
    png.appendBigEndian(UInt32(crc))
  }
}

extension Data {
  fileprivate mutating func appendBigEndian(_ value: UInt32) {
    append(contentsOf: [
      UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff),
      UInt8(value & 0xff),
    ])
  }
}
