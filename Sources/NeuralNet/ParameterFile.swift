import Foundation

/// Saves and loads a layer's parameters in a small binary format.
///
/// Format (all integers little-endian `UInt32`, scalars little-endian IEEE `Float32`):
///
///     "FBPARAMS"  magic, 8 ASCII bytes
///     version     currently 1
///     count       the number of tensors
///     per tensor: rank, then `rank` dimensions, then the scalars in row-major order
///
/// Loading checks the magic, the version, the number of tensors and every shape against the
/// layer, and that the file has exactly the expected length; any mismatch is a `ParameterFileError`
/// naming the file and, for shapes, both shapes. Nothing is changed unless the whole file fits.
public enum ParameterFile {
  /// The version this code writes and reads.
  public static let version: UInt32 = 1
  static let magic = Array("FBPARAMS".utf8)

  /// The bytes of `parameters` in the format above.
  public static func encode(_ parameters: [Tensor]) -> Data {
    var data = Data(magic)
    func append(_ value: UInt32) {
      withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
    append(version)
    append(UInt32(parameters.count))
    for tensor in parameters {
      append(UInt32(tensor.shape.count))
      for dimension in tensor.shape { append(UInt32(dimension)) }
      tensor.withUnsafeBufferPointer { scalars in
        for scalar in scalars { append(scalar.bitPattern) }
      }
    }
    return data
  }

  /// Copies the scalars stored in `data` into `parameters` after checking every shape;
  /// `path` only names the file in errors.
  public static func decode(_ data: Data, into parameters: [Tensor], path: String)
    throws(ParameterFileError)
  {
    var reader = ByteReader(bytes: [UInt8](data), path: path)
    guard data.count >= magic.count, Array(data.prefix(magic.count)) == magic else {
      throw .notAParameterFile(path: path)
    }
    reader.offset = magic.count
    let fileVersion = try reader.uint32()
    guard fileVersion == version else {
      throw .unsupportedVersion(path: path, version: Int(fileVersion))
    }
    let count = Int(try reader.uint32())
    guard count == parameters.count else {
      throw .parameterCountMismatch(path: path, expected: parameters.count, found: count)
    }
    var values: [[Float]] = []
    for (index, tensor) in parameters.enumerated() {
      let rank = Int(try reader.uint32())
      guard rank <= 2 else {
        throw .shapeMismatch(path: path, index: index, expected: tensor.shape, found: [rank])
      }
      let shape = try (0..<rank).map { _ throws(ParameterFileError) in Int(try reader.uint32()) }
      guard shape == tensor.shape else {
        throw .shapeMismatch(path: path, index: index, expected: tensor.shape, found: shape)
      }
      values.append(
        try (0..<tensor.count).map { _ throws(ParameterFileError) in
          Float(bitPattern: try reader.uint32())
        })
    }
    guard reader.offset == reader.bytes.count else { throw .trailingBytes(path: path) }
    for (tensor, scalars) in zip(parameters, values) {
      tensor.withUnsafeMutableBufferPointer { buffer in
        for index in buffer.indices { buffer[index] = scalars[index] }
      }
    }
  }
}

/// Reads little-endian `UInt32`s, failing with `truncated` at the end of the file.
private struct ByteReader {
  let bytes: [UInt8]
  let path: String
  var offset = 0

  mutating func uint32() throws(ParameterFileError) -> UInt32 {
    guard offset + 4 <= bytes.count else { throw .truncated(path: path) }
    let value = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    offset += 4
    return value
  }
}
