import ArgumentParser
import Foundation
import IglooContent
import IglooStore

/// Writes what a verb produced: to standard output, or (with `-o FILE`) to a file by the rule of
/// ``ExportFile``: a new file, or an existing regular one with `--force`, never a session or a
/// lock. Every verb writes through here, so that the rule and its messages live in one place.
///
/// - Parameters:
///   - path: the `-o` argument; nil or `-` is standard output.
///   - force: `--force` was given.
///   - sessions: the session files the verb read; neither they nor their locks are ever written.
/// - Throws: ``CLIError`` with exit code 1 and one line.
func emit(_ data: Data, to path: String?, force: Bool = false, sessions: [String] = []) throws {
  guard let path, path != "-" else {
    try writeStandardOutput(data)
    return
  }
  guard !path.isEmpty else {
    throw CLIError(exitCode: 1, message: CLIText.string("cli.error.output-needs-name"))
  }
  do {
    try ExportFile.write(
      data, to: URL(fileURLWithPath: path), replacing: force, openSessions: sessions.map { URL(fileURLWithPath: $0) })
  } catch let error as StoreError {
    let message = error.kind == .alreadyExists
      ? CLIText.string("cli.error.give-force", ["reason": error.message(CLILanguage.current)]) : error.message(CLILanguage.current)
    throw CLIError(exitCode: 1, message: message)
  }
}

/// Writes to standard output now; a failure is a ``CLIError`` (exit 1), never a crash.
func writeStandardOutput(_ data: Data) throws {
  do {
    try StandardOutput.write(data)
  } catch let error as StoreError {
    throw CLIError(exitCode: 1, message: error.message(CLILanguage.current))
  }
}

/// Prints one line of text on standard output, its control characters made visible.
func say(_ line: String) throws {
  try writeStandardOutput(Data((SafeText.visible(line) + "\n").utf8))
}
