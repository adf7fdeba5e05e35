import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Every system call IglooStore makes lives in this file, so that the rest of the module reads as
// plain Swift and the places where errno matters can be audited in one sitting.

/// A failed system call, with errno sorted into the cases igloo explains to users.
struct SystemError: Error, Equatable {
  /// What went wrong, in the terms a message needs.
  enum Kind: Equatable {
    case notFound
    case permissionDenied
    case readOnly
    case diskFull
    case quotaExceeded
    case isDirectory
    case notDirectory
    case exists
    case nameTooLong
    case symlinkLoop
    case notSupported
    case busy
    case other
  }

  /// The errno value.
  var code: Int32
  /// The call that failed, for the rare message that shows it.
  var call: String

  init(code: Int32, call: String) {
    self.code = code
    self.call = call
  }

  /// The error a caller raises itself when a name it must not replace is taken.
  static func alreadyExists(_ call: String) -> SystemError { SystemError(code: EEXIST, call: call) }

  /// The error for the current errno.
  static func last(_ call: String) -> SystemError { SystemError(code: errno, call: call) }

  var kind: Kind {
    switch code {
    case ENOENT: .notFound
    case EACCES, EPERM: .permissionDenied
    case EROFS: .readOnly
    // EFBIG: past the file size limit (`ulimit -f`), which igloo meets as a full disk.
    case ENOSPC, EFBIG: .diskFull
    case EDQUOT: .quotaExceeded
    case EISDIR: .isDirectory
    case ENOTDIR: .notDirectory
    case EEXIST, ENOTEMPTY: .exists
    case ENAMETOOLONG: .nameTooLong
    case ELOOP: .symlinkLoop
    case ENOTSUP, EOPNOTSUPP, EXDEV: .notSupported
    case EBUSY, ETXTBSY: .busy
    default: .other
    }
  }

  /// The C library's text for the errno, lower-cased to sit inside a sentence.
  var systemMessage: String {
    guard let text = strerror(code) else { return "error \(code)" }
    let s = String(cString: text)
    return s.prefix(1).lowercased() + s.dropFirst()
  }
}

/// What `stat` says about a path.
struct FileStatus: Equatable {
  enum FileType: Equatable { case regular, directory, symlink, other }

  var type: FileType
  /// The permission bits (`0o777` and the special bits).
  var permissions: UInt32
  /// The size in bytes.
  var size: Int64
  /// The last modification.
  var modified: Date
  /// The owner's uid.
  var owner: UInt32
  /// The device the file is on; with ``inode``, what makes it this file whatever its name.
  var device: UInt64 = 0
  /// The file's number on its device.
  var inode: UInt64 = 0
  /// How many names (hard links) the file has.
  var links: UInt64 = 1

  /// Whether `other` is the same file (the same device and inode), by whatever name.
  func isSameFile(as other: FileStatus) -> Bool { device == other.device && inode == other.inode }
}

/// Thin wrappers over the C library, each turning errno into ``SystemError``.
enum Platform {
  // MARK: Paths and status

  /// The status of `path`, or nil when nothing is there.
  static func status(_ path: String, followLinks: Bool = true) throws -> FileStatus? {
    var st = stat()
    let rc = followLinks ? stat(path, &st) : lstat(path, &st)
    if rc != 0 {
      if errno == ENOENT { return nil }
      throw SystemError.last(followLinks ? "stat" : "lstat")
    }
    return fileStatus(st)
  }

