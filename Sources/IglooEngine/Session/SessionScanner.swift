import Foundation

extension Session {
  /// What ``Session/scan(_:)`` read from a file: the session and the two facts the store's checks
  /// read from the raw object.
  public struct Scanned: Sendable {
    /// The session, exactly as `JSONDecoder` decodes it.
    public var session: Session
    /// Whether the file has `schema` or `answers`, which mark it as a session.
    public var marked: Bool
    /// `schema_version` as written; nil when left out.
    public var version: Int?
  }

  /// Reads a session file of the shape igloo writes in one pass over its UTF-8 bytes, or returns
  /// nil for anything it does not fully understand, which then goes to `JSONDecoder`.
  ///
  /// `aggregate` reads 100,000 files, and `JSONDecoder` with the Codable types was most of the
  /// time spent reading one (issue 17). This reader gives the very `Session` the Codable path gives,
  /// and it declines rather than guesses: an unknown or repeated key (in any object, so a `nil` here
  /// also covers every duplicate `JSONShape` would name), a key with an escape, a `null` where the
  /// Codable types want a value, a number that is not a plain whole number in range (an answer must
  /// be one of the digits 1–5), a lone surrogate, a raw control character in a string, an unknown
  /// stage or status, a negative number of employees, or anything after the top-level object. Every
  /// error message therefore still comes from the Codable path, word for word.
  ///
  /// `data` is text as the store passes it on: valid UTF-8 without a byte-order mark.
  public static func scan(_ data: Data) -> Scanned? {
    data.withUnsafeBytes { raw -> Scanned? in
      guard let base = raw.baseAddress, raw.count > 0 else { return nil }
      var reader = SessionScanner(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: raw.count))
      return try? reader.file()
    }
  }

  /// Adds a voice for every answering voice id the file does not list, sorted by id, and the single
  /// voice when there are none: a hand-written file may give answers without listing its voices.
  mutating func addAnsweringVoices() {
    for id in answers.keys.sorted() where !voices.contains(where: { $0.id == id }) {
      voices.append(Voice(id: id, name: id == Voice.single.id ? "" : id))
    }
    if voices.isEmpty { voices = [.single] }
  }
}

/// The scanner declines: the file goes to `JSONDecoder`, which says what (if anything) is wrong.
struct Decline: Error {}

/// The keys one kind of object may have, taken from its `CodingKeys`, so that every key name of
/// the session format is written once, and the bytes to compare a key with.
struct Keys<Key: CodingKey & CaseIterable & Sendable>: Sendable {
  let cases: [Key]
  private let bytes: [[UInt8]]

  init(_: Key.Type) {
    cases = Array(Key.allCases)
    precondition(cases.count <= 32)
    bytes = cases.map { Array($0.stringValue.utf8) }
  }

  /// The position of `key` among the cases.
  func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    for n in bytes.indices where bytes[n].count == key.count {
      if bytes[n].withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) { return n }
    }
    return nil
  }
}

/// The keys of each kind of object in a session file.
enum SessionKeys {
  static let session = Keys(Session.CodingKeys.self)
  static let content = Keys(ContentRef.CodingKeys.self)
  static let about = Keys(About.CodingKeys.self)
  static let participant = Keys(Participant.CodingKeys.self)
  static let scopeItem = Keys(ScopeItem.CodingKeys.self)
  static let voice = Keys(Voice.CodingKeys.self)
  static let answer = Keys(Answer.CodingKeys.self)
  static let planItem = Keys(PlanItem.CodingKeys.self)
  static let followUp = Keys(FollowUp.CodingKeys.self)
  static let approval = Keys(Approval.CodingKeys.self)
}

