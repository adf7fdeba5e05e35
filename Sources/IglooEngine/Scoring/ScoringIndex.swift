import IglooContent

/// A set of small whole numbers (technology, use case and flag positions), the first 64 held inline.
///
/// Packs have a handful of each, so a scope's sets cost no allocation; a larger pack still works.
struct BitSet: Sendable, Equatable {
  private var low: UInt64 = 0
  private var high: [UInt64] = []

  /// An empty set.
  init() {}

  /// The set of `members`.
  init(_ members: some Sequence<Int>) {
    for m in members { insert(m) }
  }

  /// Whether nothing is in it.
  var isEmpty: Bool { low == 0 && high.allSatisfy { $0 == 0 } }

  /// Adds `member`.
  mutating func insert(_ member: Int) {
    guard member >= 64 else {
      low |= 1 << UInt64(member)
      return
    }
    let word = member / 64 - 1
    if high.count <= word { high += Array(repeating: 0, count: word + 1 - high.count) }
    high[word] |= 1 << UInt64(member % 64)
  }

  /// Adds every member of `other`.
  mutating func formUnion(_ other: BitSet) {
    low |= other.low
    if high.count < other.high.count { high += Array(repeating: 0, count: other.high.count - high.count) }
    for i in other.high.indices { high[i] |= other.high[i] }
  }

  /// Whether the two sets share a member.
  func intersects(_ other: BitSet) -> Bool {
    if low & other.low != 0 { return true }
    for i in 0..<min(high.count, other.high.count) where high[i] & other.high[i] != 0 { return true }
    return false
  }
}

/// The pack compiled for scoring: questions, findings, use cases, context items and the
/// recommender's triggers by position, with applicability as bit sets (issue 29).
///
/// Everything that turns a session into figures reads it: which questions a session asks
/// (``Session/questions(_:at:deepened:)``), the effective answers, the findings' scales and screenings,
/// the flags and the recommender, for the full ``Assessment`` and the roll-up's figures alike. It is
/// built once per pack and kept with it (``IglooContent/ContentPack/scoringIndex``), so a roll-up of
/// 100,000 sessions or a key in the wizard pays for it once.
public final class ScoringIndex: Sendable {
  /// Which scopes ask one question: its own restrictions as bit sets.
  struct Applicability: Sendable {
    var retired: Bool
    var scored: Bool
    var technologies: BitSet
    var useCases: BitSet
    /// The technologies of the pack's findings it measures.
    var own: BitSet
    var hasOwn: Bool

    /// Whether a scope with these technologies and use cases admits the question, at any depth.
    ///
    /// A retired statement never. Otherwise one of its technologies must be in scope and, if it names
    /// use cases, one of those too; a scored statement with no restriction follows its findings'
    /// technologies.
    func admits(technologies scope: BitSet, useCases scopeUseCases: BitSet) -> Bool {
      if retired { return false }
      if !technologies.isEmpty && !scope.intersects(technologies) { return false }
      if !useCases.isEmpty && !scopeUseCases.intersects(useCases) { return false }
      if technologies.isEmpty && useCases.isEmpty && scored { return !hasOwn || scope.intersects(own) }
      return true
    }
  }

  /// A context item's conditions.
  struct ContextConditions: Sendable {
    var publicSector: Bool?
    var flags: BitSet
    var whenInfersEmotions: BitSet
    /// Applies whatever the scope.
    var always: Bool
  }

  /// A trigger of an action, with its finding, question or context item by position (nil when the
  /// pack has none by that id: the trigger then never fires).
  ///
  /// Positions and thresholds only, so that reading one copies no reference: the roll-up weighs
  /// every trigger of every session, and copying triggers that held their ids and answer lists was
  /// a fifth of its scoring. The id a trigger names is in ``ruleIDs``, its answers in ``ruleMatches``.
  enum Rule: Sendable {
    case finding(Int?, min: Double?, exactMin: ExactScore?)
    /// The question, and the position of its answers in ``ruleMatches``.
    case answer(Int?, matches: Int)
    case flag(Int?)
    case clarify(Int?)
  }

