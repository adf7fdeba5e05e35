import Foundation

/// A whole content pack: everything the assessment asks, scores, recommends and says.
///
/// The pack is data, not code: it is loaded from YAML (``PackLoader``) so that a safety expert can
/// read and change it. Arrays keep the order of the files, which is the order users see.
public struct ContentPack: Sendable, Codable {
  /// The pack's metadata, scale, bands, sectors and roles.
  public var info: PackInfo { didSet { derived = PackMemo() } }
  /// The five IGLOO levels, in the model's order.
  public var levels: [Level] { didSet { derived = PackMemo() } }
  /// The technologies (ML, generative AI, agents, robots).
  public var technologies: [Technology] { didSet { derived = PackMemo() } }
  /// The report's points.
  public var findings: [Finding] { didSet { derived = PackMemo() } }
  /// The statements users rate.
  public var questions: [Question] { didSet { derived = PackMemo() } }
  /// The recommended actions.
  public var actions: [Action] { didSet { derived = PackMemo() } }
  /// The use cases offered for scoping.
  public var useCases: [UseCase] { didSet { derived = PackMemo() } }
  /// The survey figures shown beside use cases.
  public var benchmarks: [Benchmark] { didSet { derived = PackMemo() } }
  /// Legal and context items.
  public var context: [ContextItem] { didSet { derived = PackMemo() } }
  /// Training cases for workshops.
  public var cases: [TrainingCase] { didSet { derived = PackMemo() } }
  /// The interface strings, by key.
  public var strings: [String: LocalizedText] { didSet { derived = PackMemo() } }
  /// The questions to management that "ved ikke" answers and the scope raise.
  public var managementQuestions: [ManagementQuestion] { didSet { derived = PackMemo() } }

  /// Creates a pack from its parts.
  public init(
    info: PackInfo, levels: [Level], technologies: [Technology], findings: [Finding],
    questions: [Question], actions: [Action], useCases: [UseCase], benchmarks: [Benchmark],
    context: [ContextItem], cases: [TrainingCase], strings: [String: LocalizedText],
    managementQuestions: [ManagementQuestion] = []
  ) {
    self.managementQuestions = managementQuestions
    self.info = info
    self.levels = levels
    self.technologies = technologies
    self.findings = findings
    self.questions = questions
    self.actions = actions
    self.useCases = useCases
    self.benchmarks = benchmarks
    self.context = context
    self.cases = cases
    self.strings = strings
    index = PackIndex(findings: findings, questions: questions, useCases: useCases, actions: actions, strings: strings)
  }

  /// Values the engine works out from the whole pack (its scoring index), built on first use and
  /// shared by the pack's copies; every change to the pack replaces it (the `didSet` of each part),
  /// so a changed pack never reads what was worked out from the pack it was copied from.
  public private(set) var derived = PackMemo()

  /// Lookups by id, built once; the engine asks them for every question of every assessment.
  private var index: PackIndex

