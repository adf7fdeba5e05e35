import Foundation
import IglooContent
import IglooEngine

/// Writes files so that a crash, a kill or a full disk never leaves one half-written.
///
/// The data goes to a temporary file in the same folder (a rename is only atomic within one file
/// system), is flushed to the disk, and is then renamed over the target; last, the folder itself is
/// flushed so that the rename survives a power cut. Readers therefore see either the old file or the
/// new one, never a mix, and on any failure the old file is left exactly as it was.
public enum AtomicFile {
  /// The mode of every file igloo creates: only its owner can read it.
  public static let privateFileMode: UInt32 = 0o600
  /// The mode of every folder igloo creates.
  public static let privateFolderMode: UInt32 = 0o700

  /// Writes `data` to `url` atomically, with exactly `mode`.
  ///
  /// - Parameters:
  ///   - createFolders: create missing folders above `url` (each with mode 0700). Only the session
  ///     folder asks for this; an export to a folder that does not exist is a user error to report.
  ///   - replace: when false, fail with ``StoreError/Kind/alreadyExists`` rather than replace an
  ///     existing file; used for backups and new sessions, which must never overwrite anything.
  /// - Throws: ``StoreError`` naming the path and the problem; the temporary file is removed.
  public static func write(
    _ data: Data, to url: URL, mode: UInt32 = privateFileMode, createFolders: Bool = false,
    replace: Bool = true
  ) throws {
    let path = url.standardizedFileURL.path
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    guard !name.isEmpty, name != "/" else {
      throw StoreError(.write, path: path, kind: .isFolder, problem: Phrase("store.problem.is-folder"))
    }
    if createFolders { try createFolder(URL(fileURLWithPath: folder)) }

    // Refuse a folder up front, before spending time on a large export; rename checks again.
    if let st = try? Platform.status(path), st.type == .directory {
      throw StoreError(.write, path: path, kind: .isFolder, problem: Phrase("store.problem.is-folder"))
    }

    let temporary = folder + "/" + temporaryName(for: name)
    let fd: Int32
    do {
      fd = try Platform.createExclusive(temporary, mode: mode)
    } catch let error as SystemError {
      if error.kind == .notFound, (try? Platform.status(folder))?.type == .directory {
        // The folder is there but takes no new files (/proc, /sys): ENOENT is misleading.
        throw StoreError(.write, path: path, kind: .system, problem: Phrase("store.problem.no-new-files", ["folder": folder]))
      }
      throw StoreError(.write, path: path, error)
    }
    do {
      do {
        try Platform.writeAll(data, to: fd)
        try Platform.sync(descriptor: fd)
      } catch {
        Platform.closeQuietly(fd)
        throw error
      }
      try Platform.close(descriptor: fd)
      if replace {
        try Platform.rename(temporary, to: path)
      } else {
        try publishWithoutReplacing(temporary, at: path)
      }
    } catch {
      Platform.removeQuietly(temporary)
      throw StoreError.wrap(error, .write, path: path)
    }
    Platform.syncFolder(folder)
  }

  /// Writes `text` as UTF-8; see ``write(_:to:mode:createFolders:replace:)``.
  public static func write(
    _ text: String, to url: URL, mode: UInt32 = privateFileMode, createFolders: Bool = false,
    replace: Bool = true
  ) throws {
    try write(Data(text.utf8), to: url, mode: mode, createFolders: createFolders, replace: replace)
  }

  /// Creates `url` and any missing folder above it, each with mode 0700.
  ///
  /// Folders that already exist keep their mode: the user may have chosen it.
  public static func createFolder(_ url: URL) throws {
    let path = url.standardizedFileURL.path
    do {
      if let st = try Platform.status(path) {
        guard st.type == .directory else {
          throw StoreError(.createFolder, path: path, kind: .notFolder, problem: Phrase("store.problem.file-in-the-way"))
        }
        return
      }
    } catch let error as SystemError {
      throw StoreError(.createFolder, path: path, error)
    }
    let parent = url.standardizedFileURL.deletingLastPathComponent()
    if parent.path != path { try createFolder(parent) }
    do {
      try Platform.makeFolder(path, mode: privateFolderMode)
    } catch let error as SystemError {
      // Another process may have created it in the meantime; that is as good.
      if error.kind == .exists, (try? Platform.status(path))?.type == .directory { return }
      // A symbolic link to nothing: mkdir says "exists", but what is wrong is the link.
      if error.kind == .exists, (try? Platform.status(path, followLinks: false))?.type == .symlink {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        throw StoreError(
          .createFolder, path: path, kind: .notFolder, problem: Phrase("store.problem.dangling-link", ["target": target]))
      }
      // ENOENT although the folder above is there (/proc, a pseudo file system): that folder takes no new folders.
      if error.kind == .notFound, (try? Platform.status(parent.path))?.type == .directory {
        throw StoreError(
          .createFolder, path: path, kind: .permissionDenied,
          problem: Phrase("store.problem.no-new-folders", ["folder": parent.path]))
      }
      throw StoreError(.createFolder, path: path, error)
    }
    Platform.syncFolder(parent.path)
  }