/// A reader over the bytes of one session file; see ``Session/scan(_:)``.
struct SessionScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var i = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  // MARK: The session's shape

  mutating func file() throws(Decline) -> Session.Scanned {
    var session = Session(content: ContentRef(id: "", version: ""))
    // Session's Codable defaults, which differ from those of its initialiser.
    session.scope = nil
    session.voices = []
    var marked = false
    var version: Int?
    try object(SessionKeys.session) { (key, s) throws(Decline) in
      switch key {
      case .schema:
        guard try s.string() == Session.schemaName else { throw Decline() }
        marked = true
      case .schemaVersion: version = try s.nullOr { (s) throws(Decline) in try s.int() }
      case .content: if let v = try s.nullOr({ (s) throws(Decline) in try s.contentRef() }) { session.content = v }
      case .about: if let v = try s.nullOr({ (s) throws(Decline) in try s.about() }) { session.about = v }
      case .scope: session.scope = try s.nullOr { (s) throws(Decline) in try s.array { (s) throws(Decline) in try s.scopeItem() } }
      case .voices: session.voices = try s.nullOr { (s) throws(Decline) in try s.array { (s) throws(Decline) in try s.voice() } } ?? []
      case .answers:
        marked = true
        session.answers = try s.nullOr { (s) throws(Decline) in try s.map { (s) throws(Decline) in try s.answerMap() } } ?? [:]
      case .agreed: session.agreed = try s.nullOr { (s) throws(Decline) in try s.answerMap() } ?? [:]
      case .plan: session.plan = try s.nullOr { (s) throws(Decline) in try s.array { (s) throws(Decline) in try s.planItem() } } ?? []
      case .followUp: session.followUp = try s.nullOr { (s) throws(Decline) in try s.followUp() } ?? FollowUp()
      case .cursor: session.cursor = try s.nullOr { (s) throws(Decline) in try s.string() }
      case .activeVoice: session.activeVoice = try s.nullOr { (s) throws(Decline) in try s.string() }
      case .pendingNotes: session.pendingNotes = try s.nullOr { (s) throws(Decline) in try s.map { (s) throws(Decline) in try s.string() } } ?? [:]
      case .depth:
        let text = try s.nullOr { (s) throws(Decline) in try s.string() }
        guard let depth = Depth(rawValue: text ?? Depth.full.rawValue) else { throw Decline() }
        session.depth = depth
      case .deepened: session.deepened = try s.nullOr { (s) throws(Decline) in try s.array { (s) throws(Decline) in try s.string() } } ?? []
      case .approval: session.approval = try s.nullOr { (s) throws(Decline) in try s.approval() }
      // Questions to management are rare and few; a file with them goes to the Codable path.
      case .questions: throw Decline()
      }
    }
    skipSpace()
    guard i == bytes.count else { throw Decline() }
    session.schemaVersion = version ?? Session.currentSchemaVersion
    session.addAnsweringVoices()
    return Session.Scanned(session: session, marked: marked, version: version)
  }

  private mutating func contentRef() throws(Decline) -> ContentRef {
    var id: String?
    var version: String?
    try object(SessionKeys.content) { (key, s) throws(Decline) in
      switch key {
      case .id: id = try s.string()
      case .version: version = try s.string()
      }
    }
    guard let id, let version else { throw Decline() }
    return ContentRef(id: id, version: version)
  }

  private mutating func about() throws(Decline) -> About {
    var about = About()
    try object(SessionKeys.about) { (key, s) throws(Decline) in
      switch key {
      case .workplace: about.workplace = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .unit: about.unit = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .sector: about.sector = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .employees:
        about.employees = try s.nullOr { (s) throws(Decline) in try s.int() }
        if let n = about.employees, n < 0 { throw Decline() }
      case .date: about.date = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .participants: about.participants = try s.nullOr { (s) throws(Decline) in try s.array { (s) throws(Decline) in try s.participant() } } ?? []
      case .group: about.group = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .trainingCase: about.trainingCase = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      }
    }
    return about
  }

  private mutating func participant() throws(Decline) -> Participant {
    var name: String?
    var role: String?
    try object(SessionKeys.participant) { (key, s) throws(Decline) in
      switch key {
      case .name: name = try s.string()
      case .role: role = try s.string()
      }
    }
    guard let name, let role else { throw Decline() }
    return Participant(name: name, role: role)
  }

  private mutating func scopeItem() throws(Decline) -> ScopeItem {
    var useCase: String?
    var stage = Stage.inUse
    var note = ""
    var infersEmotions: InfersEmotions?
    try object(SessionKeys.scopeItem) { (key, s) throws(Decline) in
      switch key {
      case .useCase: useCase = try s.string()
      case .stage:
        guard let text = try s.nullOr({ (s) throws(Decline) in try s.string() }) else { return }
        guard let v = Stage(rawValue: text) else { throw Decline() }
        stage = v
      case .note: note = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .infersEmotions:
        guard let text = try s.nullOr({ (s) throws(Decline) in try s.string() }) else { return }
        guard let v = InfersEmotions(rawValue: text) else { throw Decline() }
        infersEmotions = v
      }
    }
    guard let useCase else { throw Decline() }
    return ScopeItem(useCase: useCase, stage: stage, note: note, infersEmotions: infersEmotions)
  }

  private mutating func voice() throws(Decline) -> Voice {
    var id: String?
    var name: String?
    try object(SessionKeys.voice) { (key, s) throws(Decline) in
      switch key {
      case .id: id = try s.string()
      case .name: name = try s.string()
      }
    }
    guard let id, let name else { throw Decline() }
    return Voice(id: id, name: name)
  }

  private mutating func answerMap() throws(Decline) -> [String: Answer] {
    // A voice answers a hundred or more statements: room for them up front saves growing the
    // table seven times over.
    try map(reserving: 128) { (s) throws(Decline) in try s.answer() }
  }

  /// `4`, `"dont-know"`, `"not-relevant"`, or `{"value": 4, "note": "..."}`.
  private mutating func answer() throws(Decline) -> Answer {
    guard peek() == UInt8(ascii: "{") else { return Answer(try answerValue()) }
    var value: AnswerValue?
    var note = ""
    try object(SessionKeys.answer) { (key, s) throws(Decline) in
      switch key {
      case .value: value = try s.answerValue()
      case .note: note = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      }
    }
    guard let value else { throw Decline() }
    return Answer(value, note: note)
  }

  private mutating func answerValue() throws(Decline) -> AnswerValue {
    guard let first = peek() else { throw Decline() }
    switch first {
    case UInt8(ascii: "\""):
      switch try string() {
      case "dont-know": return .dontKnow
      case "not-relevant": return .notRelevant
      default: throw Decline()
      }
    case UInt8(ascii: "1")...UInt8(ascii: "5"):
      // A digit alone; `4.0`, `4e0` and the out-of-range ones are the Codable path's to read.
      let digit = Int(bytes[i] - UInt8(ascii: "0"))
      i += 1
      if i < bytes.count, Self.continuesNumber(bytes[i]) { throw Decline() }
      return .point(digit)
    default: throw Decline()
    }
  }

  private mutating func planItem() throws(Decline) -> PlanItem {
    var item = PlanItem(action: nil, level: "", status: .suggested)
    try object(SessionKeys.planItem) { (key, s) throws(Decline) in
      switch key {
      case .action: item.action = try s.nullOr { (s) throws(Decline) in try s.string() }
      case .title: item.title = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .level: item.level = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .responsible: item.responsible = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .deadline: item.deadline = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .how: item.how = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .followUp: item.followUp = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .evaluation: item.evaluation = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .status:
        guard let text = try s.nullOr({ (s) throws(Decline) in try s.string() }) else { return }
        guard let status = PlanStatus(rawValue: text) else { throw Decline() }
        item.status = status
      }
    }
    return item
  }

  private mutating func followUp() throws(Decline) -> FollowUp {
    var followUp = FollowUp()
    try object(SessionKeys.followUp) { (key, s) throws(Decline) in
      switch key {
      case .nextReview: followUp.nextReview = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      case .previousRound: followUp.previousRound = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      }
    }
    return followUp
  }

  private mutating func approval() throws(Decline) -> Approval {
    var by: [Participant]?
    var date: String?
    var fingerprint = ""
    try object(SessionKeys.approval) { (key, s) throws(Decline) in
      switch key {
      case .by: by = try s.array { (s) throws(Decline) in try s.participant() }
      case .date: date = try s.string()
      case .fingerprint: fingerprint = try s.nullOr { (s) throws(Decline) in try s.string() } ?? ""
      }
    }
    guard let by, let date else { throw Decline() }
    return Approval(by: by, date: date, fingerprint: fingerprint)
  }

  // MARK: JSON

  private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

  private mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x0A, 0x0D, 0x09: i += 1
      default: return
      }
    }
  }

  /// Consumes `byte` after any white space.
  private mutating func take(_ byte: UInt8) throws(Decline) {
    skipSpace()
    guard i < bytes.count, bytes[i] == byte else { throw Decline() }
    i += 1
  }

  /// Whether the byte after a number's digits would make it something else than a whole number.
  private static func continuesNumber(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
      || byte == UInt8(ascii: "E")
  }

  /// `null` (then nil) or what `read` reads: a `decodeIfPresent`.
  private mutating func nullOr<T>(_ read: (inout SessionScanner) throws(Decline) -> T) throws(Decline) -> T? {
    skipSpace()
    if i + 4 <= bytes.count, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "u"), bytes[i + 2] == UInt8(ascii: "l"),
      bytes[i + 3] == UInt8(ascii: "l")
    {
      i += 4
      return nil
    }
    return try read(&self)
  }

  /// An object with keys among `keys`, each at most once; `member` is given the key and reads
  /// its value. An unknown or repeated key declines.
  private mutating func object<Key>(_ keys: Keys<Key>, _ member: (Key, inout SessionScanner) throws(Decline) -> Void)
    throws(Decline)
  {
    try take(UInt8(ascii: "{"))
    skipSpace()
    if peek() == UInt8(ascii: "}") {
      i += 1
      return
    }
    var seen: UInt32 = 0
    while true {
      let key = try rawKey()
      guard let n = keys.index(of: key), seen & (1 << n) == 0 else { throw Decline() }
      seen |= 1 << n
      try take(UInt8(ascii: ":"))
      skipSpace()
      try member(keys.cases[n], &self)
      skipSpace()
      guard i < bytes.count else { throw Decline() }
      let next = bytes[i]
      i += 1
      if next == UInt8(ascii: "}") { return }
      guard next == UInt8(ascii: ",") else { throw Decline() }
    }
  }

  /// An object from ids to values; a key that repeats (or equals another one as Swift compares
  /// text) declines.
  private mutating func map<T>(reserving capacity: Int = 0, _ value: (inout SessionScanner) throws(Decline) -> T) throws(Decline)
    -> [String: T]
  {
    try take(UInt8(ascii: "{"))
    skipSpace()
    if peek() == UInt8(ascii: "}") {
      i += 1
      return [:]
    }
    var out: [String: T] = [:]
    out.reserveCapacity(capacity)
    while true {
      let key = String(decoding: try rawKey(), as: UTF8.self)
      try take(UInt8(ascii: ":"))
      skipSpace()
      let v = try value(&self)
      guard out.updateValue(v, forKey: key) == nil else { throw Decline() }
      skipSpace()
      guard i < bytes.count else { throw Decline() }
      let next = bytes[i]
      i += 1
      if next == UInt8(ascii: "}") { return out }
      guard next == UInt8(ascii: ",") else { throw Decline() }
    }
  }

  private mutating func array<T>(_ element: (inout SessionScanner) throws(Decline) -> T) throws(Decline) -> [T] {
    try take(UInt8(ascii: "["))
    skipSpace()
    var out: [T] = []
    if peek() == UInt8(ascii: "]") {
      i += 1
      return out
    }
    while true {
      skipSpace()
      out.append(try element(&self))
      skipSpace()
      guard i < bytes.count else { throw Decline() }
      let next = bytes[i]
      i += 1
      if next == UInt8(ascii: "]") { return out }
      guard next == UInt8(ascii: ",") else { throw Decline() }
    }
  }

  /// A key's bytes between its quotes; a key with an escape or a control character declines.
  private mutating func rawKey() throws(Decline) -> UnsafeBufferPointer<UInt8> {
    try take(UInt8(ascii: "\""))
    let start = i
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
      }
      if b == UInt8(ascii: "\\") || b < 0x20 { throw Decline() }
      i += 1
    }
    throw Decline()
  }

  /// A whole number: `-`, then digits without a leading zero, at most 18 of them, and no fraction
  /// or exponent.
  private mutating func int() throws(Decline) -> Int {
    skipSpace()
    var negative = false
    if peek() == UInt8(ascii: "-") {
      negative = true
      i += 1
    }
    let start = i
    var value = 0
    while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
      // Past 18 digits a number may not fit: the Codable path says what it makes of it.
      guard i - start < 18 else { throw Decline() }
      value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
      i += 1
    }
    let digits = i - start
    guard digits > 0, !(digits > 1 && bytes[start] == UInt8(ascii: "0")) else { throw Decline() }
    if i < bytes.count, Self.continuesNumber(bytes[i]) { throw Decline() }
    // `-0` is 0 to JSONDecoder too, but it is no file igloo writes: not worth a case.
    if negative && value == 0 { throw Decline() }
    return negative ? -value : value
  }

  /// A string value, its escapes decoded.
  private mutating func string() throws(Decline) -> String {
    try take(UInt8(ascii: "\""))
    let start = i
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        i += 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self)
      }
      if b == UInt8(ascii: "\\") { return try escapedString(from: start) }
      if b < 0x20 { throw Decline() }
      i += 1
    }
    throw Decline()
  }

  /// The rest of a string that has an escape at `i`, which began at `start`.
  private mutating func escapedString(from start: Int) throws(Decline) -> String {
    // Find the closing quote (an escaped one does not close), then decode the inside once.
    var escaped = false
    while i < bytes.count {
      let b = bytes[i]
      if escaped {
        escaped = false
      } else if b == UInt8(ascii: "\\") {
        escaped = true
      } else if b == UInt8(ascii: "\"") {
        break
      }
      i += 1
    }
    guard i < bytes.count,
      let out = JSONStringEscapes.decode(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<i])))
    else { throw Decline() }
    i += 1
    return String(decoding: out, as: UTF8.self)
  }
}

