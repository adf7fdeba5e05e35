import Foundation

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
      throw StoreError(.write, path: path, kind: .isFolder, problem: "it is a folder, not a file")
    }
    if createFolders { try createFolder(URL(fileURLWithPath: folder)) }

    // Refuse a folder up front, before spending time on a large export; rename checks again.
    if let st = try? Platform.status(path), st.type == .directory {
      throw StoreError(.write, path: path, kind: .isFolder, problem: "it is a folder, not a file")
    }

    let temporary = folder + "/" + temporaryName(for: name)
    let fd: Int32
    do {
      fd = try Platform.createExclusive(temporary, mode: mode)
    } catch let error as SystemError {
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
          throw StoreError(.createFolder, path: path, kind: .notFolder, problem: "a file is in the way")
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
      throw StoreError(.createFolder, path: path, error)
    }
    Platform.syncFolder(parent.path)
  }

  /// Whether `name` is a temporary file left by a write (of any process).
  public static func isTemporaryName(_ name: String) -> Bool {
    name.hasPrefix(".") && name.contains(".tmp-")
  }

  /// Removes the temporary files in `folder` left by writes whose process no longer runs (a kill
  /// during a write leaves one behind; it holds answers, so it must not linger).
  ///
  /// - Returns: the names removed.
  @discardableResult
  public static func removeLeftovers(in folder: URL) -> [String] {
    let path = folder.standardizedFileURL.path
    guard let names = try? Platform.folderEntries(path) else { return [] }
    var removed: [String] = []
    for name in names where isTemporaryName(name) {
      guard let pid = temporaryOwner(name), pid != Platform.processID, !Platform.processExists(pid) else { continue }
      if (try? Platform.remove(path + "/" + name)) != nil { removed.append(name) }
    }
    return removed.sorted()
  }

  /// `.<name>.tmp-<pid>-<random>`: hidden, so no listing shows it; the pid says whose it is, and
  /// the random part keeps two writers in one process apart.
  static func temporaryName(for name: String) -> String {
    // Keep the whole name within the 255 bytes most file systems allow.
    var base = name
    while base.utf8.count > 200 { base.removeLast() }
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    return ".\(base).tmp-\(Platform.processID)-\(random)"
  }

  /// The pid in a temporary file's name.
  static func temporaryOwner(_ name: String) -> Int32? {
    guard let range = name.range(of: ".tmp-", options: .backwards) else { return nil }
    let rest = name[range.upperBound...].split(separator: "-")
    guard let first = rest.first else { return nil }
    return Int32(first)
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

/// Writes the reports igloo exports: the one way an export reaches the disk.
public enum ExportFile {
  /// Writes an export (Markdown, JSON, CSV) atomically with mode 0600.
  ///
  /// The folder must exist: creating folders on a mistyped `-o` path would hide the mistake.
  public static func write(_ data: Data, to url: URL) throws {
    try AtomicFile.write(data, to: url, mode: AtomicFile.privateFileMode)
  }

  /// Writes a text export as UTF-8.
  public static func write(_ text: String, to url: URL) throws {
    try write(Data(text.utf8), to: url)
  }
}
