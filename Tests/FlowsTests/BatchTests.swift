import Testing

@testable import Flows

@Suite struct BatchTests {
  @Test func columnsAndPointsAgree() {
    let batch = Batch(x: [1, 2, 3], y: [4, 5, 6])
    #expect(batch.column(1) == [4, 5, 6])
    #expect(batch.points[2] == [3, 6])
    #expect(batch.selecting([2, 0]).values == [3, 6, 1, 4])
  }

  @Test func gridSpansTheRangeRowByRow() {
    let grid = Batch.grid(x: -1...1, y: 0...2, resolution: 3)
    #expect(grid.count == 9)
    #expect(grid[point: 0] == [-1, 0])
    #expect(grid[point: 2] == [1, 0])
    #expect(grid[point: 8] == [1, 2])
  }
}
