import CellProtocol
import Foundation

/// Stands for an exercise the student has not written yet (the student edition's stub of a solution
/// region, see `flowbook student`): stops the chapter where it is reached, with "exercise 2.1 not done yet".
///
/// The cell that reached it is shown as not done, and the later cells of the chapter as not run, naming the
/// exercise; the build lists it at the end. Its `Never` result lets the stub stand in for any code, e.g. the
/// body of a function that must return a tensor.
public func exercise(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> Never {
  emit(.exercise, ["name": name, "file": "\(file)", "line": Int(line)])
  fflush(nil)
  exit(0)
}
