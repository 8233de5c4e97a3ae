import Testing

@testable import Notebook

/// The split of an `error: true` cell into file-scope declarations and statements, line for line.
@Suite struct IsolatedCellCodeTests {
  @Test func declarationsLeaveTheBlockAndKeepTheirLines() {
    let code = """
      import Foundation
      @MainActor
      final class Box {
        let text = "} not a brace {"  // nor this }
        /* a { comment */
      }
      print(Box())
      func helper()
        -> Int
      {
        1
      }
      if true {
        struct Local {}
      }
      """
    let split = IsolatedCellCode(splitting: code)
    let declarations = split.declarations.split(separator: "\n", omittingEmptySubsequences: false)
    let statements = split.statements.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(declarations.count == 15 && statements.count == 15)
    #expect(declarations[0...5].allSatisfy { !$0.isEmpty })
    #expect(declarations[6].isEmpty && statements[6] == "print(Box())")
    #expect(declarations[7...11].allSatisfy { !$0.isEmpty })
    // A struct inside a statement's block is that block's, not the file's.
    #expect(declarations[12...14].allSatisfy { $0.isEmpty })
    #expect(statements[13] == "  struct Local {}")
  }

  @Test func aFunctionUsingTheCellsVariablesStaysInTheBlock() {
    let split = IsolatedCellCode(
      splitting: "let (low, high) = (1, 9)\nfunc inRange(_ x: Int) -> Bool { x >= low && x <= high }\nfunc free() {}")
    #expect(split.statements == "let (low, high) = (1, 9)\nfunc inRange(_ x: Int) -> Bool { x >= low && x <= high }\n")
    #expect(split.declarations == "\n\nfunc free() {}")
  }
}
