import Foundation
import IglooContent
import IglooEngine
import IglooReport
import IglooStore

/// The real environment: sessions as files in the session folder (or wherever the user opened
/// one), each locked while open, saved atomically; exports rendered by IglooReport and written
/// with mode 0600.
///
/// Handles are absolute file paths. Errors are IglooStore's one-line ``StoreError``s, which name
/// the file and the problem, and the wizard shows them as they are.
public final class FileEnvironment: WizardEnvironment {
  private let pack: ContentPack
  private let store: SessionStore
  private let now: () -> Date
  private let workingDirectory: String
  private let home: String?
  private var locks: [String: SessionLock] = [:]
  /// Sessions whose lock another process took while this igloo had them open, and the copy each
  /// one is now saved to.
  private var copies: [String: URL] = [:]
  /// Sessions opened from a file igloo may not write (mode 0444, say): they are never rewritten.
  private var readOnly: Set<String> = []

  /// An environment over `store`. Relative export paths resolve against `workingDirectory`;
  /// `~/` against `home`.
  public init(
    pack: ContentPack, store: SessionStore, now: @escaping () -> Date = Date.init,
    workingDirectory: String = FileManager.default.currentDirectoryPath,
    home: String? = ProcessInfo.processInfo.environment["HOME"]
  ) {
    self.pack = pack
    self.store = store
    self.now = now
    self.workingDirectory = workingDirectory
    self.home = home
  }

  deinit {
    for lock in locks.values { lock.release() }
  }

