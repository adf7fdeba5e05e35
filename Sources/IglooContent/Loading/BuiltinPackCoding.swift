/// The form in which the built-in pack is compiled into the binary: a compact, length-prefixed
/// encoding with a hand-written reader, so that igloo starts without parsing YAML or JSON.
///
/// The build-time tool encodes the validated pack with ``encode(_:)``; the binary reads it with
/// ``decode(_:)`` at first use. Decoding JSON through `JSONDecoder` cost 10–17 ms of every start;
/// this reader needs a fraction of a millisecond (docs/performance.md).
///
/// The encoding is valid UTF-8 with all of its structure in ASCII, so that it can live in a Swift
/// string literal: a number is its decimal digits followed by `;`, a string its UTF-8 length then
/// its bytes, a flag `0` or `1`, an optional a flag then the value, a list its count then its
/// elements, a fraction the hexadecimal bits of its `Double` (exact). Fields follow in the order of
/// the model's declarations. The interface strings come first, in their own section, so that the
/// command line's help can be read (``decodeStrings(_:)``) without the rest of the pack.
///
/// Every stored property of the model is written here; the test `builtinPackIsExactlyContentFolder`
/// compares the decoded pack with a YAML load of Content/ through `content dump`, so a field that
/// is added to the model but not here fails it.
public enum BuiltinPackCoding {
  /// The encoding does not read: truncated, or not written by this version of ``encode(_:)``.
  public struct Malformed: Error, CustomStringConvertible {
    /// The byte offset where reading failed.
    public var offset: Int
    /// What was expected there.
    public var expected: String
    public var description: String { "the compiled pack is malformed at byte \(offset): expected \(expected)" }
  }

  /// The first bytes of every encoding; a change of layout changes them.
  static let magic = "igloo-pack-3;"

  /// The pack in the compact encoding.
  public static func encode(_ pack: ContentPack) -> [UInt8] {
    var w = PackWriter()
    w.raw(magic)
    w.stringTable(pack.strings)
    w.info(pack.info)
    w.list(pack.levels) { w, x in w.level(x) }
    w.list(pack.technologies) { w, x in w.technology(x) }
    w.list(pack.findings) { w, x in w.finding(x) }
    w.list(pack.questions) { w, x in w.question(x) }
    w.list(pack.actions) { w, x in w.action(x) }
    w.list(pack.useCases) { w, x in w.useCase(x) }
    w.list(pack.benchmarks) { w, x in w.benchmark(x) }
    w.list(pack.context) { w, x in w.contextItem(x) }
    w.list(pack.cases) { w, x in w.trainingCase(x) }
    w.list(pack.managementQuestions) { w, x in w.managementQuestion(x) }
    return w.bytes
  }

  /// The pack from the bytes of ``encode(_:)``.
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> ContentPack {
    var r = PackReader(bytes)
    try r.expectMagic()
    let strings = try r.stringTable()
    return try rest(&r, strings: strings)
  }

  /// The pack from the bytes of ``encode(_:)``, with its interface strings already read by
  /// ``decodeStrings(_:)`` (the command line reads them first, for its help).
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, strings: [String: LocalizedText]) throws -> ContentPack {
    var r = PackReader(bytes)
    try r.expectMagic()
    try r.skipStringTable()
    return try rest(&r, strings: strings)
  }

  /// Only the interface strings (Content/strings) from the bytes of ``encode(_:)``.
  public static func decodeStrings(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [String: LocalizedText] {
    var r = PackReader(bytes)
    try r.expectMagic()
    return try r.stringTable()
  }

  private static func rest(_ r: inout PackReader, strings: [String: LocalizedText]) throws -> ContentPack {
    let info = try r.info()
    let levels = try r.list { try $0.level() }
    let technologies = try r.list { try $0.technology() }
    let findings = try r.list { try $0.finding() }
    let questions = try r.list { try $0.question() }
    let actions = try r.list { try $0.action() }
    let useCases = try r.list { try $0.useCase() }
    let benchmarks = try r.list { try $0.benchmark() }
    let context = try r.list { try $0.contextItem() }
    let cases = try r.list { try $0.trainingCase() }
    let managementQuestions = try r.list { try $0.managementQuestion() }
    guard r.atEnd else { throw Malformed(offset: r.position, expected: "the end") }
    return ContentPack(
      info: info, levels: levels, technologies: technologies, findings: findings, questions: questions,
      actions: actions, useCases: useCases, benchmarks: benchmarks, context: context, cases: cases, strings: strings,
      managementQuestions: managementQuestions)
  }
}

