import Foundation
import Testing
import _TestSupport

@testable import Notebook

/// A remembered value is reused exactly while its files are unchanged.
@Suite struct FileStampMemoTests {
  @Test func aValueIsReusedUntilOneOfItsFilesChangesOrDisappears() throws {
    let folder = try TemporaryDirectory()
    try folder.write("one", to: "a.txt")
    try folder.write("two", to: "b.txt")
    let files = [folder.path + "/a.txt", folder.path + "/b.txt"]
    let memo = FileStampMemo(directory: folder.path + "/memo")
    var computed = 0
    func value() -> String {
      memo.value(named: "joined", for: files) {
        computed += 1
        return files.map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "-" }.joined(separator: "+")
      }
    }
    #expect(value() == "one+two")
    #expect(value() == "one+two")
    #expect(computed == 1)
    try folder.write("three", to: "b.txt")
    #expect(value() == "one+three")
    #expect(computed == 2)
    try FileManager.default.removeItem(atPath: files[0])
    #expect(value() == "-+three")
    #expect(computed == 3)
  }

  @Test func aDamagedMemoFileIsComputedAgain() throws {
    let folder = try TemporaryDirectory()
    try folder.write("one", to: "a.txt")
    let memo = FileStampMemo(directory: folder.path + "/memo")
    #expect(memo.value(named: "v", for: [folder.path + "/a.txt"]) { "first" } == "first")
    try folder.write("garbage", to: "memo/v")
    #expect(memo.value(named: "v", for: [folder.path + "/a.txt"]) { "second" } == "second")
    #expect(memo.value(named: "v", for: [folder.path + "/a.txt"]) { "third" } == "second")
  }
}
