import Foundation
import IglooContent

/// A session file that cannot be used, with a one-line reason in igloo's words.
public struct SessionFormatError: Error, Equatable, CustomStringConvertible {
  /// What kind of problem it is, for the store's refusal and the roll-up's sorting of files.
  public enum Kind: Sendable, Equatable {
    /// Not JSON: a syntax error, named with its line and column.
    case notJSON
    /// The text ends inside a value: cut short.
    case truncated
    /// JSON, but not an igloo session (another schema, no marker, a bad schema version).
    case notSession
    /// Written by a newer igloo.
    case newerVersion
    /// Too old: no migration reads its version.
    case tooOld
    /// A session that cannot be used: a value of the wrong type, an unknown word, a repeated key.
    case invalid
  }

  /// What kind of problem it is.
  public var kind: Kind
  /// What is wrong, without its place in the file when ``placed``.
  var problem: Phrase
  /// Whether ``problem`` has a `{place}` that the path fills in.
  var placed = false
  /// Where in the session the problem is, outermost first; built as the error leaves the reader.
  var path: [PathStep] = []
  /// The 1-based line and column of the value or byte at fault, when there is one.
  public internal(set) var line: Int?
  /// See ``line``; columns are counted in characters.
  public internal(set) var column: Int?

  /// A step of a path into the file: a key or a list position.
  enum PathStep: Equatable {
    case key(String)
    case index(Int)
  }

  /// Creates an error that is the file's as a whole.
  public init(_ phrase: Phrase, kind: Kind = .invalid) {
    self.problem = phrase
    self.kind = kind
  }

  /// What is wrong, said in the user's language: `` `answers.v.q`: answer 7 is out of range … (line 3, column 12) ``.
  public var phrase: Phrase {
    guard placed else { return problem }
    var p = problem
    p.parts["place"] = Self.place(path)
    guard let line, let column else { return p }
    return Phrase("store.format.at", ["line": String(line), "column": String(column)], parts: ["problem": p])
  }

  /// The phrase's key and values, for logs and test failures.
  public var description: String { phrase.description }

  /// A place in the file as the user reads it: `` `plan[1].deadline` ``, or "the top level".
  static func place(_ path: [PathStep]) -> Phrase {
    var text = ""
    for step in path {
      switch step {
      case .key(let key): text += text.isEmpty ? key : "." + key
      case .index(let n): text += "[\(n)]"
      }
    }
    return text.isEmpty ? Phrase("store.format.top-level") : Phrase("store.format.key", ["key": text])
  }

  /// The error as seen from one step further out.
  func inside(_ step: PathStep) -> SessionFormatError {
    guard placed else { return self }
    var error = self
    error.path.insert(step, at: 0)
    return error
  }