/// Appends the compact encoding (see ``BuiltinPackCoding``).
struct PackWriter {
  var bytes: [UInt8] = []

  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
  mutating func int(_ n: Int) { raw(String(n)); bytes.append(UInt8(ascii: ";")) }
  mutating func string(_ s: String) {
    int(s.utf8.count)
    bytes.append(contentsOf: s.utf8)
  }
  mutating func bool(_ b: Bool) { bytes.append(b ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
  mutating func double(_ d: Double) { raw(String(d.bitPattern, radix: 16)); bytes.append(UInt8(ascii: ";")) }
  mutating func text(_ t: LocalizedText) {
    string(t.da)
    string(t.en)
  }
  mutating func optional<T>(_ value: T?, _ body: (inout PackWriter, T) -> Void) {
    bool(value != nil)
    if let value { body(&self, value) }
  }
  mutating func list<T>(_ values: [T], _ body: (inout PackWriter, T) -> Void) {
    int(values.count)
    for v in values { body(&self, v) }
  }
  mutating func strings(_ values: [String]) { list(values) { w, s in w.string(s) } }
  mutating func texts(_ values: [LocalizedText]) { list(values) { w, t in w.text(t) } }

  /// The string table, sorted by key so that the same Content/ always gives the same bytes.
  mutating func stringTable(_ table: [String: LocalizedText]) {
    list(table.keys.sorted()) { w, key in
      w.string(key)
      w.text(table[key]!)
    }
  }

  mutating func info(_ x: PackInfo) {
    string(x.id)
    string(x.version)
    text(x.title)
    list(x.sources) { w, s in w.string(s.id); w.text(s.citation) }
    list(x.scale) { w, s in w.int(s.value); w.text(s.label) }
    for b in [x.bands.risk, x.bands.opportunity, x.bands.screening] {
      double(b.moderate)
      double(b.high)
    }
    list(x.sectors) { w, s in w.string(s.id); w.text(s.name); w.bool(s.public) }
    list(x.roles) { w, s in w.string(s.id); w.text(s.name) }
  }

  mutating func level(_ x: Level) {
    string(x.id)
    string(x.letter)
    string(x.shortcut)
    text(x.name)
    text(x.description)
    string(x.source)
  }

  mutating func technology(_ x: Technology) {
    string(x.id)
    text(x.name)
    text(x.description)
    string(x.source)
    optional(x.comparison) { w, c in
      w.texts(c.characteristics)
      w.texts(c.strengths)
      w.texts(c.weaknesses)
      w.texts(c.valueShifts)
      w.optional(c.source) { w, s in w.string(s) }
    }
  }

  mutating func finding(_ x: Finding) {
    string(x.id)
    string(x.level)
    string(x.technology)
    string(x.polarity.rawValue)
    text(x.title)
    text(x.shortTitle)
    text(x.summary)
    texts(x.examples)
    string(x.source)
  }

  mutating func question(_ x: Question) {
    string(x.id)
    string(x.kind.rawValue)
    text(x.text)
    bool(x.reversed)
    list(x.measures) { w, m in w.string(m.finding); w.string(m.role.rawValue) }
    strings(x.applies.technologies)
    strings(x.applies.useCases)
    optional(x.why) { w, t in w.text(t) }
    optional(x.retired) { w, s in w.string(s) }
  }

  mutating func action(_ x: Action) {
    string(x.id)
    text(x.title)
    text(x.how)
    string(x.level)
    string(x.owner)
    bool(x.collective)
    string(x.source)
    list(x.triggers) { w, t in
      switch t {
      case .finding(let id, let min):
        w.raw("f")
        w.string(id)
        w.optional(min) { w, d in w.double(d) }
      case .answer(let question, let answers):
        w.raw("a")
        w.string(question)
        w.list(answers) { w, a in
          switch a {
          case .value(let v): w.raw("v"); w.int(v)
          case .dontKnow: w.raw("d")
          }
        }
      case .flag(let id):
        w.raw("g")
        w.string(id)
      case .clarify(let id):
        w.raw("c")
        w.string(id)
      }
    }
    bool(x.derived)
  }

  mutating func useCase(_ x: UseCase) {
    string(x.id)
    text(x.name)
    text(x.description)
    strings(x.technologies)
    strings(x.flags)
    optional(x.benchmark) { w, s in w.string(s) }
    string(x.source)
  }

  mutating func benchmark(_ x: Benchmark) {
    string(x.id)
    text(x.label)
    double(x.value)
    text(x.base)
    string(x.source)
  }

  mutating func contextItem(_ x: ContextItem) {
    string(x.id)
    string(x.kind)
    text(x.title)
    text(x.text)
    optional(x.caveat) { w, t in w.text(t) }
    string(x.source)
    strings(x.applies.flags)
    optional(x.applies.publicSector) { w, b in w.bool(b) }
    strings(x.applies.whenInfersEmotions)
    string(x.severity.rawValue)
    optional(x.asOf) { w, s in w.string(s) }
    optional(x.clarify) { w, t in w.text(t) }
    optional(x.appliesFrom) { w, s in w.string(s) }
  }

  mutating func managementQuestion(_ x: ManagementQuestion) {
    string(x.id)
    text(x.text)
    string(x.ask.rawValue)
    strings(x.findings)
    strings(x.statements)
    strings(x.flags)
    strings(x.basis)
    string(x.source)
  }

  mutating func trainingCase(_ x: TrainingCase) {
    string(x.id)
    text(x.title)
    text(x.story)
    string(x.workplace)
    string(x.sector)
    int(x.employees)
    list(x.scope) { w, s in w.string(s.useCase); w.string(s.stage) }
    bool(x.invented)
    strings(x.buildsOn)
    strings(x.findings)
    texts(x.questions)
    text(x.facilitatorNote)
  }
}

/// Reads the compact encoding (see ``BuiltinPackCoding``) in place, one pass, no lookahead.
struct PackReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  var atEnd: Bool { position == bytes.count }

  private func malformed(_ expected: String) -> BuiltinPackCoding.Malformed {
    BuiltinPackCoding.Malformed(offset: position, expected: expected)
  }

  mutating func expectMagic() throws {
    for byte in BuiltinPackCoding.magic.utf8 {
      guard position < bytes.count, bytes[position] == byte else { throw malformed("the header \(BuiltinPackCoding.magic)") }
      position += 1
    }
  }

  /// One ASCII byte.
  mutating func byte() throws -> UInt8 {
    guard position < bytes.count else { throw malformed("a byte") }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func int() throws -> Int {
    var negative = false
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
      negative = true
      position += 1
    }
    var n = 0
    var digits = 0
    while position < bytes.count {
      let b = bytes[position]
      position += 1
      if b == UInt8(ascii: ";") {
        guard digits > 0 else { break }
        return negative ? -n : n
      }
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), digits < 18 else { break }
      n = n * 10 + Int(b - UInt8(ascii: "0"))
      digits += 1
    }
    throw malformed("a number")
  }

