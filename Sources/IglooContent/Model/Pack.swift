/// A whole content pack: everything the assessment asks, scores, recommends and says.
///
/// The pack is data, not code: it is loaded from YAML (``PackLoader``) so that a safety expert can
/// read and change it. Arrays keep the order of the files, which is the order users see.
public struct ContentPack: Sendable, Codable {
  /// The pack's metadata, scale, bands, sectors and roles.
  public var info: PackInfo
  /// The five IGLOO levels, in the model's order.
  public var levels: [Level]
  /// The technologies (ML, generative AI, agents, robots).
  public var technologies: [Technology]
  /// The report's points.
  public var findings: [Finding]
  /// The statements users rate.
  public var questions: [Question]
  /// The recommended actions.
  public var actions: [Action]
  /// The use cases offered for scoping.
  public var useCases: [UseCase]
  /// The survey figures shown beside use cases.
  public var benchmarks: [Benchmark]
  /// Legal and context items.
  public var context: [ContextItem]
  /// Training cases for workshops.
  public var cases: [TrainingCase]
  /// The interface strings, by key.
  public var strings: [String: LocalizedText]

  /// Creates a pack from its parts.
  public init(
    info: PackInfo, levels: [Level], technologies: [Technology], findings: [Finding],
    questions: [Question], actions: [Action], useCases: [UseCase], benchmarks: [Benchmark],
    context: [ContextItem], cases: [TrainingCase], strings: [String: LocalizedText]
  ) {
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
  }

  /// The interface string for `key` in `language`; the key itself if the pack lacks it, so a gap shows.
  public func string(_ key: String, _ language: Language) -> String {
    strings[key]?[language] ?? key
  }

  /// The interface string for `key` with `{name}` placeholders filled in.
  public func string(_ key: String, _ language: Language, _ values: [String: String]) -> String {
    var text = string(key, language)
    for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
    return text
  }

  /// The level with `id`.
  public func level(_ id: String) -> Level? { levels.first { $0.id == id } }
  /// The technology with `id`.
  public func technology(_ id: String) -> Technology? { technologies.first { $0.id == id } }
  /// The finding with `id`.
  public func finding(_ id: String) -> Finding? { findings.first { $0.id == id } }
  /// The question with `id`.
  public func question(_ id: String) -> Question? { questions.first { $0.id == id } }
  /// The use case with `id`.
  public func useCase(_ id: String) -> UseCase? { useCases.first { $0.id == id } }
  /// The action with `id`.
  public func action(_ id: String) -> Action? { actions.first { $0.id == id } }
  /// The benchmark with `id`.
  public func benchmark(_ id: String) -> Benchmark? { benchmarks.first { $0.id == id } }
  /// The training case with `id`.
  public func trainingCase(_ id: String) -> TrainingCase? { cases.first { $0.id == id } }
  /// The role with `id`.
  public func role(_ id: String) -> PackRole? { info.roles.first { $0.id == id } }
  /// The sector with `id`.
  public func sector(_ id: String) -> Sector? { info.sectors.first { $0.id == id } }

  /// The questions that measure `finding`, with the role each plays.
  public func questions(measuring finding: String) -> [(question: Question, role: MeasureRole)] {
    questions.flatMap { q in q.measures.filter { $0.finding == finding }.map { (q, $0.role) } }
  }

}
