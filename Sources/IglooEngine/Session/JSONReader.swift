import Foundation
import IglooContent

/// The kinds of JSON value, as the session reader names them in its messages.
enum JSONKind: Sendable, Equatable {
  case object, array, string, number, bool, null

  /// The string key that names the kind to a user ("a list", "text", …).
  var phraseKey: String {
    switch self {
    case .object: "store.json.object"
    case .array: "store.json.list"
    case .string: "store.json.text"
    case .number: "store.json.number"
    case .bool: "store.json.bool"
    case .null: "store.json.null"
    }
  }
}

/// An object member's key as the reader meets it: its UTF-8 bytes with any escapes decoded, valid
/// while the member is read.
///
/// A key the reader knows (`value`, `status`, …) is matched on these bytes, so that no `String` is
/// made for it: a session has thousands of such keys, and making each one a string was a tenth of
/// reading it.
struct JSONKey {
  /// The bytes, escapes decoded.
  let utf8: UnsafeBufferPointer<UInt8>
  /// Where the key stands in the file (its opening quote).
  let offset: Int

  /// The key as text.
  var string: String { String(decoding: utf8, as: UTF8.self) }
}

/// A JSON value read from a session file, with the byte offset it stands at, so that a message
/// about it can still name its line and column after a migration has rearranged the tree.
///
/// Only an older file is read into a tree (migrations rewrite it before the session is built from
/// it); a current one goes from the bytes straight into ``Session``, through the same reader.
public struct JSONTree: Sendable, Hashable {
  /// A value of the tree.
  public indirect enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as written, checked against JSON's grammar.
    case number(String)
    case string(String)
    case array([JSONTree])
    /// The members in file order; no key appears twice.
    case object([Member])
  }

  /// One member of an object.
  public struct Member: Sendable, Hashable {
    /// The key, its escapes decoded.
    public var key: String
    /// Where the key stands in the file.
    public var keyOffset: Int
    /// The value.
    public var value: JSONTree
  }

  /// The value.
  public var value: Value
  /// The byte offset of the value in the file.
  public var offset: Int

  /// Creates a node at `offset`.
  public init(_ value: Value, offset: Int) {
    self.value = value
    self.offset = offset
  }

  /// Reads a whole JSON text (UTF-8, no byte-order mark) into a tree, with the session reader's
  /// checks and messages.
  public static func read(_ data: some ContiguousBytes) throws(SessionFormatError) -> JSONTree {
    let result = data.withUnsafeBytes { raw -> Result<JSONTree, SessionFormatError> in
      var reader = JSONReader(raw.bindMemory(to: UInt8.self))
      do throws(SessionFormatError) {
        let tree = try reader.tree()
        try reader.finish()
        return .success(tree)
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// The member `key` of an object; setting nil removes it, setting a new key appends it.
  public subscript(key: String) -> JSONTree? {
    get {
      guard case .object(let members) = value else { return nil }
      return members.first { $0.key == key }?.value
    }
    set {
      guard case .object(var members) = value else { return }
      if let i = members.firstIndex(where: { $0.key == key }) {
        if let newValue { members[i].value = newValue } else { members.remove(at: i) }
      } else if let newValue {
        members.append(Member(key: key, keyOffset: newValue.offset, value: newValue))
      }
      value = .object(members)
    }
  }
}

/// Where a value of a session file is, to read it from: the file's bytes as they are read, or a
/// tree parsed from them (an older file after its migration). ``Session``'s builder reads through
/// this, so that a current file and a migrated one are read by the same code with the same messages.
protocol JSONSource {
  /// What the source remembers to go back to a value, after a problem with its shape.
  associatedtype Mark
  /// The file's bytes, for the line and column of a message.
  var text: UnsafeBufferPointer<UInt8> { get }
  /// The byte offset of the next value.
  mutating func offset() -> Int
  /// The kind of the next value; a byte that starts none is a syntax error.
  mutating func kind() throws(SessionFormatError) -> JSONKind
  /// Consumes the next value if it is `null`.
  mutating func null() throws(SessionFormatError) -> Bool
  /// The next value, a string (``kind()`` said so), its escapes decoded.
  mutating func string() throws(SessionFormatError) -> String
  /// The next value, a number (``kind()`` said so), as written.
  mutating func number() throws(SessionFormatError) -> String
  /// Consumes the next value if it is one of the digits 1–5 alone, the common answer: no text made.
  mutating func digit() -> Int?
  /// Consumes the next value if it is `{"value": d}` with `d` one of the digits 1–5 and nothing
  /// else, the answer as igloo writes it: no key or text made. Anything else is left to be read.
  mutating func pointObject() -> Int?
  /// Reads the next value, an object (``kind()`` said so), giving `body` each key and the source
  /// at its value, which `body` must read or skip.
  mutating func members(_ body: (JSONKey, inout Self) throws(SessionFormatError) -> Void) throws(SessionFormatError)
  /// Reads the next value, a list (``kind()`` said so), giving `body` each element's position.
  mutating func elements(_ body: (Int, inout Self) throws(SessionFormatError) -> Void) throws(SessionFormatError)
  /// Reads the next value whatever it is, checking it all the same (syntax, repeated keys, depth).
  mutating func skip() throws(SessionFormatError)
  /// Checks that nothing but blank space follows the top-level value.
  mutating func finish() throws(SessionFormatError)
  /// Where the source is now.
  func mark() -> Mark
  /// Goes back to `mark`.
  mutating func reset(_ mark: Mark)
}

/// The JSON reader of session files: one pass over the UTF-8 bytes that checks the text against
/// RFC 8259 and says, in igloo's words with a line and column, the first thing wrong: a syntax
/// error, a text cut short (it ends inside a value), a key given twice (also when one is spelled
/// with escapes, `"\u0061nswers"`), nesting past ``SessionLimits/depth``, a lone surrogate, a raw
/// control character, a number too large.
///
/// It keeps its own count of depth and recurses at most that deep, so a file of a million `[`
/// cannot overflow the stack.
struct JSONReader: JSONSource {
  let text: UnsafeBufferPointer<UInt8>
  private var i = 0
  private var depth = 0

  init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

  // MARK: Problems

  /// The text ends inside a value: the file looks cut short.
  private func truncated() -> SessionFormatError {
    SessionFormatError(Phrase("store.problem.truncated"), kind: .truncated)
  }

  /// A syntax error at byte `offset` (`key` nil: "at line …" alone); at the end of the text, the
  /// file is cut short instead.
  private func syntax(_ key: String?, _ values: [String: String] = [:], at offset: Int) -> SessionFormatError {
    if offset >= text.count { return truncated() }
    let place = SessionFormatError.position(of: offset, in: text)
    let where_ = ["line": String(place.line), "column": String(place.column)]
    let detail = key.map { Phrase("store.json.why-at", where_, parts: ["what": Phrase($0, values)]) } ?? Phrase("store.json.at", where_)
    var error = SessionFormatError(Phrase("store.problem.not-json", parts: ["detail": detail]), kind: .notJSON)
    error.line = place.line
    error.column = place.column
    return error
  }

  // MARK: JSONSource

  mutating func offset() -> Int {
    skipSpace()
    return i
  }

  func mark() -> (Int, Int) { (i, depth) }

  mutating func reset(_ mark: (Int, Int)) { (i, depth) = mark }

  mutating func kind() throws(SessionFormatError) -> JSONKind {
    skipSpace()
    guard i < text.count else { throw truncated() }
    switch text[i] {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    default: throw syntax("store.json.why.invalid-value", at: i)
    }
  }

  mutating func null() throws(SessionFormatError) -> Bool {
    skipSpace()
    guard i < text.count, text[i] == UInt8(ascii: "n") else { return false }
    try word("null")
    return true
  }

  /// `true`, `false` or `null` at `i`.
  private mutating func word(_ word: StaticString) throws(SessionFormatError) {
    let start = i
    let count = word.utf8CodeUnitCount
    for n in 0..<count {
      guard start + n < text.count else { throw truncated() }
      guard text[start + n] == word.utf8Start[n] else { throw syntax("store.json.why.bad-word", at: start) }
    }
    i = start + count
  }

  mutating func string() throws(SessionFormatError) -> String {
    skipSpace()
    return try quoted()
  }

  mutating func digit() -> Int? {
    skipSpace()
    guard i < text.count, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(text[i]) else { return nil }
    if i + 1 < text.count, Self.continuesNumber(text[i + 1]) { return nil }
    // A digit as the file's last byte is a value cut short: the number reader says so.
    guard i + 1 < text.count else { return nil }
    defer { i += 1 }
    return Int(text[i] - UInt8(ascii: "0"))
  }

  mutating func pointObject() -> Int? {
    // Within the depth limit only, so that the reader, not this, refuses an object too deep.
    guard depth < SessionLimits.depth else { return nil }
    let start = i
    func expect(_ byte: UInt8) -> Bool {
      skipSpace()
      guard i < text.count, text[i] == byte else { return false }
      i += 1
      return true
    }
    if expect(UInt8(ascii: "{")), expect(UInt8(ascii: "\"")), i + 6 <= text.count, text[i] == UInt8(ascii: "v"),
      text[i + 1] == UInt8(ascii: "a"), text[i + 2] == UInt8(ascii: "l"), text[i + 3] == UInt8(ascii: "u"),
      text[i + 4] == UInt8(ascii: "e"), text[i + 5] == UInt8(ascii: "\"")
    {
      i += 6
      if expect(UInt8(ascii: ":")), let point = digit(), expect(UInt8(ascii: "}")) { return point }
    }
    i = start
    return nil
  }

  private static func continuesNumber(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
      || byte == UInt8(ascii: "E")
  }

  mutating func number() throws(SessionFormatError) -> String {
    skipSpace()
    let start = i
    if i < text.count, text[i] == UInt8(ascii: "-") { i += 1 }
    let intStart = i
    let whole = digits()
    guard whole > 0 else { throw syntax("store.json.why.invalid-value", at: i) }
    if whole > 1 && text[intStart] == UInt8(ascii: "0") { throw syntax("store.json.why.leading-zero", at: intStart + 1) }
    var plain = true
    if i < text.count, text[i] == UInt8(ascii: ".") {
      i += 1
      plain = false
      guard digits() > 0 else { throw syntax("store.json.why.invalid-value", at: i) }
    }
    if i < text.count, text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
      i += 1
      plain = false
      if i < text.count, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { throw syntax("store.json.why.invalid-value", at: i) }
    }
    // The number must end here; a number that is the whole text's last byte inside a value is cut short.
    if i == text.count && depth > 0 { throw truncated() }
    let written = String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
    // Past a Double's range only with an exponent or hundreds of digits.
    if !plain || whole > 300, let value = Double(written), !value.isFinite {
      throw syntax("store.json.why.number-out-of-range", ["number": written], at: start)
    }
    return written
  }

  private mutating func digits() -> Int {
    let from = i
    while i < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[i]) { i += 1 }
    return i - from
  }

  /// Opens an object or list at `i`, within the depth limit.
  private mutating func open() throws(SessionFormatError) {
    depth += 1
    if depth > SessionLimits.depth {
      let place = SessionFormatError.position(of: i, in: text)
      var error = SessionFormatError(
        Phrase(
          "store.problem.too-deep", ["limit": String(SessionLimits.depth), "line": String(place.line), "column": String(place.column)]))
      error.line = place.line
      error.column = place.column
      throw error
    }
    i += 1
  }

  /// Opens the object or list at `i`; true when `close` follows at once (an empty one, closed).
  private mutating func opensEmpty(_ close: UInt8) throws(SessionFormatError) -> Bool {
    skipSpace()
    try open()
    skipSpace()
    guard i < text.count, text[i] == close else { return false }
    i += 1
    depth -= 1
    return true
  }

  mutating func members(_ body: (JSONKey, inout JSONReader) throws(SessionFormatError) -> Void) throws(SessionFormatError) {
    if try opensEmpty(UInt8(ascii: "}")) { return }
    while true {
      skipSpace()
      guard i < text.count else { throw truncated() }
      guard text[i] == UInt8(ascii: "\"") else { throw syntax("store.json.why.invalid-value", at: i) }
      let keyOffset = i
      let (range, decoded) = try quotedBytes()
      skipSpace()
      guard i < text.count else { throw truncated() }
      guard text[i] == UInt8(ascii: ":") else { throw syntax("store.json.why.invalid-value", at: i) }
      i += 1
      if let decoded {
        try decoded.withUnsafeBufferPointer { (bytes) throws(SessionFormatError) in
          try body(JSONKey(utf8: bytes, offset: keyOffset), &self)
        }
      } else {
        try body(JSONKey(utf8: UnsafeBufferPointer(rebasing: text[range]), offset: keyOffset), &self)
      }
      if try closes(UInt8(ascii: "}")) { return }
    }
  }

  /// After an object's member or a list's element: a comma (false: more follow) or `close`
  /// (true: the object or list ends here).
  private mutating func closes(_ close: UInt8) throws(SessionFormatError) -> Bool {
    skipSpace()
    guard i < text.count else { throw truncated() }
    switch text[i] {
    case UInt8(ascii: ","):
      i += 1
      return false
    case close:
      i += 1
      depth -= 1
      return true
    default: throw syntax("store.json.why.invalid-value", at: i)
    }
  }

  mutating func elements(_ body: (Int, inout JSONReader) throws(SessionFormatError) -> Void) throws(SessionFormatError) {
    if try opensEmpty(UInt8(ascii: "]")) { return }
    var n = 0
    while true {
      try body(n, &self)
      n += 1
      if try closes(UInt8(ascii: "]")) { return }
    }
  }

  mutating func skip() throws(SessionFormatError) {
    switch try kind() {
    case .object:
      var seen: Set<String> = []
      try members { (key, r) throws(SessionFormatError) in
        guard seen.insert(key.string).inserted else { throw SessionFormatError.duplicate(key.string, at: key.offset, in: r.text) }
        try r.skip()
      }
    case .array: try elements { (_, r) throws(SessionFormatError) in try r.skip() }
    case .string: _ = try quoted()
    case .number: _ = try number()
    case .bool: try word(text[i] == UInt8(ascii: "t") ? "true" : "false")
    case .null: try word("null")
    }
  }

  mutating func finish() throws(SessionFormatError) {
    skipSpace()
    if i < text.count { throw syntax(nil, at: i) }
  }

  /// The whole value at `i` as a tree.
  mutating func tree() throws(SessionFormatError) -> JSONTree {
    let at = offset()
    switch try kind() {
    case .object:
      var members: [JSONTree.Member] = []
      var seen: Set<String> = []
      try self.members { (key, r) throws(SessionFormatError) in
        let name = key.string
        guard seen.insert(name).inserted else { throw SessionFormatError.duplicate(name, at: key.offset, in: r.text) }
        members.append(JSONTree.Member(key: name, keyOffset: key.offset, value: try r.tree()))
      }
      return JSONTree(.object(members), offset: at)
    case .array:
      var items: [JSONTree] = []
      try elements { (_, r) throws(SessionFormatError) in items.append(try r.tree()) }
      return JSONTree(.array(items), offset: at)
    case .string: return JSONTree(.string(try quoted()), offset: at)
    case .number: return JSONTree(.number(try number()), offset: at)
    case .bool:
      let value = text[i] == UInt8(ascii: "t")
      try word(value ? "true" : "false")
      return JSONTree(.bool(value), offset: at)
    case .null:
      try word("null")
      return JSONTree(.null, offset: at)
    }
  }

  // MARK: Bytes

  private mutating func skipSpace() {
    while i < text.count {
      switch text[i] {
      case 0x20, 0x0A, 0x0D, 0x09: i += 1
      default: return
      }
    }
  }

  /// A string at `i` (on its opening quote), its escapes decoded.
  private mutating func quoted() throws(SessionFormatError) -> String {
    let (range, decoded) = try quotedBytes()
    if let decoded { return String(decoding: decoded, as: UTF8.self) }
    return String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
  }

  /// A string at `i` (on its opening quote): where its bytes are in the text, and, when it has an
  /// escape, its bytes decoded (then use those).
  private mutating func quotedBytes() throws(SessionFormatError) -> (range: Range<Int>, decoded: [UInt8]?) {
    i += 1
    let start = i
    while i < text.count {
      let b = text[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return (start..<(i - 1), nil)
      }
      if b == UInt8(ascii: "\\") { return (start..<start, try escaped(from: start)) }
      if b < 0x20 { throw syntax("store.json.why.control-character", at: i) }
      i += 1
    }
    throw truncated()
  }

  /// The rest of a string with an escape at `i`, which began at `start`, decoded.
  private mutating func escaped(from start: Int) throws(SessionFormatError) -> [UInt8] {
    var out = Array(UnsafeBufferPointer(rebasing: text[start..<i]))
    while i < text.count {
      let b = text[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return out
      }
      if b < 0x20 { throw syntax("store.json.why.control-character", at: i) }
      guard b == UInt8(ascii: "\\") else {
        out.append(b)
        i += 1
        continue
      }
      let backslash = i
      guard i + 1 < text.count else { throw truncated() }
      let e = text[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var unit = try hex4(at: backslash + 2)
        if (0xD800...0xDBFF).contains(unit) {
          // A high surrogate must be followed by an escaped low one; together they are one scalar.
          guard i + 1 < text.count else { throw truncated() }
          guard text[i] == UInt8(ascii: "\\"), text[i + 1] == UInt8(ascii: "u") else {
            throw syntax("store.json.why.lone-surrogate", at: backslash)
          }
          i += 2
          let low = try hex4(at: i)
          guard (0xDC00...0xDFFF).contains(low) else { throw syntax("store.json.why.lone-surrogate", at: backslash) }
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
          throw syntax("store.json.why.lone-surrogate", at: backslash)
        }
        guard let scalar = Unicode.Scalar(unit) else { throw syntax("store.json.why.lone-surrogate", at: backslash) }
        out.append(contentsOf: UTF8.encode(scalar)!)
      default: throw syntax("store.json.why.invalid-escape", at: backslash)
      }
    }
    throw truncated()
  }

  /// Four hexadecimal digits at `i`; a bad one is named at `place`.
  private mutating func hex4(at place: Int) throws(SessionFormatError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      guard i < text.count else { throw truncated() }
      let b = text[i]
      let d: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
      default: throw syntax("store.json.why.invalid-hex", at: place)
      }
      v = v << 4 | UInt32(d)
      i += 1
    }
    return v
  }
}

