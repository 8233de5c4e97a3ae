import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Starts a cell marked `error: true` in a forked copy of the chapter program.
///
/// Returns `true` in the copy, which runs the cell and ends in `_endIsolatedCell()`. The original waits
/// for the copy, reports how it ended (its standard error goes to a file, so a trap message is attributed
/// to this cell), and returns `false`, skipping the cell: whatever the cell does, even trapping, later
/// cells run with the state from before it.
public func _beginIsolatedCell(_ index: Int) -> Bool {
  _beginCell(index)
  fflush(nil)
  let errorFile = displayDirectory + "/cell\(index).stderr"
  let child = fork()
  if child == 0 {
    let descriptor = open(errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if descriptor >= 0 { dup2(descriptor, STDERR_FILENO) }
    return true
  }
  var status: Int32 = 0
  if child > 0 { waitpid(child, &status, 0) }
  let message = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
  try? FileManager.default.removeItem(atPath: errorFile)
  let exitedCleanly = child > 0 && (status & 0x7f) == 0 && (status >> 8) & 0xff == 0
  emit(.isolatedEnd, ["cell": index, "failed": !exitedCleanly, "stderr": message])
  return false
}

/// Ends the forked copy started by `_beginIsolatedCell` after its cell ran to completion.
public func _endIsolatedCell() -> Never {
  fflush(nil)
  _exit(0)
}