  /// The pack's questions' ids, by position.
  let questionIDs: [String]
  /// The position of each question id (the first, when ids repeat).
  let questionPosition: IDPositions
  /// Each question whose id an earlier one has (no valid pack has one), with that first position.
  let repeatedQuestions: [(Int, Int)]
  /// Each question's applicability.
  let applicability: [Applicability]
  /// Each question's kind.
  let kinds: [QuestionKind]
  /// Whether each question is a screening statement.
  let screening: [Bool]
  /// Whether each question's answers count reversed.
  let reversed: [Bool]
  /// Each question's measured finding slots, in order (repeats kept).
  let measured: [[Int]]
  /// Each question's level, by position in the pack's levels (``ContentPack/level(of:)``).
  let levelOfQuestion: [Int?]
  /// The levels (by position) of the pack's findings each question measures, each once.
  let levelsMeasured: [[Int]]
  /// Finding slots: the pack's findings first (by position), then any other id a measure names.
  let slotOfFinding: [String: Int]
  /// How many slots there are.
  let slotCount: Int
  /// How many findings the pack has.
  let findingCount: Int
  /// Each finding's id and polarity, by position.
  let findingIDs: [String]
  let polarity: [Polarity]
  /// Per level, the findings in it, in the pack's order.
  let findingsOfLevel: [[Int]]
  /// Per finding and role (in `MeasureRole.allCases` order), the scored questions measuring it.
  let roleItems: [[[Int]]]
  /// Per finding, the screening statements measuring it, each once.
  let screeningItems: [[Int]]
  /// Per finding, the other statements measuring it.
  let fullItems: [[Int]]
  /// Per use case id (the first, when ids repeat): its technologies, its own bit and its flags.
  let useCaseTechnologies: [String: BitSet]
  let useCaseBit: [String: Int]
  let useCaseFlags: [String: BitSet]
  /// Every technology of the pack.
  let allTechnologies: BitSet
  /// Each context item's conditions, by position.
  let context: [ContextConditions]
  /// Each context item's own severity, and whether it has a question to settle, by position.
  let contextSeverity: [FlagSeverity]
  let contextCanClarify: [Bool]
  /// The position of each context item id (the first, when ids repeat).
  let contextPosition: [String: Int]
  /// Whether each sector is public, by id.
  let publicSector: [String: Bool]
  /// Each action's id and triggers, by position.
  let actionIDs: [String]
  /// Whether two actions share an id (no valid pack has such a pair).
  let actionIDsRepeat: Bool
  let rules: [[Rule]]
  /// The finding, question or context item id each trigger names, as in ``rules``.
  let ruleIDs: [[String]]
  /// The answers of the answer triggers (``Rule/answer(_:matches:)``).
  let ruleMatches: [[AnswerMatch]]
  /// The score of each scale point, 1 first.
  let pointScores: [Double]
  /// The pack's bands, and the starts of the risk and opportunity bands' moderate band, exactly.
  let bands: Bands
  let riskModerate: ExactScore
  let opportunityModerate: ExactScore
  /// The bit of each technology and use case id the pack names.
  private let technologyBit: [String: Int]
  private let useCaseBits: [String: Int]

