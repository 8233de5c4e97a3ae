import Foundation
import Testing
import _TestSupport

@testable import Notebook

@Suite struct IncludeResolverTests {
  private let source = """
    import Foundation

    struct Coupling {
      // region: forward
      func forward() {
        // region: inner
        step()
        // endregion
      }
      // endregion
    }

    """

  @Test func markerNamesPathAndOptionalRegion() {
    #expect(IncludeResolver.marker(in: "{{< include Sources/A.swift#forward >}}")! == ("Sources/A.swift", "forward"))
    #expect(IncludeResolver.marker(in: "{{< include Sources/A.swift >}}")! == ("Sources/A.swift", nil))
    #expect(IncludeResolver.marker(in: "see {{< include A.swift >}} here") == nil)
  }

  @Test func regionIsDedentedWithNestedMarkersRemoved() throws {
    let code = try IncludeResolver.extract("forward", from: source, path: "A.swift", file: "c.md", line: 3)
    #expect(code == "func forward() {\n  step()\n}\n")
  }

  @Test func missingRegionNamesTheChapterLine() {
    #expect(throws: BookError(file: "c.md", line: 7, "no '// region: backward' in 'A.swift'")) {
      try IncludeResolver.extract("backward", from: source, path: "A.swift", file: "c.md", line: 7)
    }
  }

  @Test(arguments: ["../../etc/passwd", "/etc/passwd", "Sources/../../outside.swift"])
  func pathOutsideTheProjectIsRefused(path: String) throws {
    let project = try TemporaryDirectory()
    let resolver = IncludeResolver(projectRoot: project.path)
    let error = #expect(throws: BookError.self) {
      try resolver.fencedBlock(path: path, region: nil, file: "chapters/a.md", line: 4)
    }
    #expect(error?.line == 4)
    #expect(error?.message.contains("outside the folder") == true)
  }

  @Test func missingFileIsAnError() throws {
    let project = try TemporaryDirectory()
    let error = #expect(throws: BookError.self) {
      try IncludeResolver(projectRoot: project.path).fencedBlock(path: "Nope.swift", region: nil, file: "c.md", line: 2)
    }
    #expect(error?.message.contains("cannot read") == true)
  }

  @Test func aPathIsLookedUpInTheBookFirstThenInTheProject() throws {
    let project = try TemporaryDirectory()
    let book = try TemporaryDirectory()
    try project.write("let where_ = \"project\"\n", to: "chapters/both.swift")
    try project.write("let only = \"project\"\n", to: "Sources/Only.swift")
    try book.write("let where_ = \"book\"\n", to: "chapters/both.swift")
    try book.write("// region: r\nlet only = 1\n// endregion\n", to: "chapters/course.swift")
    let resolver = IncludeResolver(projectRoot: project.path, bookRoot: book.path)
    let fromBook = try resolver.fencedBlock(path: "chapters/course.swift", region: "r", file: "c.md", line: 1)
    #expect(fromBook == "```swift\nlet only = 1\n```")
    let both = try resolver.fencedBlock(path: "chapters/both.swift", region: nil, file: "c.md", line: 1)
    #expect(both.contains("book") && !both.contains("project"))
    let fromProject = try resolver.fencedBlock(path: "Sources/Only.swift", region: nil, file: "c.md", line: 1)
    #expect(fromProject.contains("project"))
    let escape = "../" + URL(fileURLWithPath: project.path).lastPathComponent + "/chapters/both.swift"
    let outside = #expect(throws: BookError.self) {
      try resolver.fencedBlock(path: escape, region: nil, file: "c.md", line: 1)
    }
    #expect(outside?.message.contains("outside the folder") == true)
  }

  @Test func fenceIsLongerThanAnyBacktickRunInTheCode() throws {
    let project = try TemporaryDirectory()
    try project.write("let s = \"```\"\n", to: "A.swift")
    let block = try IncludeResolver(projectRoot: project.path).fencedBlock(
      path: "A.swift", region: nil, file: "c.md", line: 1)
    #expect(block == "````swift\nlet s = \"```\"\n````")
  }
}
