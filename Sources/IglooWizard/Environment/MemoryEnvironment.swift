import Foundation
import IglooContent
import IglooEngine
import IglooReport
import IglooStore

/// An environment that keeps everything in memory: for tests, demos and the terminal driver's
/// own tests. It counts saves and can be told to fail, to show how the wizard reacts.
public final class MemoryEnvironment: WizardEnvironment {
  /// The stored sessions by handle id.
  public var sessions: [String: Session] = [:]
  /// Handle ids in the order they were created, newest last.
  public private(set) var order: [String] = []
  /// How many times ``save(_:to:)`` succeeded.
  public private(set) var saveCount = 0
  /// The handle ids of the successful saves, in order.
  public private(set) var savedHandles: [String] = []
  /// Every export written: the path and the text.
  public private(set) var exports: [(path: String, format: ExportFormat, language: Language)] = []
  /// The part of the report each of ``exports`` wrote, in the same order.
  public private(set) var exportParts: [ReportPart] = []
  /// The bytes each export would have written, by path: the rendering the real environment writes.
  public private(set) var exportedBytes: [String: Data] = [:]
  /// The date ``today()`` reports.
  public var date: String
  /// Export paths starting with one of these fail, as an unwritable folder would.
  public var unwritablePrefixes: [String] = ["/nonexistent", "/proc"]
  /// Full paths where a file already exists: an export there needs the user's yes.
  public var existingFiles: Set<String> = []
  /// When set, every save fails with this reason.
  public var failSaves: String?
  /// When set, every save fails with this store error, as the real store would say it.
  public var failSavesWith: StoreError?
  /// When set, every read of a previous round fails with this reason.
  public var failPreviousRounds: String?
  /// Every path ``readPreviousRound(_:)`` was asked for, in order.
  public private(set) var previousRoundReads: [String] = []
  /// Handles that are open.
  public private(set) var openHandles: Set<String> = []

  /// The pack, for the progress shown in the session list.
  public let pack: ContentPack

  /// Creates an environment whose today is `date`, holding `sessions` (oldest first).
  public init(pack: ContentPack, date: String = "2025-05-01", sessions: [Session] = []) {
    self.pack = pack
    self.date = date
    for s in sessions { _ = try? create(s) }
    saveCount = 0
    savedHandles = []
  }

  /// The fixed ``date``.
  public func today() -> String { date }

  /// The stored sessions, newest first.
  public func listSessions() -> [SavedSession] {
    order.reversed().compactMap { id in
      sessions[id].map { SavedSession(handle: SessionHandle(id), session: $0, pack: pack) }
    }
  }

  /// The stored session; marks it open.
  public func open(_ handle: SessionHandle) throws -> Session {
    guard let s = sessions[handle.id] else { throw EnvironmentError(path: handle.id, reason: "no such session") }
    openHandles.insert(handle.id)
    return s
  }

  /// Stores the session under `memory/<n>.json`.
  public func create(_ session: Session) throws -> SessionHandle {
    let id = "memory/\(order.count + 1).json"
    order.append(id)
    sessions[id] = session
    openHandles.insert(id)
    return SessionHandle(id)
  }

  /// Stores the session and counts the save, or fails with ``failSaves``.
  public func save(_ session: Session, to handle: SessionHandle) throws {
    if let failSaves { throw EnvironmentError(path: handle.id, reason: failSaves) }
    if let failSavesWith { throw failSavesWith }
    if sessions[handle.id] == nil { order.append(handle.id) }
    sessions[handle.id] = session
    saveCount += 1
    savedHandles.append(handle.id)
  }

  /// Marks the session closed.
  public func close(_ handle: SessionHandle) { openHandles.remove(handle.id) }

  /// Always `igloo-assessment.<ext>`, so snapshots do not depend on the session.
  public func suggestedExportPath(for session: Session, format: ExportFormat) -> String {
    "igloo-assessment.\(format.fileExtension)"
  }

  /// Records the export, or fails for an empty path or one under ``unwritablePrefixes``.
  public func export(
    _ assessment: Assessment, format: ExportFormat, part: ReportPart, language: Language, to path: String, replacing: Bool
  ) throws -> String {
    let trimmed = path.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw EnvironmentError(path: path, reason: "no file name given") }
    if unwritablePrefixes.contains(where: { trimmed.hasPrefix($0) }) {
      // The line the real FileEnvironment gives for a folder that does not exist (a test holds
      // the two to the same text), so that goldens never show words the binary does not say.
      throw StoreError(.write, path: trimmed, kind: .folderMissing, problem: Phrase("store.problem.folder-missing"))
    }
    let full = trimmed.hasPrefix("/") ? trimmed : "/work/\(trimmed)"
    if !replacing && existingFiles.contains(full) {
      throw ExportTargetExists(path: full)
    }
    exports.append((full, format, language))
    exportParts.append(part)
    exportedBytes[full] = format.render(assessment, language: language, part: part)
    return full
  }

  /// The stored session whose id is `path` (trimmed), without opening it; fails with
  /// ``failPreviousRounds`` when set, and for an id that is not stored.
  public func readPreviousRound(_ path: String) throws -> Session {
    let id = path.trimmingCharacters(in: .whitespaces)
    previousRoundReads.append(id)
    if let failPreviousRounds { throw EnvironmentError(path: id, reason: failPreviousRounds) }
    guard let s = sessions[id] else { throw EnvironmentError(path: id, reason: "no such session") }
    return s
  }
}