  /// Compiles `pack`. Use ``IglooContent/ContentPack/scoringIndex``, which does it once per pack.
  init(_ pack: ContentPack) {
    func bits(_ ids: [String]) -> [String: Int] {
      var out: [String: Int] = [:]
      for id in ids where out[id] == nil { out[id] = out.count }
      return out
    }
    let technologyBit = bits(
      pack.technologies.map(\.id) + pack.useCases.flatMap(\.technologies) + pack.questions.flatMap(\.applies.technologies)
        + pack.findings.map(\.technology))
    let useCaseBits = bits(pack.useCases.map(\.id) + pack.questions.flatMap(\.applies.useCases))
    let flagBit = bits(pack.useCases.flatMap(\.flags) + pack.context.flatMap(\.applies.flags)
      + pack.context.flatMap(\.applies.whenInfersEmotions))
    func set(_ ids: [String], _ bit: [String: Int]) -> BitSet { BitSet(ids.compactMap { bit[$0] }) }
    func positions(_ ids: [String]) -> [String: Int] {
      var out: [String: Int] = [:]
      for (i, id) in ids.enumerated() where out[id] == nil { out[id] = i }
      return out
    }

    // A repeated finding id keeps the first finding's slot; slots past the findings are other ids.
    var slotCount = pack.findings.count
    var findingSlot: [String: Int] = positions(pack.findings.map(\.id))
    for q in pack.questions {
      for m in q.measures where findingSlot[m.finding] == nil {
        findingSlot[m.finding] = slotCount
        slotCount += 1
      }
    }
    slotOfFinding = findingSlot
    self.slotCount = slotCount
    findingCount = pack.findings.count
    findingIDs = pack.findings.map(\.id)
    polarity = pack.findings.map(\.polarity)
    allTechnologies = set(pack.technologies.map(\.id), technologyBit)

    questionIDs = pack.questions.map(\.id)
    let firstPosition = positions(questionIDs)
    questionPosition = IDPositions(questionIDs)
    repeatedQuestions = questionIDs.enumerated().compactMap { q, id in
      let first = firstPosition[id]!
      return first == q ? nil : (q, first)
    }
    self.technologyBit = technologyBit
    self.useCaseBits = useCaseBits
    applicability = pack.questions.map { Self.applicability($0, pack, technologyBit, useCaseBits) }
    kinds = pack.questions.map(\.kind)
    screening = pack.questions.map(\.isScreening)
    reversed = pack.questions.map(\.reversed)
    measured = pack.questions.map { q in q.measures.map { findingSlot[$0.finding]! } }
    let levelPosition = positions(pack.levels.map(\.id))
    levelOfQuestion = pack.questions.map { q in pack.level(of: q).flatMap { levelPosition[$0] } }
    levelsMeasured = pack.questions.map { q in
      var out: [Int] = []
      for m in q.measures {
        guard let f = pack.finding(m.finding) else { continue }
        for l in pack.levels.indices where pack.levels[l].id == f.level && !out.contains(l) { out.append(l) }
      }
      return out.sorted()
    }
    findingsOfLevel = pack.levels.map { level in pack.findings.indices.filter { pack.findings[$0].level == level.id } }

    var roleItems = Array(repeating: Array(repeating: [Int](), count: MeasureRole.allCases.count), count: findingCount)
    var screeningItems = Array(repeating: [Int](), count: findingCount)
    var fullItems = Array(repeating: [Int](), count: findingCount)
    for (i, q) in pack.questions.enumerated() {
      var seen: Set<Int> = []
      for m in q.measures {
        // A finding id that repeats in the pack is scored once, under its first finding.
        guard let f = findingSlot[m.finding], f < findingCount else { continue }
        if q.isScored { roleItems[f][MeasureRole.allCases.firstIndex(of: m.role)!].append(i) }
        guard seen.insert(f).inserted else { continue }
        if q.isScreening { screeningItems[f].append(i) } else { fullItems[f].append(i) }
      }
    }
    self.roleItems = roleItems
    self.screeningItems = screeningItems
    self.fullItems = fullItems

    var technologies: [String: BitSet] = [:]
    var flags: [String: BitSet] = [:]
    for u in pack.useCases where technologies[u.id] == nil {
      technologies[u.id] = set(u.technologies, technologyBit)
      flags[u.id] = set(u.flags, flagBit)
    }
    useCaseTechnologies = technologies
    useCaseFlags = flags
    useCaseBit = useCaseBits
    context = pack.context.map {
      ContextConditions(
        publicSector: $0.applies.publicSector, flags: set($0.applies.flags, flagBit),
        whenInfersEmotions: set($0.applies.whenInfersEmotions, flagBit),
        always: $0.applies.flags.isEmpty && $0.applies.whenInfersEmotions.isEmpty)
    }
    contextSeverity = pack.context.map(\.severity)
    contextCanClarify = pack.context.map { $0.clarify != nil }
    let contextPosition = positions(pack.context.map(\.id))
    self.contextPosition = contextPosition
    var sectors: [String: Bool] = [:]
    for s in pack.info.sectors where sectors[s.id] == nil { sectors[s.id] = s.public }
    publicSector = sectors
    let questionPosition = firstPosition
    let findingCount = self.findingCount
    actionIDs = pack.actions.map(\.id)
    actionIDsRepeat = Set(actionIDs).count != actionIDs.count
    var ruleMatches: [[AnswerMatch]] = []
    rules = pack.actions.map { action in
      action.triggers.map { trigger in
        switch trigger {
        case .finding(let id, let min): return .finding(
            findingSlot[id].flatMap { $0 < findingCount ? $0 : nil }, min: min, exactMin: min.map(ExactScore.init(decimal:)))
        case .answer(let question, let matches):
          ruleMatches.append(matches)
          return .answer(questionPosition[question], matches: ruleMatches.count - 1)
        case .flag(let id): return .flag(contextPosition[id])
        case .clarify(let id): return .clarify(contextPosition[id])
        }
      }
    }
    self.ruleMatches = ruleMatches
    ruleIDs = pack.actions.map { action in
      action.triggers.map { trigger in
        switch trigger {
        case .finding(let id, _), .answer(let id, _), .flag(let id), .clarify(let id): id
        }
      }
    }
    pointScores = pack.info.scale.map { Double($0.value) }
    bands = pack.info.bands
    riskModerate = bands.risk.exactModerate
    opportunityModerate = bands.opportunity.exactModerate
  }

