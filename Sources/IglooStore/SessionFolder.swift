import Foundation
import IglooContent
import IglooEngine

/// The session files of a roll-up: folders listed, each file told apart as a session, a damaged or
/// unreadable session, or another file, and all of them read on every core.
///
/// `igloo aggregate` reads 100,000 files; the listing, the worker pool and every platform call it
/// needs live here with the store's other platform calls, so that the command stays thin.
public enum SessionFolder {
  /// The files of `paths`: a folder gives the regular files directly in it, sorted by name; a file
  /// is taken as named (a FIFO or device is told apart when it is read, never opened blocking).
  ///
  /// A folder is listed here, not by the shell, so that 100,000 sessions do not overflow argv.
  ///
  /// - Throws: ``StoreError`` of kind ``StoreError/Kind/notFound`` naming the first path that
  ///   does not exist.
  public static func files(_ paths: [String]) throws -> [String] {
    var files: [String] = []
    for path in paths {
      guard let status = try? Platform.status(path) else {
        throw StoreError(.open, path: path, kind: .notFound, problem: Phrase("store.problem.not-found"))
      }
      if status.type == .directory {
        files += regularFiles(in: path)
      } else {
        files.append(path)
      }
    }
    return files
  }

  /// The regular files directly in `folder`, sorted by name, read with readdir so that a folder of
  /// 100,000 sessions costs one listing and no per-name Foundation objects.
  public static func regularFiles(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [(name: String, regular: Bool)] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      names.append((name, Int32(entry.pointee.d_type) == Int32(DT_REG)))
    }
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    var files: [String] = []
    for (name, regular) in names.sorted(by: { $0.name < $1.name }) {
      let file = base + name
      // A plain file needs no stat (10,000 of them were a tenth of a roll-up, on one core); a
      // symlink, or an entry of a file system that does not say, is followed with stat, so that a
      // symlink to a session counts, as it did with FileManager.
      if regular {
        files.append(file)
        continue
      }
      if let status = try? Platform.status(file), status.type == .regular { files.append(file) }
    }
    return files
  }

  /// What a roll-up read: the tally of the valid sessions and, in file order, every file it did
  /// not count and why.
  public struct Reading: Sendable {
    /// The valid sessions, folded in.
    public var tally: Aggregation.Tally
    /// Every file not counted, in file order.
    public var notCounted: [(path: String, outcome: SessionRecognition.Outcome)]

    /// How many files were sessions igloo could not use because they are damaged.
    public var damaged: Int { notCounted.count { if case .damaged = $0.outcome { true } else { false } } }
    /// How many files could not be read at all (permission, input/output error).
    public var unreadable: Int { notCounted.count { if case .unreadable = $0.outcome { true } else { false } } }
    /// How many files were not sessions (exports, backups, notes) and were skipped.
    public var skipped: Int { notCounted.count { if case .skipped = $0.outcome { true } else { false } } }
  }

  /// Reads, scores and folds in every session of `files` on all cores, keeping only the tally and
  /// the files not counted.
  ///
  /// The workers take runs of `batch` files in file order from a shared counter, so that a core
  /// another process holds for a while only means the other workers take more runs, rather than
  /// one worker finishing its half of the files and idling. Every file is read: a damaged session
  /// is counted apart and the rest still rolled up, so that one bad file neither hides the others
  /// nor is hidden by them (the caller exits non-zero).
  public static func read(_ files: [String], pack: ContentPack, batch: Int = 64) -> Reading {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count / 8 + 1))
    final class Slot: @unchecked Sendable {
      var tally: Aggregation.Tally
      var notCounted: [(index: Int, outcome: SessionRecognition.Outcome)] = []
      init(_ pack: ContentPack) { tally = Aggregation.Tally(pack: pack) }
    }
    /// The next run to hand out, under a lock.
    final class Runs: @unchecked Sendable {
      private let lock = NSLock()
      private var next = 0
      private let count: Int
      private let batch: Int
      init(count: Int, batch: Int) {
        self.count = count
        self.batch = max(1, batch)
      }
      /// The next run of files, or nil when all are handed out.
      func take() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        let run = next..<min(count, next + batch)
        next = run.upperBound
        return run
      }
    }
    let slots = (0..<workers).map { _ in Slot(pack) }
    let runs = Runs(count: files.count, batch: batch)
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      let slot = slots[w]
      while let run = runs.take() {
        for i in run {
          // Each session and its assessment are dropped at the end of the iteration: memory stays flat.
          switch SessionRecognition.read(files[i], pack: pack) {
          case .session(let session): slot.tally.add(session, pack: pack)
          case let other: slot.notCounted.append((i, other))
          }
        }
      }
    }
    var total = Aggregation.Tally(pack: pack)
    for slot in slots { total.merge(slot.tally) }
    let notCounted = slots.flatMap(\.notCounted).sorted { $0.index < $1.index }.map { (files[$0.index], $0.outcome) }
    return Reading(tally: total, notCounted: notCounted)
  }
}

