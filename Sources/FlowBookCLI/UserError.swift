/// A mistake in how FlowBook was called or in the book it was given; printed as one line, exit code 1.
struct UserError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
