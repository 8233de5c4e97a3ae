import Foundation
import Testing

/// A small book built once (`flowbook build`) for the suite that asks for it with `@Suite(.builtBook { … })`, on
/// first request, so the tests that start from the same built book pay for its first build once. Each test then
/// takes its own copy, cache and report included (`BuiltBook.copy()`), to edit, damage and rebuild as it likes.
/// The folder is removed when the suite ends.
public final class BuiltBook: Sendable {
  /// The built book of the running suite (set by `.builtBook`).
  @TaskLocal public static var current: BuiltBook?

  private let folder: TemporaryDirectory
  private let built: SharedResult<FlowBookBinary.Run>

  private init(write: @escaping @Sendable (TemporaryDirectory) throws -> Void) throws {
    let folder = try TemporaryDirectory()
    built = SharedResult {
      try write(folder)
      return try FlowBookBinary.run(["build", "--book", folder.path])
    }
    self.folder = folder
  }

  /// A fresh copy of the running suite's book as its first build left it (built on the first call); the build's
  /// failure, if it failed, is the caller's.
  public static func copy(sourceLocation: SourceLocation = #_sourceLocation) async throws -> TemporaryDirectory {
    let book = try #require(current, "the suite's scope holds the built book", sourceLocation: sourceLocation)
    let first = try await book.built.value
    #expect(first.exitCode == 0, "the first build failed: \(first.standardError)", sourceLocation: sourceLocation)
    let copy = try TemporaryDirectory()
    for item in try FileManager.default.contentsOfDirectory(atPath: book.folder.path) {
      try FileManager.default.copyItem(atPath: book.folder.path + "/" + item, toPath: copy.path + "/" + item)
    }
    return copy
  }

  /// The running suite's book and its first build's outcome (built on the first call), for tests that only read
  /// what that build wrote: they must not change the book.
  public static func firstBuild(sourceLocation: SourceLocation = #_sourceLocation) async throws
    -> (path: String, run: FlowBookBinary.Run)
  {
    let book = try #require(current, "the suite's scope holds the built book", sourceLocation: sourceLocation)
    return (book.folder.path, try await book.built.value)
  }

  /// Holds the book while the suite's tests run and removes it after them.
  public struct Scope: SuiteTrait, TestScoping {
    let write: @Sendable (TemporaryDirectory) throws -> Void
    public var isRecursive: Bool { false }

    public func provideScope(
      for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
      try await BuiltBook.$current.withValue(BuiltBook(write: write)) { try await function() }
    }
  }
}

extension Trait where Self == BuiltBook.Scope {
  /// The suite's tests start from copies of one book, written by `write` and built once (`BuiltBook.copy()`).
  public static func builtBook(_ write: @escaping @Sendable (TemporaryDirectory) throws -> Void) -> Self {
    Self(write: write)
  }
}
