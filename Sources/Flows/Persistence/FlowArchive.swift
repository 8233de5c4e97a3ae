import Foundation

/// The saved form of a trained flow: a versioned JSON document holding the configuration, every parameter
/// by name (exact `Float` values), and each layer's saved state by layer name (ActNorm's initialisation flag).
/// It asks the layers for their parameters and state; it knows no layer type.
///
/// `Flow.save(to:)` writes it; `Flow.load(from:)` rebuilds the flow and checks format, version, names and
/// sizes, so a corrupt or foreign file is a `FlowError`, never a crash.
struct FlowArchive: Codable {
  /// Identifies the file type.
  static let formatName = "flowbook-flow"
  /// Bumped whenever the layout changes incompatibly.
  static let currentVersion = 3
  /// The versions `load` reads: 2 wrote each parameter as an array of decimal numbers.
  static let readableVersions = 2...currentVersion

  var format: String
  var version: Int
  var configuration: FlowConfiguration
  var parameters: [String: ArchivedFloats]
  var layerStates: [String: [String: Float]]
}

/// A parameter's values in an archive: since version 3 the little-endian bytes of its `Float`s in base64,
/// exact and read about thirty times faster than decimal text (a chapter loading its trained flows spent most
/// of its time parsing numbers); an array of numbers (version 2) is still read.
struct ArchivedFloats: Codable {
  var values: [Float]

  init(_ values: [Float]) {
    self.values = values
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    guard let text = try? container.decode(String.self) else {
      values = try container.decode([Float].self)
      return
    }
    guard let bytes = Data(base64Encoded: text), bytes.count % MemoryLayout<UInt32>.size == 0 else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "not the base64 of whole 32-bit floats")
    }
    values = bytes.withUnsafeBytes { raw in
      (0..<(raw.count / 4)).map {
        Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
      }
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    let words = values.map { $0.bitPattern.littleEndian }
    try container.encode(words.withUnsafeBytes { Data($0) }.base64EncodedString())
  }
}

extension Flow {
  /// Writes the flow (configuration, parameters, layer states) to `path`; throws
  /// `FlowError.unwritableModel` naming the path when it cannot be written, or when the flow is made of your
  /// own layers (`load` could not rebuild them).
  public func save(to path: String) throws {
    guard let configuration else {
      throw FlowError.unwritableModel(
        path: path, reason: "a flow of TensorBijector layers has no recipe that load could rebuild it from")
    }
    let archive = FlowArchive(
      format: FlowArchive.formatName, version: FlowArchive.currentVersion,
      configuration: configuration,
      parameters: Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, ArchivedFloats($0.value.array)) }),
      layerStates: Dictionary(
        uniqueKeysWithValues: stages.filter { !$0.savedState.isEmpty }.map { ($0.name, $0.savedState) }))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do { try encoder.encode(archive).write(to: URL(fileURLWithPath: path)) } catch {
      throw FlowError.unwritableModel(path: path, reason: (error as NSError).localizedDescription)
    }
  }

  /// Reads a flow written by `save(to:)`, to be evaluated with `engine`; throws `FlowError.corruptModel`
  /// or `.unsupportedVersion`.
  public static func load(from path: String, engine: FlowEngine = .dense) throws -> Flow {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FlowError.corruptModel(path: path, reason: "cannot read the file")
    }
    struct Header: Decodable {
      var format: String?
      var version: Int?
    }
    guard let header = try? JSONDecoder().decode(Header.self, from: data),
      header.format == FlowArchive.formatName
    else {
      throw FlowError.corruptModel(
        path: path, reason: "not a \(FlowArchive.formatName) JSON document")
    }
    guard let version = header.version, FlowArchive.readableVersions.contains(version) else {
      throw FlowError.unsupportedVersion(
        path: path, found: header.version ?? -1, supported: FlowArchive.currentVersion)
    }
    let archive: FlowArchive
    do { archive = try JSONDecoder().decode(FlowArchive.self, from: data) } catch {
      throw FlowError.corruptModel(path: path, reason: "\(error)")
    }
    let flow: Flow
    do { flow = try Flow(archive.configuration, engine: engine) } catch {
      throw FlowError.corruptModel(path: path, reason: "\(error)")
    }
    for parameter in flow.parameters {
      guard let values = archive.parameters[parameter.name]?.values else {
        throw FlowError.corruptModel(path: path, reason: "missing parameter \(parameter.name)")
      }
      guard values.count == parameter.count else {
        throw FlowError.corruptModel(
          path: path,
          reason:
            "parameter \(parameter.name) has \(values.count) values, expected \(parameter.count)")
      }
      guard values.allSatisfy(\.isFinite) else {
        throw FlowError.corruptModel(
          path: path, reason: "parameter \(parameter.name) holds NaN or Inf")
      }
      parameter.value.assign(values)
    }
    for stage in flow.stages { stage.restore(archive.layerStates[stage.name] ?? [:]) }
    return flow
  }
}