  /// The mark in every temporary file igloo names, and in no name a person gives a file: removing
  /// leftovers touches only names with this mark, a pid and a 16-digit random part.
  static let temporaryMark = ".igloo-tmp-"

  /// Whether `name` is a temporary file as igloo names them (of any igloo process):
  /// `.<name>.igloo-tmp-<pid>-<16 hex digits>`, and nothing looser (`.thesis.tmp-2023-final.txt`
  /// is a person's file).
  public static func isTemporaryName(_ name: String) -> Bool {
    temporaryOwner(name) != nil
  }

  /// Removes the temporary files in `folder` left by writes whose process no longer runs (a kill
  /// during a write leaves one behind; it holds answers, so it must not linger).
  ///
  /// Only igloo's own names (``isTemporaryName(_:)``) of regular files this user owns are removed:
  /// never a symbolic link, a folder or another user's file, whatever its name.
  ///
  /// - Returns: the names removed.
  @discardableResult
  public static func removeLeftovers(in folder: URL) -> [String] {
    let path = folder.standardizedFileURL.path
    // Temporary names begin with a dot (see temporaryName(for:)).
    guard let names = try? Platform.folderEntries(path, hiddenOnly: true) else { return [] }
    var removed: [String] = []
    for name in names {
      guard let pid = temporaryOwner(name), pid != Platform.processID, !Platform.processExists(pid) else { continue }
      let file = path + "/" + name
      guard let status = try? Platform.status(file, followLinks: false), status.type == .regular,
        status.owner == Platform.userID
      else { continue }
      if (try? Platform.remove(file)) != nil { removed.append(name) }
    }
    return removed.sorted()
  }

  /// `.<name>.igloo-tmp-<pid>-<random>`: hidden, so no listing shows it; the mark says it is
  /// igloo's, the pid whose it is, and the random part (16 hex digits) keeps two writers in one
  /// process apart and makes the name one nobody else can know in advance.
  static func temporaryName(for name: String) -> String {
    // Keep the whole name within the 255 bytes most file systems allow.
    var base = name
    while base.utf8.count > 200 { base.removeLast() }
    return ".\(base)\(temporaryMark)\(Platform.processID)-\(randomPart())"
  }

  /// The temporary file a write of `path` would use, in the same folder: for the signal handler's
  /// emergency save, which must name its file in advance and by igloo's rule.
  public static func temporaryPath(for path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return (folder == "/" ? "" : folder) + "/" + temporaryName(for: (path as NSString).lastPathComponent)
  }

