import Foundation
import Testing

@testable import Weave

/// One example of `Fixtures/math-conformance.md`: Markdown in, HTML out.
struct MathExample: CustomTestStringConvertible, Sendable {
  var number: Int
  var line: Int
  var markdown: String
  var html: String

  var testDescription: String { "example \(number) (line \(line))" }

  /// The examples of a file in the CommonMark spec's format: a fence of 32 backticks and `example`,
  /// the Markdown, a line holding `.`, the HTML, a closing fence.
  static func parse(_ text: String) -> [MathExample] {
    let fence = String(repeating: "`", count: 32)
    var examples: [MathExample] = []
    var current: (line: Int, markdown: [String], html: [String]?)?
    for (offset, line) in text.components(separatedBy: "\n").enumerated() {
      if line == fence + " example" {
        current = (offset + 1, [], nil)
      } else if line == fence, let example = current {
        examples.append(
          MathExample(
            number: examples.count + 1, line: example.line,
            markdown: example.markdown.map { $0 + "\n" }.joined(),
            html: (example.html ?? []).map { $0 + "\n" }.joined()))
        current = nil
      } else if current != nil {
        if line == ".", current!.html == nil {
          current!.html = []
        } else if current!.html != nil {
          current!.html!.append(line)
        } else {
          current!.markdown.append(line)
        }
      }
    }
    return examples
  }

  static let all: [MathExample] = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/math-conformance.md").path
    return parse((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
  }()
}

/// Math recognition by pandoc's `tex_math_dollars` rules, example by example, through the scanner and
/// cmark-gfm: the spec's HTML must come out exactly.
@Suite struct MathConformanceTests {
  @Test func theSpecHasEnoughExamples() {
    #expect(MathExample.all.count >= 40)
  }

  @Test(arguments: MathExample.all)
  func example(_ example: MathExample) throws {
    let prepared = try PreparedMarkdown(
      example.markdown, at: ChapterLocation(file: "chapters/spec.md", line: 1), rawHTML: .keep)
    let html = MarkdownHTML(targets: [:], context: .printVersion).html(prepared)
    #expect(html == example.html, "math-conformance.md:\(example.line)")
  }
}