  enum CodingKeys: String, CodingKey {
    case info, levels, technologies, findings, questions, actions, useCases, benchmarks, context, cases, strings
    case managementQuestions
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      info: try c.decode(PackInfo.self, forKey: .info), levels: try c.decode([Level].self, forKey: .levels),
      technologies: try c.decode([Technology].self, forKey: .technologies),
      findings: try c.decode([Finding].self, forKey: .findings), questions: try c.decode([Question].self, forKey: .questions),
      actions: try c.decode([Action].self, forKey: .actions), useCases: try c.decode([UseCase].self, forKey: .useCases),
      benchmarks: try c.decode([Benchmark].self, forKey: .benchmarks),
      context: try c.decode([ContextItem].self, forKey: .context), cases: try c.decode([TrainingCase].self, forKey: .cases),
      strings: try c.decode([String: LocalizedText].self, forKey: .strings),
      managementQuestions: try c.decodeIfPresent([ManagementQuestion].self, forKey: .managementQuestions) ?? [])
  }

  /// The interface string for `key` in `language`; the key itself if the pack lacks it, so a gap shows.
  public func string(_ key: String, _ language: Language) -> String {
    strings[key]?[language] ?? key
  }

  /// The interface string for `key` with `{name}` placeholders filled in, in one pass: a typed
  /// value holding `{score}` stays as typed (see ``Placeholders/fill(_:_:)``).
  public func string(_ key: String, _ language: Language, _ values: [String: String]) -> String {
    Placeholders.fill(string(key, language), values)
  }

  /// The level with `id`.
  public func level(_ id: String) -> Level? { levels.first { $0.id == id } }
  /// The technology with `id`.
  public func technology(_ id: String) -> Technology? { technologies.first { $0.id == id } }
  /// The finding with `id`.
  public func finding(_ id: String) -> Finding? { index.findings[id].map { findings[$0] } }
  /// The question with `id`.
  public func question(_ id: String) -> Question? { index.questions[id].map { questions[$0] } }
  /// The finding a question belongs to: the first it measures, which gives the question its IGLOO
  /// level, its source and its "why we ask"; nil for one that measures none (sickness absence).
  ///
  /// The one definition of a question's place; the wizard, line mode, the report and the rounds
  /// all ask here (issue 29).
  public func leadFinding(of question: Question) -> Finding? { question.measures.first.flatMap { finding($0.finding) } }
  /// The IGLOO level a question belongs to: that of its ``leadFinding(of:)``.
  public func level(of question: Question) -> String? { leadFinding(of: question)?.level }
  /// Whether the pack has a question with `id`: one look-up in the index, without copying the
  /// question (the session check asks this of every answer of every session a roll-up reads).
  public func hasQuestion(_ id: String) -> Bool { index.questions[id] != nil }
  /// Whether the pack has a use case with `id`, without copying it (asked of every session read).
  public func hasUseCase(_ id: String) -> Bool { index.useCases[id] != nil }
  /// Whether the pack has an action with `id`, without copying it (asked of every plan item read).
  public func hasAction(_ id: String) -> Bool { index.actions[id] != nil }
  /// The use case with `id`.
  public func useCase(_ id: String) -> UseCase? { index.useCases[id].map { useCases[$0] } }
  /// The action with `id`.
  public func action(_ id: String) -> Action? { index.actions[id].map { actions[$0] } }
  /// The benchmark with `id`.
  public func benchmark(_ id: String) -> Benchmark? { benchmarks.first { $0.id == id } }
  /// The training case with `id`.
  public func trainingCase(_ id: String) -> TrainingCase? { cases.first { $0.id == id } }
  /// The question to management with `id`.
  public func managementQuestion(_ id: String) -> ManagementQuestion? { managementQuestions.first { $0.id == id } }
  /// The context item with `id`.
  public func contextItem(_ id: String) -> ContextItem? { context.first { $0.id == id } }
  /// The role with `id`.
  public func role(_ id: String) -> PackRole? { info.roles.first { $0.id == id } }
  /// The sector with `id`.
  public func sector(_ id: String) -> Sector? { info.sectors.first { $0.id == id } }

  /// The gloss of the report's section named `danish` (a `source.part.*` string), if the pack has one.
  func sourcePart(_ danish: String) -> LocalizedText? { index.sourceParts[danish] }

  /// The questions that measure `finding`, with the role each plays. Retired questions are left
  /// out: they are never asked, so they measure nothing.
  public func questions(measuring finding: String) -> [(question: Question, role: MeasureRole)] {
    (index.measuring[finding] ?? []).filter { questions[$0].retired == nil }.flatMap { i in
      questions[i].measures.filter { $0.finding == finding }.map { (questions[i], $0.role) }
    }
  }

}

/// Positions by id; the first entry wins, as duplicates are reported by the validator.
struct PackIndex: Sendable {
  var findings: [String: Int] = [:]
  var questions: [String: Int] = [:]
  var useCases: [String: Int] = [:]
  var actions: [String: Int] = [:]
  /// The questions measuring each finding, in the pack's order.
  var measuring: [String: [Int]] = [:]
  /// The glosses of the report's section names (`source.part.*`), by Danish name: every source
  /// of a report asks, and finding them among all the strings each time was a sixth of `report`.
  var sourceParts: [String: LocalizedText] = [:]

  init(findings: [Finding], questions: [Question], useCases: [UseCase], actions: [Action], strings: [String: LocalizedText]) {
    func positions(_ ids: [String]) -> [String: Int] {
      var out: [String: Int] = [:]
      for (i, id) in ids.enumerated() where out[id] == nil { out[id] = i }
      return out
    }
    self.findings = positions(findings.map(\.id))
    self.questions = positions(questions.map(\.id))
    self.useCases = positions(useCases.map(\.id))
    self.actions = positions(actions.map(\.id))
    for (i, q) in questions.enumerated() {
      for id in Set(q.measures.map(\.finding)) { measuring[id, default: []].append(i) }
    }
    // Sorted, so that two parts with the same Danish name resolve the same way on every run.
    for key in strings.keys.sorted() where key.hasPrefix("source.part.") {
      if let text = strings[key], sourceParts[text.da] == nil { sourceParts[text.da] = text }
    }
  }
}

/// Values worked out from a whole pack, each built once on first use and then shared.
///
/// A class, so that the copies of a ``ContentPack`` share what it holds; a pack that changes gets a
/// new, empty one. The lock makes it safe to ask from the roll-up's workers at once.
public final class PackMemo: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [ObjectIdentifier: any Sendable] = [:]

  /// An empty memo.
  public init() {}

  /// The value of type `T`, from `build` the first time it is asked for.
  public func value<T: Sendable>(_ build: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    if let known = values[ObjectIdentifier(T.self)] as? T { return known }
    let fresh = build()
    values[ObjectIdentifier(T.self)] = fresh
    return fresh
  }
}
