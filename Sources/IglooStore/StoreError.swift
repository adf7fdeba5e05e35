import Foundation
import IglooBuiltinContent
import IglooContent

/// A file igloo could not read, write or lock, described in one line that names the path.
///
/// Every failure in IglooStore becomes one of these, so that the command line and the wizard can
/// show ``message(_:)`` in the user's language as it is: it is one line, names the file, and says
/// what is wrong in plain words ("cannot write /x/report.md: the disk is full", "kan ikke skrive
/// /x/report.md: disken er fuld"). The words are in Content/strings/store.yaml.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What igloo was doing when it failed; it sets the start of the message.
  public enum Operation: Sendable, Equatable {
    /// Opening a session file (reading, checking, locking it).
    case open
    /// Reading a file.
    case read
    /// Writing a file (a session, an export, a backup).
    case write
    /// Creating a folder.
    case createFolder
    /// Taking a session's lock.
    case lock
    /// Listing a folder.
    case list

    /// The string key of the message's frame, "cannot write {path}: {problem}".
    var frameKey: String {
      switch self {
      case .open, .lock: "store.cannot-open"
      case .read: "store.cannot-read"
      case .write: "store.cannot-write"
      case .createFolder: "store.cannot-create-folder"
      case .list: "store.cannot-list"
      }
    }
  }

  /// The kind of problem, for callers that react differently to, say, a full disk and a lock.
  public enum Kind: String, Sendable, Equatable {
    /// The file does not exist.
    case notFound
    /// The folder a file should go into does not exist.
    case folderMissing
    /// The user may not read or write it.
    case permissionDenied
    /// The file system is mounted read-only.
    case readOnly
    /// The disk is full.
    case diskFull
    /// The user's disk quota is used up.
    case quotaExceeded
    /// A folder is where a file should be.
    case isFolder
    /// A file is where a folder should be, somewhere in the path.
    case notFolder
    /// The file already exists and must not be replaced.
    case alreadyExists
    /// Not a regular file (a FIFO, a device, a socket, a symbolic link).
    case notRegularFile
    /// A session or a lock, which no export may replace, even when asked to.
    case protectedFile
    /// Larger than igloo accepts.
    case tooLarge
    /// Empty, or only blank space.
    case empty
    /// Binary, or text that is not UTF-8.
    case notText
    /// Text, but not JSON.
    case notJSON
    /// JSON that stops in the middle.
    case truncated
    /// JSON, but not shaped like a session.
    case wrongShape
    /// Written by a newer igloo.
    case newerVersion
    /// An older version igloo cannot migrate.
    case unsupportedVersion
    /// A session whose content breaks the format (a value out of range, a wrong type).
    case invalidSession
    /// A session that names questions, use cases or actions the content pack does not have.
    case doesNotMatchContent
    /// Another igloo has the session open.
    case locked
    /// Neither `XDG_DATA_HOME` nor a home folder is known.
    case noDataFolder
    /// Any other system error; the message carries the system's own words.
    case system
  }

  /// What igloo was doing.
  public var operation: Operation
  /// The file or folder concerned; empty only for ``Kind/noDataFolder``.
  public var path: String
  /// The kind of problem.
  public var kind: Kind
  /// What is wrong, without the path, as a phrase to be said in the user's language.
  public var phrase: Phrase
  /// Who holds the lock, for ``Kind/locked``.
  public var holder: LockHolder?

  /// Creates an error.
  public init(_ operation: Operation, path: String, kind: Kind, problem: Phrase, holder: LockHolder? = nil) {
    self.operation = operation
    self.path = path
    self.kind = kind
    self.phrase = problem
    self.holder = holder
  }

  /// The built-in string tables, where igloo's own messages are: a `--content` pack changes
  /// the assessment's content, never these words.
  static var words: [String: LocalizedText] { BuiltinPack.strings }

  /// What is wrong, without the path, in `language`, on one line of plain characters.
  public func problem(_ language: Language) -> String { StoreError.say(phrase, language) }

  /// What is wrong, without the path, in English.
  public var problem: String { problem(.en) }

  /// The whole message as a phrase, "cannot write {path}: {problem}", for a caller that says it
  /// later (the wizard's start screen, in whatever language is chosen by then).
  public var messagePhrase: Phrase {
    path.isEmpty ? phrase : Phrase(operation.frameKey, ["path": path], parts: ["problem": phrase])
  }

  /// The whole message in `language`: `kan ikke skrive /x/report.md: disken er fuld`.
  public func message(_ language: Language) -> String { StoreError.say(messagePhrase, language) }

  /// A phrase of the store's (a message, a session's mismatch with the pack) in `language`, on
  /// one line of plain characters.
  public static func say(_ phrase: Phrase, _ language: Language) -> String {
    printable(phrase.text(language, strings: words))
  }

  /// One line of plain characters: a message must stay on one line, and a control character from
  /// a file (a question id holding an escape sequence, say) must not reach the terminal.
  static func printable(_ text: String) -> String {
    let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
    var out = ""
    for scalar in oneLine.unicodeScalars {
      if scalar.properties.generalCategory == .control {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The message in English: `cannot write /x/report.md: the disk is full`.
  public var description: String { message(.en) }

  /// The exit status a command should end with: 2 for a file the user must fix or replace
  /// (what `igloo report` promises for a bad session), 1 for a place igloo cannot write to or a
  /// session that is open elsewhere.
  public var exitCode: Int32 {
    if kind == .locked { return 1 }
    switch operation {
    case .open, .read: return 2
    case .write, .createFolder, .lock, .list: return 1
    }
  }
}

extension StoreError {
  /// Turns a system error into a message about `path`.
  init(_ operation: Operation, path: String, _ error: SystemError) {
    let (kind, problem) = StoreError.explain(error, operation: operation, path: path)
    self.init(operation, path: path, kind: kind, problem: problem)
  }

  /// Wraps any error thrown while working on `path`: a ``StoreError`` passes through unchanged.
  static func wrap(_ error: any Error, _ operation: Operation, path: String) -> StoreError {
    switch error {
    case let e as StoreError: e
    case let e as SystemError: StoreError(operation, path: path, e)
    default: StoreError(operation, path: path, kind: .system, problem: Phrase("store.problem.system", ["message": String(describing: error)]))
    }
  }

  static func explain(_ error: SystemError, operation: Operation, path: String) -> (Kind, Phrase) {
    switch error.kind {
    case .notFound:
      switch operation {
      case .write, .lock: (.folderMissing, Phrase("store.problem.folder-missing"))
      case .createFolder: (.folderMissing, Phrase("store.problem.parent-missing"))
      default: (.notFound, Phrase("store.problem.not-found"))
      }
    case .permissionDenied: (.permissionDenied, Phrase("store.problem.permission-denied"))
    case .readOnly: (.readOnly, Phrase("store.problem.read-only"))
    case .diskFull: (.diskFull, Phrase("store.problem.disk-full"))
    case .quotaExceeded: (.quotaExceeded, Phrase("store.problem.quota"))
    case .isDirectory: (.isFolder, Phrase("store.problem.is-folder"))
    case .notDirectory:
      if let blocker = firstNonFolder(above: path) {
        (.notFolder, Phrase("store.problem.file-above", ["file": blocker]))
      } else {
        (.notFolder, Phrase("store.problem.part-is-file"))
      }
    case .exists: (.alreadyExists, Phrase("store.problem.exists"))
    case .nameTooLong: (.system, Phrase("store.problem.name-too-long"))
    case .symlinkLoop: (.system, Phrase("store.problem.symlink-loop"))
    case .notSupported: (.system, Phrase("store.problem.not-supported", ["call": error.call]))
    case .busy: (.system, Phrase("store.problem.busy"))
    case .other: (.system, Phrase("store.problem.system", ["message": error.systemMessage]))
    }
  }

  /// The nearest ancestor of `path` that exists but is not a folder, which is what ENOTDIR is about.
  private static func firstNonFolder(above path: String) -> String? {
    var url = URL(fileURLWithPath: path).deletingLastPathComponent()
    var candidates: [String] = []
    while url.path != "/" && !url.path.isEmpty {
      candidates.append(url.path)
      url = url.deletingLastPathComponent()
    }
    // Walk down from the root: the first existing non-folder is the one in the way.
    for candidate in candidates.reversed() {
      guard let st = try? Platform.status(candidate) else { return nil }
      if st.type != .directory { return candidate }
    }
    return nil
  }
}