  /// The status of an open file.
  static func status(descriptor fd: Int32) throws -> FileStatus {
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw SystemError.last("fstat") }
    return fileStatus(st)
  }

  private static func fileStatus(_ st: stat) -> FileStatus {
    let format = UInt32(st.st_mode) & UInt32(S_IFMT)
    let type: FileStatus.FileType =
      switch format {
      case UInt32(S_IFREG): .regular
      case UInt32(S_IFDIR): .directory
      case UInt32(S_IFLNK): .symlink
      default: .other
      }
    #if canImport(Darwin)
      let seconds = Double(st.st_mtimespec.tv_sec) + Double(st.st_mtimespec.tv_nsec) / 1e9
    #else
      let seconds = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
    #endif
    return FileStatus(
      type: type, permissions: UInt32(st.st_mode) & 0o7777, size: Int64(st.st_size),
      modified: Date(timeIntervalSince1970: seconds), owner: UInt32(st.st_uid), device: UInt64(st.st_dev),
      inode: UInt64(st.st_ino), links: UInt64(st.st_nlink))
  }

  /// `path` as `URL(fileURLWithPath:).standardizedFileURL.path` gives it: absolute, with no `.` or
  /// `..` component, no empty one and no trailing slash. A path already so is returned as it is,
  /// without the URL (which asks the file system whether the path is a folder); any other goes
  /// through the URL, so both give the same text.
  static func standardized(_ path: String) -> String {
    var clean = path.utf8.first == UInt8(ascii: "/") && path.utf8.count > 1 && path.utf8.last != UInt8(ascii: "/")
    if clean {
      var component = 0  // bytes since the last slash: 0 right after one
      var dots = 0  // of which dots
      for byte in path.utf8.dropFirst() {
        if byte == UInt8(ascii: "/") {
          if component == 0 || dots == component && dots <= 2 {
            clean = false
            break
          }
          component = 0
          dots = 0
        } else {
          component += 1
          if byte == UInt8(ascii: ".") { dots += 1 }
        }
      }
      if clean && dots == component && dots <= 2 { clean = false }
    }
    return clean ? path : URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// The absolute path `path` names once every symbolic link in it is followed, or nil when it
  /// cannot be resolved (a dangling link, a missing folder).
  static func resolvedPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether this user may write the file `path` (`access(W_OK)`).
  static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

  /// Whether the descriptor `fd` is open.
  static func isOpen(descriptor fd: Int32) -> Bool { fcntl(fd, F_GETFD) != -1 }

  /// Points the descriptor `fd` at `/dev/null`, so that a closed standard stream is not reused
  /// by the next file igloo opens (a session would then receive what was meant for stdout).
  static func reopenOnDevNull(_ fd: Int32) {
    let null = open("/dev/null", O_RDWR | O_CLOEXEC)
    guard null >= 0 else { return }
    if null != fd {
      _ = dup2(null, fd)
      _ = sysClose(null)
    }
  }

  /// Writes all of `data` to the descriptor `fd` (standard output), naming the failure.
  static func writeToDescriptor(_ data: Data, _ fd: Int32) throws {
    try writeAll(data, to: fd)
  }

  // MARK: Reading

  /// Opens `path` for reading.
  ///
  /// `O_NONBLOCK` keeps a FIFO or a device from hanging igloo at open; the caller checks the file
  /// type with ``status(descriptor:)`` before reading.
  static func openForReading(_ path: String) throws -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    guard fd >= 0 else { throw SystemError.last("open") }
    return fd
  }

  /// Reads from `fd` until the end of the file or until more than `limit` bytes were read.
  static func read(descriptor fd: Int32, limit: Int) throws -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while data.count <= limit {
      let n = buffer.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw SystemError.last("read")
      }
      if n == 0 { break }
      data.append(contentsOf: buffer[0..<n])
    }
    return data
  }

  /// The whole content of a small regular file (at most `limit` bytes are read).
  static func readSmallFile(_ path: String, limit: Int = 64 * 1024) throws -> Data {
    let fd = try openForReading(path)
    defer { _ = sysClose(fd) }
    let st = try status(descriptor: fd)
    guard st.type == .regular else { throw SystemError(code: st.type == .directory ? EISDIR : EINVAL, call: "read") }
    return try read(descriptor: fd, limit: limit)
  }

  /// The whole content of a small regular file, or nil if it cannot be read.
  static func contents(_ path: String, limit: Int = 64 * 1024) -> Data? {
    try? readSmallFile(path, limit: limit)
  }

  // MARK: Writing

  /// Creates `path`, failing if anything already has that name, with exactly `mode`.
  ///
  /// `O_NOFOLLOW` stops a planted symbolic link from redirecting the write; `fchmod` undoes the
  /// umask so the mode is exactly what was asked, never wider and never narrower.
  static func createExclusive(_ path: String, mode: UInt32) throws -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(mode))
    guard fd >= 0 else { throw SystemError.last("open") }
    if fchmod(fd, mode_t(mode)) != 0 {
      let error = SystemError.last("fchmod")
      _ = sysClose(fd)
      _ = unlink(path)
      throw error
    }
    return fd
  }

  /// Writes all of `data`, retrying short writes and interruptions.
  static func writeAll(_ data: Data, to fd: Int32) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      guard var p = raw.baseAddress else { return }
      var left = raw.count
      while left > 0 {
        let n = sysWrite(fd, p, left)
        if n < 0 {
          if errno == EINTR { continue }
          throw SystemError.last("write")
        }
        p += n
        left -= n
      }
    }
  }

  /// Flushes `fd` to the disk.
  static func sync(descriptor fd: Int32) throws {
    while fsync(fd) != 0 {
      if errno == EINTR { continue }
      throw SystemError.last("fsync")
    }
  }

  /// Closes `fd`, reporting the delayed write errors some file systems only give at close.
  static func close(descriptor fd: Int32) throws {
    if sysClose(fd) != 0 && errno != EINTR { throw SystemError.last("close") }
  }

  /// Closes `fd` when an error is already on its way.
  static func closeQuietly(_ fd: Int32) { _ = sysClose(fd) }

  /// Flushes a folder's entries, so that a rename in it survives a power cut.
  ///
  /// Best effort: some file systems cannot sync a folder (EINVAL), and by the time this runs the
  /// new file is already in place, so a failure here must not be reported as a failed write.
  static func syncFolder(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    _ = sysClose(fd)
  }

  /// Renames `from` over `to`, atomically replacing whatever `to` was.
  static func rename(_ from: String, to: String) throws {
    guard sysRename(from, to) == 0 else { throw SystemError.last("rename") }
  }

  /// Gives `existing` a second name `new`; fails with EEXIST if `new` exists.
  static func link(_ existing: String, to new: String) throws {
    guard sysLink(existing, new) == 0 else { throw SystemError.last("link") }
  }

  /// Removes the file `path`.
  static func remove(_ path: String) throws {
    guard unlink(path) == 0 else { throw SystemError.last("unlink") }
  }

  /// Removes the file `path` if it is there, ignoring every error: used while cleaning up after
  /// another error, which is the one worth reporting.
  static func removeQuietly(_ path: String) { _ = unlink(path) }

  /// Creates the folder `path` with exactly `mode`.
  static func makeFolder(_ path: String, mode: UInt32) throws {
    guard mkdir(path, mode_t(mode)) == 0 else { throw SystemError.last("mkdir") }
    // mkdir's mode is filtered by the umask; chmod makes it exact.
    guard chmod(path, mode_t(mode)) == 0 else { throw SystemError.last("chmod") }
  }

  /// The names in the folder `path`, without `.` and `..`.
  ///
  /// - Parameter hiddenOnly: only the names that begin with a dot. An export looks for its
  ///   leftovers in whatever folder it writes to, which may hold thousands of files; the others'
  ///   names are then never turned into strings.
  static func folderEntries(_ path: String, hiddenOnly: Bool = false) throws -> [String] {
    guard let dir = opendir(path) else { throw SystemError.last("opendir") }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name: String? = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) {
          hiddenOnly && $0[0] != 0x2E ? nil : String(cString: $0)
        }
      }
      if let name, name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Runs `body` while holding an exclusive `flock` on the folder `path`.
  ///
  /// Used to serialise the rare takeover of a stale lock between igloo processes. If the folder
  /// cannot be locked (some network file systems), `body` still runs: the takeover re-checks the
  /// lock's exact bytes, which keeps the remaining window tiny.
  static func withFolderLock<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return try body() }
    defer { _ = sysClose(fd) }
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      return try body()
    }
    defer { _ = flock(fd, LOCK_UN) }
    return try body()
  }

  // MARK: Processes, users, hosts

  /// This process's id.
  static var processID: Int32 { getpid() }

  /// Whether process `pid` exists on this host: false only when the kernel says ESRCH, because
  /// EPERM means it exists but belongs to someone else.
  static func processExists(_ pid: Int32) -> Bool {
    guard pid > 0 else { return false }
    if kill(pid, 0) == 0 { return true }
    return errno != ESRCH
  }

  /// When process `pid` started, in clock ticks since boot (Linux `/proc/PID/stat`, field 22), or
  /// nil where that is not available. It tells a recycled pid from the process that made a lock.
  static func processStartTime(_ pid: Int32) -> UInt64? {
    guard let data = contents("/proc/\(pid)/stat"), let text = String(data: data, encoding: .utf8),
      let paren = text.lastIndex(of: ")")
    else { return nil }
    // The command name (field 2) may hold spaces and parentheses, so count from its last `)`.
    let fields = text[text.index(after: paren)...].split(separator: " ")
    // After `)` come field 3 (state) onwards, so field 22 is at index 19.
    guard fields.count > 19 else { return nil }
    return UInt64(fields[19])
  }

  /// The name of the user running igloo, for a lock's "who has it open": from `/etc/passwd`, else
  /// `USER` or `LOGNAME`, else `uid N`. Read once, so that every lock of this process agrees.
  ///
  /// Not `getpwuid`: glibc's lookup first asks the name service cache daemon over a socket
  /// (`/var/run/nscd/socket`), and an LDAP or NIS directory in nsswitch.conf would take it onto
  /// the network. igloo opens no socket at all (Tests/e2e/test_no_network.sh checks under strace).
  static let userName: String = {
    if let name = passwdEntry(uid: userID)?.name, !name.isEmpty { return name }
    let environment = ProcessInfo.processInfo.environment
    for key in ["USER", "LOGNAME"] {
      if let name = environment[key], !name.isEmpty { return name }
    }
    return "uid \(geteuid())"
  }()

  /// The effective user id.
  static var userID: UInt32 { UInt32(geteuid()) }

  /// The home folder in `/etc/passwd`, for when `HOME` is not set (read directly, not through
  /// `getpwuid`, for the reason given at ``userName``).
  static var homeFolder: String? {
    guard let home = passwdEntry(uid: userID)?.home, home.hasPrefix("/") else { return nil }
    return home
  }

  /// The name and home folder of `uid` in `/etc/passwd` (`name:password:uid:gid:gecos:home:shell`).
  static func passwdEntry(uid: UInt32, file: String = "/etc/passwd") -> (name: String, home: String)? {
    guard let data = contents(file, limit: 4 * 1024 * 1024) else { return nil }
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let fields = line.split(separator: ":", omittingEmptySubsequences: false)
      if fields.count >= 7, UInt32(fields[2]) == uid { return (String(fields[0]), String(fields[5])) }
    }
    return nil
  }

  /// This machine's host name, read once so that every lock this process writes or checks agrees.
  static let hostName: String = {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }()
}

// File-scope forwarders: inside `Platform`, a bare `close` or `read` would resolve to Platform's own
// methods of the same name rather than the C library's.
private func sysRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
private func sysWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, buffer, count) }
private func sysRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func sysLink(_ from: String, _ to: String) -> Int32 { link(from, to) }
private func sysClose(_ fd: Int32) -> Int32 { close(fd) }
