import Foundation
import Testing
import _TestSupport

/// End-to-end: runs the real `flowbook` binary on small books in temporary folders.
@Suite struct BuildCommandTests {
  /// The print version: every chapter of the report on one page.
  private func page(_ book: TemporaryDirectory) throws -> String {
    try String(contentsOfFile: book.path + "/output/print.html", encoding: .utf8)
  }

  @Test func buildWritesPageWithOutputsAndBuildRecord() throws {
    let book = try TemporaryDirectory()
    try book.write(
      """
      # Tiny

      Prose <b>stays</b>.

      ```{swift}
      //| label: fig-line
      print("<script>alert(1)</script>")
      show(Figure().scatter([0, 1], [1, 0]))
      for step in 1...3 { progress(step, of: 3, "secret " + "progress") }
      ```

      ```{swift}
      show(Table(header: ["name", "value"], rows: [["steps", Build.parameter("steps", default: 10)]]))
      show(markdown: "profile **\\(Build.profile)** seed \\(Build.seed)")
      ```
      """, to: "chapters/01.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path, "-P", "steps=42", "--quick", "--seed", "7"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let html = try page(book)
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("<script>alert(1)"))
    #expect(!html.contains("secret progress"))
    #expect(html.contains(">42</td>"))
    #expect(html.contains("profile <strong>quick</strong> seed 7"))
    let figure = try #require(html.firstMatch(of: /src(?:set)?="(figures\/[^"]+\.svg)"/)?.1)
    let svg = try String(contentsOfFile: book.path + "/output/" + String(figure), encoding: .utf8)
    #expect(svg.contains("<svg"))

    let record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/01.md") == false)
    #expect(record.statuses("chapters/01.md") == ["ok", "ok"])
    #expect((record.json["toolchain"] as? String)?.contains("Swift") == true)
    #expect(record.json["parameters"] as? [String: String] == ["steps": "42"])
    #expect(record.json["seed"] as? Int == 7)
    let cells = try #require(record.chapter("chapters/01.md")?["cells"] as? [[String: Any]])
    #expect(cells.allSatisfy { $0["seconds"] is Double })
  }

  @Test func rerunsExactlyWhatChanged() throws {
    let book = try TemporaryDirectory()
    try book.write("# A\n\nFirst words.\n\n```{swift}\nprint(\"a\")\n```\n", to: "chapters/a.md")
    try book.write("# B\n\n```{swift}\nprint(\"b\")\n```\n", to: "chapters/b.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)

    let noOp = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(noOp.exitCode == 0)
    #expect(noOp.standardOutput.contains("chapters/a.md: cached"))
    #expect(!noOp.standardOutput.contains("compiling"))

    try book.write("# A\n\nNew words.\n\n```{swift}\nprint(\"a\")\n```\n", to: "chapters/a.md")
    let proseEdit = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(!proseEdit.standardOutput.contains("compiling"))
    #expect(try page(book).contains("New words."))
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == true)

    try book.write("# B\n\n```{swift}\nprint(\"b2\")\n```\n", to: "chapters/b.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    let record = try BuildRecordReader(book: book.path)
    #expect(record.isCached("chapters/a.md") == true)
    #expect(record.isCached("chapters/b.md") == false)
    #expect(try page(book).contains("b2"))

    // Breaking a chapter and undoing the edit finds the last good results again.
    try book.write("# B\n\n```{swift}\nprint(undefinedName)\n```\n", to: "chapters/b.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode != 0)
    try book.write("# B\n\n```{swift}\nprint(\"b2\")\n```\n", to: "chapters/b.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/b.md") == true)

    #expect(try FlowBookBinary.run(["build", "--book", book.path, "--force"]).exitCode == 0)
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == false)
  }

  @Test func failingCellsAreShownAtTheirCellsAndOtherChaptersStillBuild() throws {
    let book = try TemporaryDirectory()
    try book.write("Intro\n\n```{swift}\nlet x: Int = \"text\"\n```\n", to: "chapters/1-type.md")
    let fiveCells = (1...5).map {
      $0 == 3 ? "```{swift}\nfatalError(\"cell three broke\")\n```\n" : "```{swift}\nprint(\"out \($0)\")\n```\n"
    }
    try book.write("# Trap\n\n" + fiveCells.joined(separator: "\n"), to: "chapters/2-trap.md")
    try book.write(
      "```{swift}\n//| timeout: 0.5\nprint(\"waiting\")\nwhile true { sleep(1) }\n```\n\n```{swift}\nprint(\"after\")\n```\n",
      to: "chapters/3-loop.md")
    try book.write(
      """
      ```{swift}
      var state = 1
      ```

      ```{swift}
      //| error: true
      state = 99
      precondition(state < 10, "state too big")
      ```

      ```{swift}
      //| error: true
      let wrong: String = 5
      ```

      ```{swift}
      print("state is", state)
      ```

      ```{swift}
      //| colour: red
      print("never")
      ```
      """, to: "chapters/4-expected.md")
    try book.write("# Fine\n\n```{swift}\nprint(\"fine chapter\")\n```\n", to: "chapters/5-fine.md")

    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("chapters/1-type.md:4:14: error: cannot convert"))
    #expect(run.standardError.contains("let x: Int = \"text\""))
    #expect(run.standardError.contains("chapters/2-trap.md:12:1: error: Fatal error: cell three broke"))
    #expect(run.standardError.contains("chapters/3-loop.md:3: error: stopped after the cell's timeout of 0.5 s"))
    #expect(run.standardError.contains("chapters/4-expected.md:21: error: unknown cell option 'colour'"))
    #expect(!run.standardError.contains("state too big"))

