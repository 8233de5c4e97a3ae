import Foundation
import Testing
import _TestSupport

@testable import Notebook

/// The shared folder's name follows the parameters the shared source was seen to read, and only those.
@Suite struct SharedFolderTests {
  @Test func aParameterTheSharedSourceNeverReadKeepsTheFolder() throws {
    let folder = try TemporaryDirectory()
    let base = folder.path + "/shared/base"
    let first = SharedFolder(base: base, parameters: [:])
    #expect(SharedFolder(base: base, parameters: ["glow-steps": "200"]).path == first.path)
  }

  @Test func aParameterTheSharedSourceReadMovesThisBuildsFolderAndKeysLaterOnes() throws {
    let folder = try TemporaryDirectory()
    let base = folder.path + "/shared/base"
    let first = SharedFolder(base: base, parameters: ["steps": "5"])
    try folder.write("trained", to: "shared/" + (first.path as NSString).lastPathComponent + "/flow")
    first.settle(read: ["steps"], parameters: ["steps": "5"])

    // The flow trained with steps=5 is found under that value, and only under it.
    let again = SharedFolder(base: base, parameters: ["steps": "5"])
    #expect(again.recorded == ["steps"])
    #expect(FileManager.default.fileExists(atPath: again.path + "/flow"))
    #expect(!FileManager.default.fileExists(atPath: first.path))
    let other = SharedFolder(base: base, parameters: ["steps": "6"])
    #expect(other.path != again.path)
    // Absent and empty are different values.
    #expect(SharedFolder(base: base, parameters: [:]).path != SharedFolder(base: base, parameters: ["steps": ""]).path)
  }

  @Test func readingEveryParameterKeysTheFolderOnAllOfThem() throws {
    let folder = try TemporaryDirectory()
    let base = folder.path + "/shared/base"
    SharedFolder(base: base, parameters: [:]).settle(read: ["*"], parameters: [:])
    #expect(
      SharedFolder(base: base, parameters: ["any": "1"]).path != SharedFolder(base: base, parameters: [:]).path)
  }
}