/// A tree read back through ``JSONSource``: an older file after its migration.
struct TreeSource: JSONSource {
  let text: UnsafeBufferPointer<UInt8>
  /// The next value; nil once it is read.
  private var node: JSONTree?

  init(_ node: JSONTree, text: UnsafeBufferPointer<UInt8>) {
    self.node = node
    self.text = text
  }

  func mark() -> JSONTree? { node }
  mutating func reset(_ mark: JSONTree?) { node = mark }
  mutating func offset() -> Int { node?.offset ?? 0 }

  mutating func kind() throws(SessionFormatError) -> JSONKind {
    switch node?.value {
    case .object: .object
    case .array: .array
    case .string: .string
    case .number: .number
    case .bool: .bool
    case .null, nil: .null
    }
  }

  mutating func null() throws(SessionFormatError) -> Bool {
    guard case .null = node?.value else { return false }
    node = nil
    return true
  }

  mutating func string() throws(SessionFormatError) -> String {
    guard case .string(let s) = node?.value else { return "" }
    node = nil
    return s
  }

  mutating func number() throws(SessionFormatError) -> String {
    guard case .number(let n) = node?.value else { return "" }
    node = nil
    return n
  }

  mutating func digit() -> Int? {
    guard case .number(let n) = node?.value, n.utf8.count == 1, let d = Int(n), (1...5).contains(d) else { return nil }
    node = nil
    return d
  }

  mutating func pointObject() -> Int? {
    guard case .object(let members) = node?.value, members.count == 1, members[0].key == "value",
      case .number(let n) = members[0].value.value, n.utf8.count == 1, let d = Int(n), (1...5).contains(d)
    else { return nil }
    node = nil
    return d
  }

  mutating func members(_ body: (JSONKey, inout TreeSource) throws(SessionFormatError) -> Void) throws(SessionFormatError) {
    guard case .object(let members) = node?.value else { return }
    node = nil
    for member in members {
      var child = TreeSource(member.value, text: text)
      try Array(member.key.utf8).withUnsafeBufferPointer { (bytes) throws(SessionFormatError) in
        try body(JSONKey(utf8: bytes, offset: member.keyOffset), &child)
      }
    }
  }

  mutating func elements(_ body: (Int, inout TreeSource) throws(SessionFormatError) -> Void) throws(SessionFormatError) {
    guard case .array(let items) = node?.value else { return }
    node = nil
    for (n, item) in items.enumerated() {
      var child = TreeSource(item, text: text)
      try body(n, &child)
    }
  }

  mutating func skip() throws(SessionFormatError) { node = nil }
  mutating func finish() throws(SessionFormatError) {}
}
