import Foundation
import IglooContent

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output as igloo writes it: unbuffered, and a failure (a full disk behind `> file`, a
/// closed descriptor, a reader that went away) is an error to report, never a crash.
///
/// Foundation's `FileHandle.write` stops the process on a failed write, and `print` loses the error
/// in a buffer; every line igloo prints goes through here instead.
public enum StandardOutput {
  nonisolated(unsafe) private static var closedAtStart = false

  /// Run once at start: a standard stream the shell left closed is pointed at `/dev/null`, so that
  /// the next file igloo opens (a session, a lock) cannot take its number and receive output meant
  /// for the screen. A closed standard output is remembered, so that writing to it still fails.
  public static func prepareStreams() {
    for fd: Int32 in [0, 1, 2] where !Platform.isOpen(descriptor: fd) {
      if fd == 1 { closedAtStart = true }
      Platform.reopenOnDevNull(fd)
    }
  }

  /// Writes all of `data` to standard output now.
  ///
  /// - Throws: ``StoreError`` (`cannot write standard output: the disk is full`).
  public static func write(_ data: Data) throws {
    guard !closedAtStart else {
      throw StoreError(.write, path: "standard output", kind: .system, problem: Phrase("store.problem.closed"))
    }
    do {
      try Platform.writeToDescriptor(data, 1)
    } catch let error as SystemError {
      let problem = error.code == EBADF ? Phrase("store.problem.closed") : StoreError.explain(error, operation: .write, path: "").1
      throw StoreError(.write, path: "standard output", kind: .system, problem: problem)
    }
  }

  /// Writes `text` as UTF-8; see ``write(_:)``.
  public static func write(_ text: String) throws { try write(Data(text.utf8)) }
}