  private static func applicability(
    _ q: Question, _ pack: ContentPack, _ technologyBit: [String: Int], _ useCaseBit: [String: Int]
  ) -> Applicability {
    func set(_ ids: [String], _ bit: [String: Int]) -> BitSet { BitSet(ids.compactMap { bit[$0] }) }
    let own = q.measures.compactMap { pack.finding($0.finding)?.technology }
    return Applicability(
      retired: q.retired != nil, scored: q.isScored, technologies: set(q.applies.technologies, technologyBit),
      useCases: set(q.applies.useCases, useCaseBit), own: set(own, technologyBit), hasOwn: !own.isEmpty)
  }

  /// Whether `scope` admits `question` at some depth, by the question's own restrictions.
  func admits(_ question: Question, _ pack: ContentPack, scope: [ScopeItem]) -> Bool {
    let (technologies, useCases) = masks(scope)
    return Self.applicability(question, pack, technologyBit, useCaseBits)
      .admits(technologies: technologies, useCases: useCases)
  }

  /// The score of scale point `point` on the pack's scale; a point off the scale counts 25 a step.
  func score(_ point: Int) -> Double {
    guard point >= 1, point <= pointScores.count else { return Double((point - 1) * 25) }
    return pointScores[point - 1]
  }

  /// The technologies and use cases of `scope`, as bit sets.
  func masks(_ scope: [ScopeItem]) -> (technologies: BitSet, useCases: BitSet) {
    var technologies = BitSet()
    var useCases = BitSet()
    for item in scope {
      if let t = useCaseTechnologies[item.useCase] { technologies.formUnion(t) }
      if let bit = useCaseBit[item.useCase] { useCases.insert(bit) }
    }
    return (technologies, useCases)
  }

  /// Which questions `scope` admits at any depth, by position.
  ///
  /// A session that records no scope (a hand-written file) admits every statement not retired. A
  /// screening statement is admitted only where every finding it measures has a full statement
  /// admitted, so that narrowing the full statements narrows the quick scan too.
  func admitted(_ scope: [ScopeItem]?) -> [Bool] {
    var admitted: [Bool]
    if let scope {
      let (technologies, useCases) = masks(scope)
      admitted = applicability.map { $0.admits(technologies: technologies, useCases: useCases) }
    } else {
      admitted = applicability.map { !$0.retired }
    }
    var measuredInFull = Array(repeating: false, count: slotCount)
    for i in admitted.indices where admitted[i] && !screening[i] {
      for s in measured[i] { measuredInFull[s] = true }
    }
    for i in admitted.indices where admitted[i] && screening[i] {
      admitted[i] = measured[i].allSatisfy { measuredInFull[$0] }
    }
    return admitted
  }

  /// Which questions `depth` asks within `scope`, by position.
  ///
  /// Quick: the screening statements, and the full statements of the findings in `deepened`, with the
  /// sickness-absence statements once anything has been deepened (see docs/method.md). Full: every
  /// statement but the screening ones.
  func asked(_ scope: [ScopeItem]?, at depth: Depth, deepened: some Collection<String>) -> [Bool] {
    var asked = admitted(scope)
    switch depth {
    case .full:
      for i in asked.indices where asked[i] { asked[i] = !screening[i] }
    case .quick:
      var deepenedSlot = Array(repeating: false, count: slotCount)
      for id in deepened { if let s = slotOfFinding[id] { deepenedSlot[s] = true } }
      for i in asked.indices where asked[i] && !screening[i] {
        switch kinds[i] {
        case .absence: asked[i] = !deepened.isEmpty
        case .finding: asked[i] = measured[i].contains { deepenedSlot[$0] }
        }
      }
    }
    return asked
  }
}

/// The one place a pack keeps its scoring index, so each pack compiles it once.
extension ContentPack {
  /// The pack compiled for scoring, built on first use and kept until the pack changes.
  public var scoringIndex: ScoringIndex { derived.value { ScoringIndex(self) } }
}