  /// Today in the local time zone, `YYYY-MM-DD`.
  public func today() -> String {
    let c = Calendar(identifier: .gregorian).dateComponents(in: .current, from: now())
    return CalendarDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1).description
  }

  /// The sessions in the session folder, newest first; an unreadable one, or one locked by another
  /// igloo, says why. A session this igloo has open is locked by this igloo itself, and is listed
  /// normally: it is ours, and choosing it goes back to it.
  public func listSessions() -> [SavedSession] {
    guard let summaries = try? store.list(pack: pack) else { return [] }
    let mine = locks.values.filter(\.isHeld)
    return summaries.map { s in
      let other = s.openBy.flatMap { holder in mine.contains { $0.isRecorded(in: holder) } ? nil : holder }
      // The problem alone: the row names the file, and "cannot be opened" frames it already.
      let problem = s.error.map(\.phrase) ?? other.map { Phrase("store.problem.open-elsewhere", ["holder": $0.summary]) }
      return SavedSession(
        handle: SessionHandle(s.url.path), workplace: s.workplace, date: s.date, answered: s.answered, total: s.total,
        problem: problem, group: s.group)
    }
  }

  /// Locks and loads the session file; a locked file is refused with who holds it.
  public func open(_ handle: SessionHandle) throws -> Session {
    if locks[handle.id] != nil { return try SessionFile.load(URL(fileURLWithPath: handle.id), pack: pack) }
    let url = URL(fileURLWithPath: handle.id)
    if SessionFile.isReadOnly(url) {
      // Opened to be read, never rewritten (not even migrated): a read-only file is a choice.
      readOnly.insert(handle.id)
      return try SessionFile.read(url, pack: pack).session
    }
    let (session, lock) = try SessionFile.open(url, pack: pack)
    locks[handle.id] = lock
    // A kill in the middle of a save leaves its temporary file (answers and all) beside the
    // session; the next igloo to open it clears away those whose process has gone.
    AtomicFile.removeLeftovers(in: url.deletingLastPathComponent())
    return session
  }

  /// Saves a new session under a fresh name in the session folder and locks it.
  public func create(_ session: Session) throws -> SessionHandle {
    // A workshop group's name joins the workplace, so that groups on one case never share a name.
    let url = try store.create(session, workplace: Self.nameStem(session), date: now())
    // The name was claimed without replacing anything; the lock keeps a second igloo out of it.
    locks[url.path] = try SessionLock.acquire(url)
    store.removeLeftovers()
    return SessionHandle(url.path)
  }

  /// Saves atomically (temporary file, fsync, rename) with mode 0600.
  ///
  /// Before each save the session's lock is checked: when another process has replaced it (a
  /// second igloo took the session over), this igloo stops saving over that one's work. It saves
  /// a copy under a new name instead, goes on saving there, and throws ``LockLost`` once so that
  /// the screen says so and where the copy is.
  public func save(_ session: Session, to handle: SessionHandle) throws {
    if readOnly.contains(handle.id) { throw ReadOnlySession(path: handle.id) }
    if let copy = copies[handle.id] {
      try store.save(session, to: copy)
      return
    }
    if let lock = locks[handle.id], !lock.isIntact {
      let copy = try store.saveCopy(session, of: URL(fileURLWithPath: handle.id))
      copies[handle.id] = copy
      if let copyLock = try? SessionLock.acquire(copy) { locks[copy.path] = copyLock }
      throw LockLost(session: handle.id, copy: copy.path)
    }
    try store.save(session, to: URL(fileURLWithPath: handle.id))
  }

  /// Where a save of `handle` writes: the copy after a lost lock, else the file itself, through a
  /// symbolic link to its target; nil for a read-only session.
  public func saveLocation(of handle: SessionHandle) -> (file: String, lock: String)? {
    if let copy = copies[handle.id] { return (copy.path, SessionLock.lockURL(for: copy).path) }
    if readOnly.contains(handle.id) { return nil }
    if let lock = locks[handle.id], !lock.isIntact { return nil }
    let url = URL(fileURLWithPath: handle.id)
    return (store.writeTarget(for: url).path, SessionLock.lockURL(for: url).path)
  }

  /// Releases the session's lock (and that of its copy, if it has one).
  public func close(_ handle: SessionHandle) {
    if let copy = copies.removeValue(forKey: handle.id) { locks.removeValue(forKey: copy.path)?.release() }
    locks.removeValue(forKey: handle.id)?.release()
  }

  /// What file names are made from: the workplace, then the workshop group if there is one.
  public static func nameStem(_ session: Session) -> String {
    let group = session.about.group.trimmingCharacters(in: .whitespaces)
    return group.isEmpty ? session.about.workplace : session.about.workplace + " " + group
  }

  /// `<workplace-slug>[-<group-slug>]-<date>.<ext>` in the folder igloo was started in.
  public func suggestedExportPath(for session: Session, format: ExportFormat) -> String {
    let slug = SessionStore.slug(Self.nameStem(session))
    let date = session.about.date.isEmpty ? today() : session.about.date
    return (slug.isEmpty ? "igloo" : slug) + "-" + date + "." + format.fileExtension
  }

  /// Renders with IglooReport and writes the file atomically with mode 0600 by ``ExportFile``'s
  /// rule: an existing file only with `replacing` (else ``ExportTargetExists``), and never a session
  /// this igloo has open, its lock, or any other session or lock. A missing or read-only folder is
  /// a `StoreError` naming the path.
  public func export(
    _ assessment: Assessment, format: ExportFormat, part: ReportPart, language: Language, to path: String, replacing: Bool
  ) throws -> String {
    let url = resolve(path)
    let open = locks.keys.map { URL(fileURLWithPath: $0) }
    do {
      try ExportFile.write(format.render(assessment, language: language, part: part), to: url, replacing: replacing, openSessions: open)
    } catch let error as StoreError where error.kind == .alreadyExists {
      throw ExportTargetExists(path: url.path)
    }
    return url.path
  }

  /// Reads the session at `path` (resolved like an export path) with `SessionFile.read`: no lock
  /// is taken and nothing is written, not even the migration of an older file, which happens in
  /// memory only. A bad file is a `StoreError` naming the file and the problem.
  public func readPreviousRound(_ path: String) throws -> Session {
    try SessionFile.read(resolve(path), pack: pack).session
  }

  /// `path` as an absolute file URL: `~/` is the home folder, a relative path is taken from the
  /// folder igloo was started in.
  func resolve(_ path: String) -> URL {
    var p = path.trimmingCharacters(in: .whitespaces)
    if p == "~" || p.hasPrefix("~/"), let home { p = home + p.dropFirst() }
    if !p.hasPrefix("/") { p = workingDirectory + "/" + p }
    return URL(fileURLWithPath: p).standardizedFileURL
  }
}
