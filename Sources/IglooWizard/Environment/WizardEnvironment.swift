import IglooContent
import IglooEngine
import IglooReport

/// Where a saved session lives, as the environment names it (for files: the path).
public struct SessionHandle: Sendable, Hashable, CustomStringConvertible {
  /// The environment's name for it.
  public var id: String
  /// Creates a handle.
  public init(_ id: String) { self.id = id }
  /// The id, as the user sees it in messages.
  public var description: String { id }
}

/// A saved session as the start screen lists it: enough to recognise it without opening it.
public struct SavedSession: Sendable, Hashable {
  /// Where it lives.
  public var handle: SessionHandle
  /// The workplace, or empty.
  public var workplace: String
  /// The assessment's date, `YYYY-MM-DD`, or empty.
  public var date: String
  /// Applicable questions answered.
  public var answered: Int
  /// Applicable questions.
  public var total: Int
  /// Why it cannot be opened (unreadable, or open in another igloo), said in the wizard's
  /// language when shown; nil when fine.
  public var problem: Phrase?
  /// The workshop group's name, or empty.
  public var group: String

  /// Creates a listing entry.
  public init(
    handle: SessionHandle, workplace: String, date: String, answered: Int, total: Int, problem: Phrase? = nil,
    group: String = ""
  ) {
    self.group = group
    self.handle = handle
    self.workplace = workplace
    self.date = date
    self.answered = answered
    self.total = total
    self.problem = problem
  }

  /// The entry for `session`, with its progress under `pack`.
  public init(handle: SessionHandle, session: Session, pack: ContentPack) {
    let progress = session.progress(pack)
    self.init(
      handle: handle, workplace: session.about.workplace, date: session.about.date, answered: progress.answered,
      total: progress.total, group: session.about.group)
  }
}

/// The formats the Export step offers: the report module's own.
public typealias ExportFormat = ReportFormat

extension ReportFormat {
  /// The formats in the order the Export step offers them: Word first, since the APV lives in
  /// Word and on paper; the first is the one chosen when the step opens.
  public static let offered: [ReportFormat] = [.docx, .markdown, .json, .csv]

}

/// Everything the wizard needs from the world outside its state: files, locks, reports, the date.
///
/// The wizard never touches the disk itself, so its tests run against an in-memory environment
/// and count the saves; the CLI passes a ``FileEnvironment`` that uses IglooStore and IglooReport.
public protocol WizardEnvironment: AnyObject {
  /// Today's date, `YYYY-MM-DD`, for a new assessment.
  func today() -> String
  /// The sessions the start screen offers to resume, newest first.
  func listSessions() -> [SavedSession]
  /// Opens a saved session for editing (taking its lock).
  func open(_ handle: SessionHandle) throws -> Session
  /// Stores a new session somewhere sensible and returns where.
  func create(_ session: Session) throws -> SessionHandle
  /// Saves `session` at `handle`, atomically: after a crash the old or the new file is there, whole.
  func save(_ session: Session, to handle: SessionHandle) throws
  /// Lets go of a session the wizard no longer edits (its lock).
  func close(_ handle: SessionHandle)
  /// Where an export of `session` in `format` goes unless the user says otherwise.
  func suggestedExportPath(for session: Session, format: ExportFormat) -> String
  /// Writes `assessment` in `format` and `language` to `path`; returns the full path written.
  ///
  /// - Parameter replacing: the user agreed to replace the file already there.
  /// - Throws: ``ExportTargetExists`` when a file is there and `replacing` is false (the wizard
  ///   then asks); an error naming the path for a target no export may write (a session, a lock,
  ///   a device), whatever `replacing` says.
  func export(
    _ assessment: Assessment, format: ExportFormat, part: ReportPart, language: Language, to path: String, replacing: Bool
  ) throws -> String
  /// Reads the previous round's session at `path` for the Follow-up comparison, without locking
  /// or writing anything; a relative path is taken like an export path.
  ///
  /// - Throws: an error whose description is one line naming the file and the problem.
  func readPreviousRound(_ path: String) throws -> Session
  /// Where a save of `handle` writes and its lock; see the default in the extension.
  func saveLocation(of handle: SessionHandle) -> (file: String, lock: String)?
  /// Keeps `session` (with the text still being typed) as what a signal's emergency save writes
  /// to `handle`, without saving it now; see the default in the extension.
  func keepForEmergency(_ session: Session, at handle: SessionHandle)
}

extension WizardEnvironment {
  /// Nothing: only the command line's environment has a signal handler to hand the session to.
  public func keepForEmergency(_ session: Session, at handle: SessionHandle) {}

  /// Where a save of `handle` actually writes, and the lock that guards it: the handle's own
  /// path unless the environment redirects it (a symlink's target, a copy after the lock was
  /// lost); nil when nothing may be written (a read-only session). The signal handler's
  /// emergency save uses this, so that it never writes where a regular save would not.
  public func saveLocation(of handle: SessionHandle) -> (file: String, lock: String)? {
    (handle.id, handle.id + ".lock")
  }

  /// Writes an export without replacing anything; see
  /// ``export(_:format:part:language:to:replacing:)``.
  public func export(_ assessment: Assessment, format: ExportFormat, language: Language, to path: String) throws
    -> String
  {
    try export(assessment, format: format, part: .all, language: language, to: path, replacing: false)
  }

  /// Writes the whole report; see ``export(_:format:part:language:to:replacing:)``.
  public func export(
    _ assessment: Assessment, format: ExportFormat, language: Language, to path: String, replacing: Bool
  ) throws -> String {
    try export(assessment, format: format, part: .all, language: language, to: path, replacing: replacing)
  }
}

/// Another process replaced the lock of the session this igloo has open: its work is not saved
/// over, and this igloo's session is saved as a copy instead.
public struct LockLost: Error, Sendable, Hashable, CustomStringConvertible {
  /// The session whose lock was taken.
  public var session: String
  /// Where this igloo now saves.
  public var copy: String
  /// Creates the error.
  public init(session: String, copy: String) {
    self.session = session
    self.copy = copy
  }
  /// One line for the screen.
  public var description: String {
    "another igloo has taken over \(session) (its lock was replaced); so as not to save over its work, your answers are saved as a copy in \(copy)"
  }
}

/// The session was opened from a read-only file: igloo shows it but never rewrites it.
public struct ReadOnlySession: Error, Sendable, Hashable, CustomStringConvertible {
  /// The session file.
  public var path: String
  /// Creates the error.
  public init(path: String) { self.path = path }
  /// One line for the screen.
  public var description: String {
    "\(path) is read-only, so igloo shows it but does not change it; changes made now are not saved (make it writable, or export a report)"
  }
}

/// An export's target is a file that is already there: the wizard asks before replacing it.
public struct ExportTargetExists: Error, Sendable, Hashable, CustomStringConvertible {
  /// The full path of the file.
  public var path: String
  /// Creates the error.
  public init(path: String) { self.path = path }
  /// `path: it already exists`.
  public var description: String { "\(path): it already exists" }
}

/// A failure the environment reports, with the file it concerns, for a one-line message.
public struct EnvironmentError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file or folder concerned.
  public var path: String
  /// What went wrong, in one line.
  public var reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `path: reason`, one line.
  public var description: String { "\(path): \(reason)" }
}
