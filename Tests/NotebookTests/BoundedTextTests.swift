import Foundation
import Testing
import _TestSupport

@testable import Notebook

@Suite struct BoundedTextTests {
  private func lines(_ range: ClosedRange<Int>) -> Data {
    Data(range.map { "l\($0)\n" }.joined().utf8)
  }

  @Test func textWithinTheBoundsIsShownWholeAndWritesNoFile() throws {
    let folder = try TemporaryDirectory()
    var text = BoundedText(lines: 10, file: folder.path + "/full.txt")
    #expect(text.append(lines(1...10)) == lines(1...8))
    #expect(text.finish() == .whole(rest: "l9\nl10\n"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/full.txt"))
  }

  @Test func longTextShowsItsHeadAndTailAndKeepsAllInTheFile() throws {
    let folder = try TemporaryDirectory()
    var text = BoundedText(lines: 10, file: folder.path + "/full.txt")
    var shown = Data()
    for chunk in stride(from: 1, through: 1000, by: 7) { shown += text.append(lines(chunk...min(chunk + 6, 1000))) }
    #expect(shown == lines(1...8))
    #expect(text.finish() == .truncated(omittedLines: 990, tail: "l999\nl1000\n"))
    #expect(FileManager.default.contents(atPath: folder.path + "/full.txt") == lines(1...1000))
  }

  @Test func aHugeLineIsShownCutAndKeptWhole() throws {
    let folder = try TemporaryDirectory()
    var text = BoundedText(lines: 10, file: folder.path + "/full.txt")
    let huge = Data(repeating: UInt8(ascii: "x"), count: 100_000)
    var shown = text.append(Data("a\n".utf8) + huge.prefix(30_000))
    shown += text.append(huge.dropFirst(30_000) + Data("\nb\n".utf8))
    #expect(shown.count < BoundedText.lineBytes + 10)
    #expect(String(decoding: shown, as: UTF8.self).hasSuffix("x …\n"))
    #expect(text.finish() == .truncated(omittedLines: 0, tail: "b\n"))
    #expect(
      FileManager.default.contents(atPath: folder.path + "/full.txt") == Data("a\n".utf8) + huge + Data("\nb\n".utf8))
  }
}