  mutating func string() throws -> String {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw malformed("\(count) bytes of text") }
    defer { position += count }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
  }

  mutating func skipString() throws {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw malformed("\(count) bytes of text") }
    position += count
  }

  mutating func bool() throws -> Bool {
    switch try byte() {
    case UInt8(ascii: "1"): return true
    case UInt8(ascii: "0"): return false
    default:
      position -= 1
      throw malformed("0 or 1")
    }
  }

  mutating func double() throws -> Double {
    var bits: UInt64 = 0
    var digits = 0
    while true {
      let b = try byte()
      if b == UInt8(ascii: ";"), digits > 0 { return Double(bitPattern: bits) }
      let v: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): v = b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): v = b - UInt8(ascii: "a") + 10
      default: throw malformed("the hexadecimal bits of a fraction")
      }
      guard digits < 16 else { throw malformed("at most 16 hexadecimal digits") }
      bits = bits << 4 | UInt64(v)
      digits += 1
    }
  }

  mutating func text() throws -> LocalizedText {
    let da = try string()
    return LocalizedText(da: da, en: try string())
  }

  mutating func optional<T>(_ body: (inout PackReader) throws -> T) throws -> T? {
    try bool() ? try body(&self) : nil
  }

  mutating func list<T>(_ body: (inout PackReader) throws -> T) throws -> [T] {
    let count = try int()
    // Each element takes at least one byte, which bounds a corrupt count before reserving for it.
    guard count >= 0, count <= bytes.count - position else { throw malformed("a list of \(count)") }
    var out: [T] = []
    out.reserveCapacity(count)
    for _ in 0..<count { out.append(try body(&self)) }
    return out
  }

  mutating func strings() throws -> [String] { try list { try $0.string() } }
  mutating func texts() throws -> [LocalizedText] { try list { try $0.text() } }

  mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
    let start = position
    guard let value = T(rawValue: try string()) else {
      position = start
      throw malformed("a \(T.self)")
    }
    return value
  }

  mutating func stringTable() throws -> [String: LocalizedText] {
    let count = try int()
    guard count >= 0, count <= bytes.count - position else { throw malformed("a table of \(count)") }
    var table: [String: LocalizedText] = [:]
    table.reserveCapacity(count)
    for _ in 0..<count {
      let key = try string()
      table[key] = try text()
    }
    return table
  }

  mutating func skipStringTable() throws {
    let count = try int()
    for _ in 0..<count {
      try skipString()
      try skipString()
      try skipString()
    }
  }

  mutating func info() throws -> PackInfo {
    let id = try string()
    let version = try string()
    let title = try text()
    let sources = try list { SourceDocument(id: try $0.string(), citation: try $0.text()) }
    let scale = try list { ScalePoint(value: try $0.int(), label: try $0.text()) }
    let risk = BandThresholds(moderate: try double(), high: try double())
    let opportunity = BandThresholds(moderate: try double(), high: try double())
    let screening = BandThresholds(moderate: try double(), high: try double())
    let sectors = try list { Sector(id: try $0.string(), name: try $0.text(), public: try $0.bool()) }
    let roles = try list { PackRole(id: try $0.string(), name: try $0.text()) }
    return PackInfo(
      id: id, version: version, title: title, sources: sources, scale: scale,
      bands: Bands(risk: risk, opportunity: opportunity, screening: screening), sectors: sectors, roles: roles)
  }

  mutating func level() throws -> Level {
    Level(
      id: try string(), letter: try string(), shortcut: try string(), name: try text(), description: try text(),
      source: try string())
  }

  mutating func technology() throws -> Technology {
    Technology(
      id: try string(), name: try text(), description: try text(), source: try string(),
      comparison: try optional {
        Comparison(
          characteristics: try $0.texts(), strengths: try $0.texts(), weaknesses: try $0.texts(),
          valueShifts: try $0.texts(), source: try $0.optional { try $0.string() })
      })
  }

  mutating func finding() throws -> Finding {
    Finding(
      id: try string(), level: try string(), technology: try string(), polarity: try raw(Polarity.self),
      title: try text(), shortTitle: try text(), summary: try text(), examples: try texts(), source: try string())
  }

  mutating func question() throws -> Question {
    Question(
      id: try string(), kind: try raw(QuestionKind.self), text: try text(), reversed: try bool(),
      measures: try list { Measure(finding: try $0.string(), role: try $0.raw(MeasureRole.self)) },
      applies: Applicability(technologies: try strings(), useCases: try strings()),
      why: try optional { try $0.text() }, retired: try optional { try $0.string() })
  }

  mutating func trigger() throws -> Trigger {
    switch try byte() {
    case UInt8(ascii: "f"): return .finding(id: try string(), min: try optional { try $0.double() })
    case UInt8(ascii: "a"):
      return .answer(
        question: try string(),
        answers: try list {
          switch try $0.byte() {
          case UInt8(ascii: "v"): return .value(try $0.int())
          case UInt8(ascii: "d"): return .dontKnow
          default: throw $0.malformed("an answer")
          }
        })
    case UInt8(ascii: "g"): return .flag(id: try string())
    case UInt8(ascii: "c"): return .clarify(id: try string())
    default: throw malformed("a trigger")
    }
  }

  mutating func action() throws -> Action {
    Action(
      id: try string(), title: try text(), how: try text(), level: try string(), owner: try string(),
      collective: try bool(), source: try string(), triggers: try list { try $0.trigger() }, derived: try bool())
  }

  mutating func useCase() throws -> UseCase {
    UseCase(
      id: try string(), name: try text(), description: try text(), technologies: try strings(), flags: try strings(),
      benchmark: try optional { try $0.string() }, source: try string())
  }

  mutating func benchmark() throws -> Benchmark {
    Benchmark(id: try string(), label: try text(), value: try double(), base: try text(), source: try string())
  }

  mutating func contextItem() throws -> ContextItem {
    ContextItem(
      id: try string(), kind: try string(), title: try text(), text: try text(), caveat: try optional { try $0.text() },
      source: try string(),
      applies: ContextApplicability(
        flags: try strings(), publicSector: try optional { try $0.bool() }, whenInfersEmotions: try strings()),
      severity: try raw(FlagSeverity.self), asOf: try optional { try $0.string() }, clarify: try optional { try $0.text() },
      appliesFrom: try optional { try $0.string() })
  }

  mutating func managementQuestion() throws -> ManagementQuestion {
    ManagementQuestion(
      id: try string(), text: try text(), ask: try raw(Addressee.self), findings: try strings(), statements: try strings(),
      flags: try strings(), basis: try strings(), source: try string())
  }

  mutating func trainingCase() throws -> TrainingCase {
    TrainingCase(
      id: try string(), title: try text(), story: try text(), workplace: try string(), sector: try string(),
      employees: try int(), scope: try list { CaseScopeItem(useCase: try $0.string(), stage: try $0.string()) },
      invented: try bool(), buildsOn: try strings(), findings: try strings(), questions: try texts(),
      facilitatorNote: try text())
  }
}
