import Foundation
import NeuralNet
import Testing
import _TestSupport

/// Saving and loading parameters: round trip and clear errors for files that do not fit.
@Suite struct ParameterFileTests {
  @Test func roundTripRestoresEveryScalar() throws {
    let directory = try TemporaryDirectory()
    var rng = SeededGenerator(seed: 1)
    let saved = MLP(sizes: [2, 3, 1], rng: &rng)
    let restored = MLP(sizes: [2, 3, 1], rng: &rng)
    try saved.save(to: directory.path + "/mlp.params")
    try restored.load(from: directory.path + "/mlp.params")
    #expect(saved.parameters.map(\.scalars) == restored.parameters.map(\.scalars))
  }

  @Test func shapeMismatchNamesFileAndBothShapes() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/mlp.params"
    var rng = SeededGenerator(seed: 1)
    try MLP(sizes: [2, 3, 1], rng: &rng).save(to: path)
    let other = MLP(sizes: [2, 4, 1], rng: &rng)
    let before = other.parameters.map(\.scalars)
    #expect(
      throws: ParameterFileError.shapeMismatch(
        path: path, index: 0, expected: [2, 4], found: [2, 3])
    ) {
      try other.load(from: path)
    }
    #expect(other.parameters.map(\.scalars) == before)
    #expect(
      ParameterFileError.shapeMismatch(path: path, index: 0, expected: [2, 4], found: [2, 3])
        .description
        == "\(path): tensor 0 has shape [2, 3] in the file, the model expects [2, 4]")
  }

  @Test func badFilesGiveClearErrors() throws {
    let directory = try TemporaryDirectory()
    var rng = SeededGenerator(seed: 1)
    let layer = Linear(inputSize: 2, outputSize: 2, rng: &rng)
    let path = directory.path + "/linear.params"
    let good = ParameterFile.encode(layer.parameters)
    try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: ParameterFileError.notAParameterFile(path: path)) { try layer.load(from: path) }
    try good.dropLast(3).write(to: URL(fileURLWithPath: path))
    #expect(throws: ParameterFileError.truncated(path: path)) { try layer.load(from: path) }
    var future = good
    future[8] = 9
    try future.write(to: URL(fileURLWithPath: path))
    #expect(throws: ParameterFileError.unsupportedVersion(path: path, version: 9)) {
      try layer.load(from: path)
    }
    #expect(throws: ParameterFileError.parameterCountMismatch(path: path, expected: 1, found: 2)) {
      try ParameterFile.decode(good, into: [layer.weight], path: path)
    }
    let missing = directory.path + "/missing.params"
    #expect { try layer.load(from: missing) } throws: {
      "\($0)".hasPrefix(missing + ": cannot access")
    }
  }
}
