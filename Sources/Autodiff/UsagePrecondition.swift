/// Stops the program with `message` when `condition` is false — for mistakes in how an API is
/// called (a shape that does not fit, an index out of range).
///
/// Unlike Swift's `precondition`, whose message is dropped in optimised (`-O`) builds, this prints
/// the message in every build, so a chapter cell running against the release library still says
/// which shapes did not fit.
@inline(__always)
public func usagePrecondition(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() { fatalError(message(), file: file, line: line) }
}
