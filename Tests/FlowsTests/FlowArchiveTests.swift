import Foundation
import Testing
import _TestSupport

@testable import Flows

@Suite struct FlowArchiveTests {
  /// Rewrites the saved flow at `path` after `edit` changes its JSON object: how these tests damage a file.
  static func editSavedFlow(at path: String, _ edit: (inout [String: Any]) -> Void) throws {
    let url = URL(fileURLWithPath: path)
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    edit(&json)
    try JSONSerialization.data(withJSONObject: json).write(to: url)
  }

  @Test func aSavedFlowLoadsWithTheSameDensity() throws {
    let directory = try TemporaryDirectory()
    let flow = try Flow(
      FlowConfiguration(couplings: 2, hidden: 8, actNorm: true, luLinear: true), seed: 2)
    let x = ToyDataset.moons.sample(64, seed: 1)
    _ = flow.forward(x)
    let path = directory.path + "/flow.json"
    try flow.save(to: path)
    let loaded = try Flow.load(from: path)
    #expect(loaded.configuration == flow.configuration)
    #expect(loaded.logProb(x) == flow.logProb(x))
    #expect((loaded.layers[0] as? ActNorm)?.isInitialised == true)
  }

  @Test func corruptAndForeignFilesAreClearErrors() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/bad.json"
    try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: FlowError.self) { try Flow.load(from: path) }
    try Data(#"{"format":"flowbook-flow","version":99}"#.utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: FlowError.unsupportedVersion(path: path, found: 99, supported: 3)) {
      try Flow.load(from: path)
    }
    #expect(throws: FlowError.self) { try Flow.load(from: directory.path + "/missing.json") }
  }

  /// Version 2 wrote each parameter as decimal numbers; such files still load, to the same flow.
  @Test func aVersion2FileWithDecimalParametersStillLoads() throws {
    let directory = try TemporaryDirectory()
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 8), seed: 3)
    let path = directory.path + "/flow.json"
    try flow.save(to: path)
    try Self.editSavedFlow(at: path) { json in
      json["version"] = 2
      json["parameters"] = Dictionary(uniqueKeysWithValues: flow.parameters.map { ($0.name, $0.value.array) })
    }
    let x = ToyDataset.moons.sample(64, seed: 1)
    #expect(try Flow.load(from: path).logProb(x) == flow.logProb(x))
  }

  @Test func aDamagedParameterIsAClearError() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/flow.json"
    try Flow(FlowConfiguration(couplings: 2, hidden: 4)).save(to: path)
    try Self.editSavedFlow(at: path) { json in
      var parameters = json["parameters"] as! [String: String]
      parameters["layer0.coupling.conditioner.weight1"] = "not base64!"
      json["parameters"] = parameters
    }
    #expect(throws: FlowError.self) { try Flow.load(from: path) }
  }

  @Test func anUnwritablePathIsAClearError() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/no-such-folder/flow.json"
    #expect {
      try Flow(FlowConfiguration(couplings: 2, hidden: 4)).save(to: path)
    } throws: { error in
      guard case .unwritableModel(let named, _) = error as? FlowError else { return false }
      return named == path
    }
  }

  @Test func aModelAskingForAHugeFlowIsRefusedBeforeAllocating() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/huge.json"
    try Flow(FlowConfiguration(couplings: 2, hidden: 4)).save(to: path)
    try Self.editSavedFlow(at: path) { json in
      var configuration = json["configuration"] as! [String: Any]
      configuration["couplings"] = 2_000_000
      json["configuration"] = configuration
    }
    #expect {
      try Flow.load(from: path)
    } throws: { error in
      "\(error)".contains("couplings must each be ≤ 4096")
    }
  }

  @Test func aTruncatedParameterIsNamed() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/flow.json"
    try Flow(FlowConfiguration(couplings: 2, hidden: 4)).save(to: path)
    try Self.editSavedFlow(at: path) { json in
      var parameters = json["parameters"] as! [String: String]
      parameters["layer1.coupling.conditioner.bias2"] = Data(repeating: 0, count: 4).base64EncodedString()
      json["parameters"] = parameters
    }
    #expect {
      try Flow.load(from: path)
    } throws: { error in
      "\(error)".contains("layer1.coupling.conditioner.bias2")
    }
  }
}