  /// A value that cannot be used, at byte `offset`; the path is added on the way out.
  static func value(_ problem: Phrase, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> SessionFormatError {
    var error = SessionFormatError(problem)
    error.placed = true
    let place = position(of: offset, in: text)
    error.line = place.line
    error.column = place.column
    return error
  }

  /// `key` given twice in one object; JSON tools disagree on which one counts (Python and jq take
  /// the last, Foundation the first), so a file two tools would read differently is refused.
  static func duplicate(_ key: String, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> SessionFormatError {
    let place = position(of: offset, in: text)
    var error = SessionFormatError(
      Phrase("store.problem.duplicate-key", ["key": key, "line": String(place.line), "column": String(place.column)]))
    error.line = place.line
    error.column = place.column
    return error
  }

  /// The 1-based line and column of byte `offset`, counting columns in characters.
  static func position(of offset: Int, in text: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
    let end = min(max(0, offset), text.count)
    var line = 1
    var lineStart = 0
    for n in 0..<end where text[n] == 0x0A {
      line += 1
      lineStart = n + 1
    }
    let column = String(decoding: UnsafeBufferPointer(rebasing: text[lineStart..<end]), as: UTF8.self).count + 1
    return (line, column)
  }
}

extension Session {
  /// A session as read from a file: the session, migrated if the file was older.
  public struct Read: Sendable {
    /// The session, at the current schema version.
    public var session: Session
    /// The schema version the file had when it was older than the current one; nil otherwise.
    public var migratedFrom: Int?
  }

  /// Reads a session file's UTF-8 text (without a byte-order mark): igloo's one reader of sessions.
  ///
  /// A current file goes from the bytes straight into the session in one pass; an older one is read
  /// into a ``JSONTree``, migrated on that (``SessionMigration``), and the session built from the
  /// tree by the same code. Every problem is one line in igloo's words, with the place in the file.
  ///
  /// - Throws: ``SessionFormatError``.
  public static func read(_ data: Data) throws(SessionFormatError) -> Read {
    let result = data.withUnsafeBytes { raw -> Result<Read, SessionFormatError> in
      let text = raw.bindMemory(to: UInt8.self)
      do throws(SessionFormatError) {
        var reader = JSONReader(text)
        switch try reader.sessionFile() {
        case .current(let session): return .success(Read(session: session, migratedFrom: nil))
        case .older(let version):
          // Read again, into a tree this time: an old file does not fit today's model, so its
          // migration rewrites the tree before the session is built from it.
          var again = JSONReader(text)
          let tree = try SessionMigration.migrate(try again.tree(), from: version)
          var source = TreeSource(tree, text: text)
          guard case .current(let session) = try source.sessionFile() else {
            return .failure(SessionFormatError(Phrase("store.problem.too-old", ["version": "\(version)", "step": "\(version)"]), kind: .tooOld))
          }
          return .success(Read(session: session, migratedFrom: version))
        }
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Reads a session file's text; see ``read(_:)``.
  public static func decode(_ data: Data) throws(SessionFormatError) -> Session { try read(data).session }
}

/// The keys one kind of object may have, taken from its `CodingKeys`, so that every key name of the
/// session format is written once: the writer (`Encodable`) and the reader use the same enum.
struct Keys<Key: CodingKey & CaseIterable & Sendable>: Sendable {
  let cases: [Key]
  /// The cases' names in UTF-8, one after another, and where each ends: a key's bytes are matched
  /// against these without making a string of them.
  private let names: [UInt8]
  private let ends: [Int]

  init(_: Key.Type) {
    cases = Array(Key.allCases)
    precondition(cases.count <= 32)
    names = cases.flatMap { Array($0.stringValue.utf8) }
    var ends: [Int] = []
    for key in cases { ends.append((ends.last ?? 0) + key.stringValue.utf8.count) }
    self.ends = ends
  }

  /// The position of `key` among the cases.
  func index(of key: JSONKey) -> Int? {
    // Keys are ASCII, so comparing bytes is comparing text.
    let count = key.utf8.count
    guard count > 0, let wanted = key.utf8.baseAddress else { return nil }
    return names.withUnsafeBufferPointer { names in
      var start = 0
      for (n, end) in ends.enumerated() {
        defer { start = end }
        if end - start == count, memcmp(names.baseAddress! + start, wanted, count) == 0 { return n }
      }
      return nil
    }
  }

  /// The position of the case named `name`.
  func index(of name: String) -> Int? { cases.firstIndex { $0.stringValue == name } }
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
  static let question = Keys(QuestionRecord.CodingKeys.self)
  static let questionAnswer = Keys(QuestionAnswer.CodingKeys.self)
}

/// What the first reading of a file found: a current session, or the older version to migrate.
enum FileReading {
  case current(Session)
  case older(Int)
}

/// What `schema_version` holds.
private enum VersionField {
  case absent
  case version(Int)
  case notWhole
}

// MARK: The session's shape, read from any source

extension JSONSource {
  /// Reads the whole file as a session of the current version, or says which older version it is.
  ///
  /// Problems come in the order the old readers gave them, so that the message names the real
  /// fault: syntax and repeated keys first (wherever they are), then what says the file is not a
  /// session (another schema, no marker, a bad version), then the first value of the wrong shape.
  /// A top-level member of the wrong shape is therefore set aside and skipped (still checked as
  /// JSON) until the whole file has been read.
  mutating func sessionFile() throws(SessionFormatError) -> FileReading {
    let kind = try self.kind()
    guard kind == .object else {
      try skip()
      try finish()
      throw SessionFormatError(Phrase("store.problem.top-level", parts: ["kind": Phrase(kind.phraseKey)]), kind: .notSession)
    }
    var session = Session(content: ContentRef(id: "", version: ""))
    // A file's defaults, which differ from those of the initialiser.
    session.scope = nil
    session.voices = []
    var marked = false
    var schemaProblem: Phrase?
    var version = VersionField.absent
    let deferred = try object(SessionKeys.session, setAside: true, other: { key in if key == "responses" { marked = true } }) {
      (key, s) throws(SessionFormatError) in
      switch key {
      case .schema:
        marked = true
        let kind = try s.kind()
        if kind == .string {
          let text = try s.string()
          if text != Session.schemaName {
            schemaProblem = Phrase(
              "store.problem.other-schema", ["expected": Session.schemaName],
              parts: ["schema": Phrase("store.json.quoted", ["text": String(text.prefix(40))])])
          }
        } else {
          try s.skip()
          schemaProblem = Phrase("store.problem.other-schema", ["expected": Session.schemaName], parts: ["schema": Phrase(kind.phraseKey)])
        }
      case .schemaVersion:
        if try s.null() { return }
        if try s.kind() == .number, let n = Self.whole(try s.number()) {
          version = .version(n)
        } else {
          try s.skip()
          version = .notWhole
        }
      case .content: if let v = try s.optional({ (s) throws(SessionFormatError) in try s.contentRef() }) { session.content = v }
      case .about: if let v = try s.optional({ (s) throws(SessionFormatError) in try s.about() }) { session.about = v }
      case .scope: session.scope = try s.optional { (s) throws(SessionFormatError) in try s.list { (s) throws(SessionFormatError) in try s.scopeItem() } }
      case .voices: session.voices = try s.optional { (s) throws(SessionFormatError) in try s.list { (s) throws(SessionFormatError) in try s.voice() } } ?? []
      case .answers:
        marked = true
        session.answers = try s.optional { (s) throws(SessionFormatError) in try s.map { (s) throws(SessionFormatError) in try s.answerMap() } } ?? [:]
      case .agreed: session.agreed = try s.optional { (s) throws(SessionFormatError) in try s.answerMap() } ?? [:]
      case .plan: session.plan = try s.optional { (s) throws(SessionFormatError) in try s.list { (s) throws(SessionFormatError) in try s.planItem() } } ?? []
      case .followUp: session.followUp = try s.optional { (s) throws(SessionFormatError) in try s.followUp() } ?? FollowUp()
      case .cursor: session.cursor = try s.optionalText()
      case .activeVoice: session.activeVoice = try s.optionalText()
      case .pendingNotes: session.pendingNotes = try s.optional { (s) throws(SessionFormatError) in try s.map { (s) throws(SessionFormatError) in try s.text() } } ?? [:]
      case .depth: session.depth = try s.word(Depth.self) ?? .full
      case .deepened: session.deepened = try s.optional { (s) throws(SessionFormatError) in try s.list { (s) throws(SessionFormatError) in try s.text() } } ?? []
      case .approval: session.approval = try s.optional { (s) throws(SessionFormatError) in try s.approval() }
      case .questions: session.questions = try s.optional { (s) throws(SessionFormatError) in try s.list { (s) throws(SessionFormatError) in try s.question() } } ?? []
      }
    }
    try finish()
    if let schemaProblem { throw SessionFormatError(schemaProblem, kind: .notSession) }
    guard marked else { throw SessionFormatError(Phrase("store.problem.no-marker"), kind: .notSession) }
    let number: Int
    switch version {
    case .absent: number = Session.currentSchemaVersion
    case .version(let n): number = n
    case .notWhole: throw SessionFormatError(Phrase("store.problem.version-not-number"), kind: .notSession)
    }
    if number > Session.currentSchemaVersion {
      throw SessionFormatError(
        Phrase("store.problem.newer", ["version": "\(number)", "current": "\(Session.currentSchemaVersion)"]), kind: .newerVersion)
    }
    if number < 0 { throw SessionFormatError(Phrase("store.problem.bad-version", ["version": "\(number)"]), kind: .notSession) }
    if number < Session.currentSchemaVersion { return .older(number) }
    if let deferred { throw deferred }
    session.schemaVersion = number
    session.addAnsweringVoices()
    return .current(session)
  }

  /// A whole number as written (`12`, or `12.0` and `1.2e1`, which JSON tools read as the same
  /// number); nil for a fraction or a number past what a session holds.
  static func whole(_ written: String) -> Int? {
    if let n = Int(written) { return n }
    guard let d = Double(written), d == d.rounded(), abs(d) < 9_007_199_254_740_992 else { return nil }
    return Int(d)
  }

  // MARK: Values

  /// A value that cannot be used here, at `offset`.
  func problem(_ phrase: Phrase, at offset: Int) -> SessionFormatError { .value(phrase, at: offset, in: text) }

  /// Checks that the next value is of `kind`; `type` names what was expected.
  mutating func expect(_ kind: JSONKind, _ type: String) throws(SessionFormatError) {
    let found = try self.kind()
    guard found == kind else {
      throw problem(Phrase(found == .null ? "store.format.null" : "store.format.wrong-type", parts: ["type": Phrase(type)]), at: offset())
    }
  }

  /// `null` (then nil) or what `read` reads.
  mutating func optional<T>(_ read: (inout Self) throws(SessionFormatError) -> T) throws(SessionFormatError) -> T? {
    if try null() { return nil }
    return try read(&self)
  }

  /// A string.
  mutating func text() throws(SessionFormatError) -> String {
    try expect(.string, "store.json.text")
    return try string()
  }

  /// A string or `null`.
  mutating func optionalText() throws(SessionFormatError) -> String? {
    if try null() { return nil }
    return try text()
  }

  /// A whole number.
  mutating func wholeNumber() throws(SessionFormatError) -> Int {
    let at = offset()
    try expect(.number, "store.json.whole-number")
    guard let n = Self.whole(try number()) else {
      throw problem(Phrase("store.format.wrong-type", parts: ["type": Phrase("store.json.whole-number")]), at: at)
    }
    return n
  }

  /// A word of the session format (a depth, a plan status) or `null`; a word it does not know is
  /// named with the words allowed. `unknown` gives a word's own message, where it has one.
  mutating func word<Word: RawRepresentable & CaseIterable>(_: Word.Type, unknown: ((String) -> Phrase)? = nil)
    throws(SessionFormatError) -> Word? where Word.RawValue == String
  {
    let at = offset()
    guard let text = try optionalText() else { return nil }
    guard let word = Word(rawValue: text) else {
      let allowed = Word.allCases.map(\.rawValue).joined(separator: ", ")
      let detail = unknown?(text) ?? Phrase("store.format.word-unknown", ["value": text, "allowed": allowed])
      throw problem(Phrase("store.format.corrupted", parts: ["detail": detail]), at: at)
    }
    return word
  }

  /// An object with keys among `keys`, each at most once; `member` reads the value of a known key,
  /// and any other key's value is skipped (after `other` has seen the key). With `setAside`, a
  /// value of the wrong shape is skipped and its problem returned at the end (see ``sessionFile()``).
  @discardableResult
  mutating func object<Key>(
    _ keys: Keys<Key>, setAside: Bool = false, other: ((String) -> Void)? = nil,
    _ member: (Key, inout Self) throws(SessionFormatError) -> Void
  ) throws(SessionFormatError) -> SessionFormatError? {
    try expect(.object, "store.json.object")
    var seen: UInt32 = 0
    var others: Set<String> = []
    var setAsideProblem: SessionFormatError?
    try members { (key, s) throws(SessionFormatError) in
      guard let n = keys.index(of: key) else {
        let name = key.string
        guard others.insert(name).inserted else { throw SessionFormatError.duplicate(name, at: key.offset, in: s.text) }
        other?(name)
        try s.skip()
        return
      }
      guard seen & (1 << n) == 0 else { throw SessionFormatError.duplicate(key.string, at: key.offset, in: s.text) }
      seen |= 1 << n
      let mark = s.mark()
      do throws(SessionFormatError) {
        try member(keys.cases[n], &s)
      } catch where setAside && error.placed {
        setAsideProblem = setAsideProblem ?? error.inside(.key(key.string))
        s.reset(mark)
        try s.skip()
      } catch {
        throw error.inside(.key(key.string))
      }
    }
    return setAsideProblem
  }

  /// The problem of a key the object must have, at the object's `offset`.
  func missing(_ key: some CodingKey, at offset: Int) -> SessionFormatError {
    problem(Phrase("store.format.missing"), at: offset).inside(.key(key.stringValue))
  }

  /// An object from ids to values.
  mutating func map<T>(reserving capacity: Int = 0, _ value: (inout Self) throws(SessionFormatError) -> T) throws(SessionFormatError)
    -> [String: T]
  {
    try expect(.object, "store.json.object")
    var out: [String: T] = [:]
    out.reserveCapacity(capacity)
    try members { (key, s) throws(SessionFormatError) in
      let name = key.string
      let v: T
      do throws(SessionFormatError) { v = try value(&s) } catch { throw error.inside(.key(name)) }
      // Swift compares text as Unicode does: `é` and `e` + accent are one key, and one would be lost.
      guard out.updateValue(v, forKey: name) == nil else { throw SessionFormatError.duplicate(name, at: key.offset, in: s.text) }
    }
    return out
  }

  /// A list.
  mutating func list<T>(_ element: (inout Self) throws(SessionFormatError) -> T) throws(SessionFormatError) -> [T] {
    try expect(.array, "store.json.list")
    var out: [T] = []
    try elements { (n, s) throws(SessionFormatError) in
      do throws(SessionFormatError) { out.append(try element(&s)) } catch { throw error.inside(.index(n)) }
    }
    return out
  }

  // MARK: The session's parts

  /// An object of two text fields that must both be there, in the order of its keys.
  private mutating func textPair<Key>(_ keys: Keys<Key>) throws(SessionFormatError) -> (String, String) {
    let at = offset()
    var values: [String?] = [nil, nil]
    try object(keys) { (key, s) throws(SessionFormatError) in
      values[keys.index(of: key.stringValue) ?? 0] = try s.text()
    }
    guard let first = values[0] else { throw missing(keys.cases[0], at: at) }
    guard let second = values[1] else { throw missing(keys.cases[1], at: at) }
    return (first, second)
  }

  private mutating func contentRef() throws(SessionFormatError) -> ContentRef {
    let (id, version) = try textPair(SessionKeys.content)
    return ContentRef(id: id, version: version)
  }

  private mutating func participant() throws(SessionFormatError) -> Participant {
    let (name, role) = try textPair(SessionKeys.participant)
    return Participant(name: name, role: role)
  }

  private mutating func voice() throws(SessionFormatError) -> Voice {
    let (id, name) = try textPair(SessionKeys.voice)
    return Voice(id: id, name: name)
  }

  private mutating func questionAnswer() throws(SessionFormatError) -> QuestionAnswer {
    let (gist, date) = try textPair(SessionKeys.questionAnswer)
    return QuestionAnswer(gist: gist, date: date)
  }

  private mutating func about() throws(SessionFormatError) -> About {
    var about = About()
    try object(SessionKeys.about) { (key, s) throws(SessionFormatError) in
      switch key {
      case .workplace: about.workplace = try s.optionalText() ?? ""
      case .unit: about.unit = try s.optionalText() ?? ""
      case .sector: about.sector = try s.optionalText() ?? ""
      case .employees:
        let at = s.offset()
        about.employees = try s.optional { (s) throws(SessionFormatError) in try s.wholeNumber() }
        if let n = about.employees, n < 0 {
          throw s.problem(Phrase("store.format.corrupted", parts: ["detail": Phrase("store.format.employees-negative")]), at: at)
        }
      case .date: about.date = try s.optionalText() ?? ""
      case .participants: about.participants = try s.optional { (s) throws(SessionFormatError) in try s.list { (s) throws(SessionFormatError) in try s.participant() } } ?? []
      case .group: about.group = try s.optionalText() ?? ""
      case .trainingCase: about.trainingCase = try s.optionalText() ?? ""
      }
    }
    return about
  }

  private mutating func scopeItem() throws(SessionFormatError) -> ScopeItem {
    let at = offset()
    var useCase: String?
    var stage = Stage.inUse
    var note = ""
    var infersEmotions: InfersEmotions?
    try object(SessionKeys.scopeItem) { (key, s) throws(SessionFormatError) in
      switch key {
      case .useCase: useCase = try s.text()
      case .stage: stage = try s.word(Stage.self) { Phrase("store.format.stage-unknown", ["stage": $0]) } ?? .inUse
      case .note: note = try s.optionalText() ?? ""
      case .infersEmotions: infersEmotions = try s.word(InfersEmotions.self) { Phrase("store.format.infers-emotions-unknown", ["value": $0]) }
      }
    }
    guard let useCase else { throw missing(ScopeItem.CodingKeys.useCase, at: at) }
    return ScopeItem(useCase: useCase, stage: stage, note: note, infersEmotions: infersEmotions)
  }

  private mutating func answerMap() throws(SessionFormatError) -> [String: Answer] {
    // A voice answers a hundred or more statements: room for them up front saves growing the
    // table seven times over.
    try map(reserving: 128) { (s) throws(SessionFormatError) in try s.answer() }
  }

  /// `4`, `"dont-know"`, `"not-relevant"`, or `{"value": 4, "note": "..."}`.
  private mutating func answer() throws(SessionFormatError) -> Answer {
    if let digit = digit() ?? pointObject() { return Answer(.point(digit)) }
    let at = offset()
    guard try kind() == .object else { return Answer(try answerValue()) }
    var value: AnswerValue?
    var note = ""
    try object(SessionKeys.answer) { (key, s) throws(SessionFormatError) in
      switch key {
      case .value: value = try s.answerValue()
      case .note: note = try s.optionalText() ?? ""
      }
    }
    guard let value else { throw missing(Answer.CodingKeys.value, at: at) }
    return Answer(value, note: note)
  }

  private mutating func answerValue() throws(SessionFormatError) -> AnswerValue {
    if let digit = digit() { return .point(digit) }
    let at = offset()
    func refuse(_ detail: Phrase) -> SessionFormatError { problem(Phrase("store.format.corrupted", parts: ["detail": detail]), at: at) }
    switch try kind() {
    case .number:
      let written = try number()
      // `4.0` and `4e0` are the point 4 to any JSON reader; anything else is off the scale.
      guard let d = Double(written), d == d.rounded(), (1...5).contains(d) else {
        let shown = Double(written).map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) } ?? written
        throw refuse(Phrase("store.format.answer-out-of-range", ["answer": shown]))
      }
      return .point(Int(d))
    case .string:
      let text = try string()
      switch text {
      case "dont-know": return .dontKnow
      case "not-relevant": return .notRelevant
      default: throw refuse(Phrase("store.format.answer-unknown", ["answer": text]))
      }
    default: throw refuse(Phrase("store.format.answer-kind"))
    }
  }

  private mutating func planItem() throws(SessionFormatError) -> PlanItem {
    var item = PlanItem(action: nil, level: "", status: .suggested)
    try object(SessionKeys.planItem) { (key, s) throws(SessionFormatError) in
      switch key {
      case .action: item.action = try s.optionalText()
      case .title: item.title = try s.optionalText() ?? ""
      case .level: item.level = try s.optionalText() ?? ""
      case .responsible: item.responsible = try s.optionalText() ?? ""
      case .deadline: item.deadline = try s.optionalText() ?? ""
      case .how: item.how = try s.optionalText() ?? ""
      case .followUp: item.followUp = try s.optionalText() ?? ""
      case .evaluation: item.evaluation = try s.optionalText() ?? ""
      case .status: item.status = try s.word(PlanStatus.self) ?? .suggested
      }
    }
    return item
  }

  private mutating func followUp() throws(SessionFormatError) -> FollowUp {
    var followUp = FollowUp()
    try object(SessionKeys.followUp) { (key, s) throws(SessionFormatError) in
      switch key {
      case .nextReview: followUp.nextReview = try s.optionalText() ?? ""
      case .previousRound: followUp.previousRound = try s.optionalText() ?? ""
      }
    }
    return followUp
  }

  private mutating func approval() throws(SessionFormatError) -> Approval {
    let at = offset()
    var by: [Participant]?
    var date: String?
    var fingerprint = ""
    try object(SessionKeys.approval) { (key, s) throws(SessionFormatError) in
      switch key {
      case .by: by = try s.list { (s) throws(SessionFormatError) in try s.participant() }
      case .date: date = try s.text()
      case .fingerprint: fingerprint = try s.optionalText() ?? ""
      }
    }
    guard let by else { throw missing(Approval.CodingKeys.by, at: at) }
    guard let date else { throw missing(Approval.CodingKeys.date, at: at) }
    return Approval(by: by, date: date, fingerprint: fingerprint)
  }

  private mutating func question() throws(SessionFormatError) -> QuestionRecord {
    let at = offset()
    var id: String?
    var record = QuestionRecord(id: "")
    try object(SessionKeys.question) { (key, s) throws(SessionFormatError) in
      switch key {
      case .id: id = try s.text()
      case .due: record.due = try s.optionalText() ?? ""
      case .askedBy: record.askedBy = try s.optionalText() ?? ""
      case .status: record.status = try s.word(QuestionStatus.self) ?? .open
      case .answer: record.answer = try s.optional { (s) throws(SessionFormatError) in try s.questionAnswer() }
      }
    }
    guard let id else { throw missing(QuestionRecord.CodingKeys.id, at: at) }
    record.id = id
    return record
  }


}

extension Session {
  /// Adds a voice for every answering voice id the file does not list, sorted by id, and the single
  /// voice when there are none: a hand-written file may give answers without listing its voices.
  mutating func addAnsweringVoices() {
    for id in answers.keys.sorted() where !voices.contains(where: { $0.id == id }) {
      voices.append(Voice(id: id, name: id == Voice.single.id ? "" : id))
    }
    if voices.isEmpty { voices = [.single] }
  }
}