/// Tells sessions from the other files a folder holds (JSON exports, backups, notes) by content.
public enum SessionRecognition {
  /// A file read for the roll-up.
  public enum Outcome: Sendable {
    /// A valid session.
    case session(Session)
    /// Not a session (an export, a backup, a FIFO); why, in a few words.
    case skipped(Phrase)
    /// A session igloo cannot use: cut short, not valid, written by a newer igloo.
    case damaged(StoreError)
    /// A file that could not be read at all, so that nobody can say it is not a session.
    case unreadable(StoreError)
  }

  /// Reads `path`: a valid session, a damaged or unreadable one, or a file to skip.
  ///
  /// A file that claims to be a session (its name ends in `.igloo.json`, or it carries
  /// `"schema": "igloo-session"`) but cannot be read is damaged, never skipped, so that damage
  /// is never hidden; a file that cannot be opened at all is unreadable. Nothing here blocks: a
  /// FIFO or device is opened non-blocking and refused by its type before any read.
  public static func read(_ path: String, pack: ContentPack) -> Outcome {
    if path.hasSuffix(".bak") { return .skipped(Phrase("store.skipped.backup")) }
    if path.hasSuffix(".lock") { return .skipped(Phrase("store.skipped.lock")) }
    do {
      return .session(try SessionFile.read(path: path, pack: pack).session)
    } catch let error as StoreError {
      switch error.kind {
      case .notRegularFile, .isFolder:
        return .skipped(Phrase("store.skipped.not-regular"))
      case .notFound, .folderMissing, .notFolder, .permissionDenied, .system, .readOnly, .diskFull, .quotaExceeded,
        .alreadyExists, .protectedFile, .locked, .noDataFolder:
        return .unreadable(error)
      case .tooLarge, .empty, .notText, .notJSON, .truncated, .wrongShape, .newerVersion, .unsupportedVersion,
        .invalidSession, .doesNotMatchContent:
        return claimsToBeSession(path) ? .damaged(error) : .skipped(Phrase("store.skipped.not-session"))
      }
    } catch {
      return .unreadable(StoreError.wrap(error, .open, path: path))
    }
  }

  /// Whether the file is named as a session or carries the session marker anywhere, whatever else
  /// is wrong with it. Only a regular file is read, opened non-blocking, so a FIFO never hangs.
  static func claimsToBeSession(_ path: String) -> Bool {
    if path.hasSuffix(SessionStore.fileExtension) { return true }
    guard let fd = try? Platform.openForReading(path) else { return false }
    defer { Platform.closeQuietly(fd) }
    guard let status = try? Platform.status(descriptor: fd), status.type == .regular,
      let data = try? Platform.read(descriptor: fd, limit: SessionFile.sizeLimit)
    else { return false }
    let text = String(decoding: data, as: UTF8.self)
    return text.range(of: #""schema"\s*:\s*"igloo-session""#, options: .regularExpression) != nil
  }
}