/// The inside of a JSON string decoded: the one rule shared by the session reader and the store's
/// duplicate-key check, so that both see a key such as `"\u0061nswers"` as the parser does.
public enum JSONStringEscapes {
  /// The UTF-8 bytes of a JSON string's inside (without its quotes), its escapes decoded (`\n`,
  /// `\u00e6`, a surrogate pair); nil for a bad escape, a lone surrogate or a raw control character.
  public static func decode(_ raw: UnsafeRawBufferPointer) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var i = 0
    func hex4() -> UInt32? {
      guard i + 4 <= raw.count else { return nil }
      var v: UInt32 = 0
      for _ in 0..<4 {
        let b = raw[i]
        let d: UInt8
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
        default: return nil
        }
        v = v << 4 | UInt32(d)
        i += 1
      }
      return v
    }
    while i < raw.count {
      let b = raw[i]
      i += 1
      guard b == UInt8(ascii: "\\") else {
        if b < 0x20 { return nil }
        out.append(b)
        continue
      }
      guard i < raw.count else { return nil }
      let e = raw[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        guard var unit = hex4() else { return nil }
        if (0xD800...0xDBFF).contains(unit) {
          // A high surrogate must be followed by an escaped low one; together they are one scalar.
          guard i + 1 < raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") else { return nil }
          i += 2
          guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
          return nil
        }
        guard let scalar = Unicode.Scalar(unit) else { return nil }
        out.append(contentsOf: UTF8.encode(scalar)!)
      default: return nil
      }
    }
    return out
  }
}