    let record = try BuildRecordReader(book: book.path)
    #expect(record.statuses("chapters/1-type.md") == ["error"])
    #expect(record.statuses("chapters/2-trap.md") == ["ok", "ok", "error", "not-run", "not-run"])
    #expect(record.statuses("chapters/3-loop.md") == ["error", "ok"])
    #expect(record.statuses("chapters/4-expected.md") == ["ok", "error", "error", "ok", "error"])
    #expect(record.statuses("chapters/5-fine.md") == ["ok"])
    let html = try page(book)
    for text in [
      "out 2", "waiting", "after", "state is 1", "fine chapter", "state too big", "cannot convert value of type",
    ] {
      #expect(html.contains(text), "\(text) missing from the page")
    }
    #expect(html.contains(">out 2\n</pre>"))
    #expect(!html.contains(">out 4\n</pre>"))

    // Prose added above the failing cell: taken from the cache, the error follows its cell.
    try book.write("Intro\n\nMore intro.\n\n```{swift}\nlet x: Int = \"text\"\n```\n", to: "chapters/1-type.md")
    let rerun = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(rerun.standardError.contains("chapters/1-type.md:6:14: error: cannot convert"))
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/1-type.md") == true)
  }

  @Test func exitInACellFailsItInsteadOfSilentlySkippingTheRest() throws {
    let book = try TemporaryDirectory()
    try book.write(
      "```{swift}\nimport Foundation\nprint(\"before\")\nexit(0)\n```\n\n```{swift}\nprint(\"later\")\n```\n",
      to: "chapters/exit.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains("chapters/exit.md:2: error: the chapter program exited (code 0)"),
      "\(run.standardError)")
    #expect(try BuildRecordReader(book: book.path).statuses("chapters/exit.md") == ["error", "not-run"])
    #expect(try page(book).contains(">before\n</pre>"))
  }

  @Test func cellRuntimeErrorsNameTheCallingLine() throws {
    let book = try TemporaryDirectory()
    try book.write("```{swift}\nprint(1)\nshow(Figure().scatter([1, 2], [1]))\n```\n", to: "chapters/a.md")
    try book.write("```{swift}\nprint(2)\nlet n = Build.parameter(\"n\", default: 1)\n```\n", to: "chapters/b.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path, "-P", "n=many"])
    #expect(
      run.standardError.contains("chapters/a.md:3:1: error: Fatal error: show(figure): panel 0"), "\(run.standardError)"
    )
    #expect(
      run.standardError.contains("chapters/b.md:3:15: error: Fatal error: build parameter n=many is not a valid Int"))
    // The runtime functions name their caller's line themselves: no "(in show, called here)".
    #expect(!run.standardError.contains("called here"))
    #expect(!run.standardError.contains("CellRuntime/"))
  }

  @Test func includesShowProjectCodeAndRefuseOutsidePaths() throws {
    let book = try TemporaryDirectory()
    try book.write("# Code\n\n{{< include Sources/CellRuntime/Table.swift >}}\n", to: "chapters/a.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    #expect(try page(book).contains("public struct Table"))

    try book.write("# Code\n\nText.\n\n{{< include ../../etc/passwd >}}\n", to: "chapters/a.md")
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(
      run.standardError.contains("chapters/a.md:5: error: include path '../../etc/passwd' is outside the folder"))
    #expect(!(try page(book).contains("root:")))
  }

  @Test func secondBuildWhileOneRunsIsRefused() throws {
    let book = try TemporaryDirectory()
    try book.write("# A\n", to: "chapters/a.md")
    try book.write("", to: ".flowbook-cache/lock")
    let descriptor = open(book.path + "/.flowbook-cache/lock", O_RDWR)
    defer { close(descriptor) }
    try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("another flowbook build is already running"))
  }

  @Test func interruptedBuildLeavesThePreviousReportWhole() throws {
    let book = try TemporaryDirectory()
    try book.write("# Version one\n", to: "chapters/a.md")
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    let before = try page(book)

    try book.write("# Version two\n\n```{swift}\nprint(\"sleeping\")\nsleep(60)\n```\n", to: "chapters/a.md")
    let build = try FlowBookBinary.start(["build", "--book", book.path])
    let deadline = Date().addingTimeInterval(60)
    while !ProcessTable.commandLines().contains(where: { $0.hasPrefix(book.path) && $0.hasSuffix("/chapter") }),
      Date() < deadline, build.isRunning
    {
      Thread.sleep(forTimeInterval: 0.05)
    }
    build.terminate()
    build.waitUntilExit()
    #expect(build.terminationStatus == 128 + SIGTERM)
    #expect(try page(book) == before)
    // The build stops its chapter program as it ends: the program goes within moments (not after its sleep).
    let stopped = Date().addingTimeInterval(5)
    while ProcessTable.commandLines().contains(where: { $0.contains(book.path) }), Date() < stopped {
      Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(!ProcessTable.commandLines().contains { $0.contains(book.path) })
  }

  @Test func missingChaptersFolderIsOneClearError() throws {
    let book = try TemporaryDirectory()
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("no chapters/ folder"))
    #expect(!run.standardError.contains("Fatal error"))
  }

  @Test func unknownSubcommandIsOneClearError() throws {
    let run = try FlowBookBinary.run(["frobnicate"])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("frobnicate"))
  }
}