  /// 16 lower-case hex digits from the system's random source.
  private static func randomPart() -> String {
    let digits = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The pid in a temporary file's name; nil for a name igloo did not make.
  static func temporaryOwner(_ name: String) -> Int32? {
    guard name.hasPrefix("."), let range = name.range(of: temporaryMark, options: .backwards),
      range.lowerBound > name.index(after: name.startIndex)
    else { return nil }
    let rest = name[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
    guard rest.count == 2, let pid = Int32(rest[0]), pid > 0, rest[0].allSatisfy(\.isASCII),
      rest[1].utf8.count == 16, rest[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else { return nil }
    return pid
  }

  /// Gives the finished temporary file its real name only if that name is free.
  ///
  /// `link` fails when the target exists, which makes the check and the creation one atomic step.
  /// File systems without hard links (FAT on a USB stick) fall back to a check and a rename.
  private static func publishWithoutReplacing(_ temporary: String, at path: String) throws {
    do {
      try Platform.link(temporary, to: path)
      Platform.removeQuietly(temporary)
    } catch let error as SystemError where error.kind == .permissionDenied || error.kind == .notSupported {
      if try Platform.status(path, followLinks: false) != nil { throw SystemError.alreadyExists("link") }
      try Platform.rename(temporary, to: path)
    }
  }
}

/// Where an export may go: the one rule for every `-o` of the command line and the wizard's
/// Export step, so that no export ever replaces a session, a lock or a file nobody agreed to lose.
///
/// - A path that does not exist yet is written (its folder must exist: creating folders on a
///   mistyped path would hide the mistake).
/// - An existing regular file is replaced only with consent (`--force`, or the wizard's question).
/// - A session file, or a lock file, is never replaced, whatever the consent. Both are recognised
///   by what they hold (a session's JSON, a lock's JSON) and by identity: the same device and inode
///   as a session the caller has open (or its lock), whatever name the export was given.
/// - Anything that is not a regular file (a folder, a device such as `/dev/full`, a pipe, a
///   symbolic link such as `/dev/stdout`) is refused: the command line's `-o -` is how to write to
///   standard output.
///
/// Every export is written atomically with mode 0600, after removing the temporary files that an
/// earlier, killed igloo left in the same folder (they may hold answers).
public enum ExportFile {
  /// What is at an export's target now.
  public enum Target: Sendable, Equatable {
    /// Nothing: the export creates the file.
    case free
    /// A regular file that the export would replace, which needs the user's consent.
    case existingFile
  }

  /// Checks `url` as an export's target.
  ///
  /// - Parameter openSessions: the sessions the caller has open or read; neither they nor their
  ///   locks may be written, by any name.
  /// - Returns: whether the export would create the file or replace one.
  /// - Throws: ``StoreError`` for a target no export may write: ``StoreError/Kind/protectedFile``
  ///   for a session or a lock, ``StoreError/Kind/notRegularFile``, ``StoreError/Kind/isFolder``,
  ///   or the missing folder.
  public static func check(_ url: URL, openSessions: [URL] = []) throws -> Target {
    let path = url.standardizedFileURL.path
    func refuse(_ kind: StoreError.Kind, _ problem: Phrase) -> StoreError {
      StoreError(.write, path: path, kind: kind, problem: problem)
    }
    let name = (path as NSString).lastPathComponent
    guard !name.isEmpty, name != "/", !url.relativeString.hasSuffix("/") else {
      throw refuse(.isFolder, Phrase("store.problem.is-folder"))
    }
    let found: FileStatus?
    do {
      found = try Platform.status(path, followLinks: false)
    } catch let error as SystemError {
      throw StoreError(.write, path: path, error)
    }
    guard let status = found else {
      let folder = (path as NSString).deletingLastPathComponent
      switch try? Platform.status(folder) {
      case nil: throw refuse(.folderMissing, Phrase("store.problem.folder-missing"))
      case let st? where st.type != .directory: throw refuse(.notFolder, Phrase("store.problem.file-above", ["file": folder]))
      default: return .free
      }
    }
    switch status.type {
    case .directory:
      throw refuse(.isFolder, Phrase("store.problem.is-folder"))
    case .symlink:
      throw refuse(.notRegularFile, Phrase("store.problem.symlink-target"))
    case .other:
      throw refuse(.notRegularFile, Phrase("store.problem.special-target"))
    case .regular:
      break
    }
    for session in openSessions {
      let sessionPath = session.standardizedFileURL.path
      if let st = try? Platform.status(sessionPath), st.isSameFile(as: status) {
        throw refuse(.protectedFile, Phrase("store.problem.is-exported-session"))
      }
      if let st = try? Platform.status(SessionLock.lockURL(for: session).path), st.isSameFile(as: status) {
        throw refuse(.protectedFile, Phrase("store.problem.is-open-lock"))
      }
    }
    if let kind = protectedContent(path, size: status.size) {
      throw refuse(.protectedFile, Phrase(kind))
    }
    return .existingFile
  }

  /// Writes an export (Markdown, JSON, CSV) atomically with mode 0600, by the rule above.
  ///
  /// - Parameter replacing: the user agreed to replace an existing regular file (`--force`).
  /// - Throws: ``StoreError``; ``StoreError/Kind/alreadyExists`` when a file is there and
  ///   `replacing` is false. Nothing is written then.
  public static func write(_ data: Data, to url: URL, replacing: Bool = false, openSessions: [URL] = []) throws {
    let target = try check(url, openSessions: openSessions)
    let path = url.standardizedFileURL.path
    if target == .existingFile && !replacing {
      throw StoreError(.write, path: path, kind: .alreadyExists, problem: Phrase("store.problem.exists"))
    }
    AtomicFile.removeLeftovers(in: url.standardizedFileURL.deletingLastPathComponent())
    // A file that appears between the check and the write is not replaced: only the one checked.
    try AtomicFile.write(data, to: url, mode: AtomicFile.privateFileMode, replace: target == .existingFile)
  }

  /// Writes a text export as UTF-8; see ``write(_:to:replacing:openSessions:)``.
  public static func write(_ text: String, to url: URL, replacing: Bool = false, openSessions: [URL] = []) throws {
    try write(Data(text.utf8), to: url, replacing: replacing, openSessions: openSessions)
  }

  /// The key of the refusal when the file at `path` is a session or a session lock, by its
  /// content; nil for any other file.
  static func protectedContent(_ path: String, size: Int64) -> String? {
    // A file much larger than any session cannot be one; /proc files report size 0.
    guard size <= Int64(SessionFile.sizeLimit) * 2,
      let data = Platform.contents(path, limit: SessionFile.sizeLimit * 2)
    else { return nil }
    if LockHolder.decode(data) != nil { return "store.problem.holds-lock" }
    var body = data[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let first = body.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }), first == UInt8(ascii: "{"),
      let object = try? JSONTree.read(Data(body))
    else { return nil }
    if object["schema"]?.value == .string(Session.schemaName) || object["answers"] != nil || object["responses"] != nil {
      return "store.problem.holds-session"
    }
    return nil
  }
}
