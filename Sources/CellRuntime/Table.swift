/// A table to show in the report: column headers and rows of cell texts.
public struct Table: Sendable, Equatable {
  /// Column headers.
  public var header: [String]
  /// Rows, each with one text per column.
  public var rows: [[String]]

  /// A table from `header` and `rows`; each value is shown with its `description`.
  public init(header: [String], rows: [[any CustomStringConvertible]]) {
    precondition(
      rows.allSatisfy { $0.count == header.count },
      "every table row needs \(header.count) values, one per header column")
    self.header = header
    self.rows = rows.map { $0.map(\.description) }
  }
}
