import IglooContent

/// What a roll-up keeps of one session's assessment: the average residual risk and untapped
/// opportunity per level and overall, and the actions suggested.
struct RollUpFigures: Equatable {
  /// Per level of the pack, in its order.
  var levelRisk: [Double?]
  /// Per level of the pack, in its order.
  var levelOpportunity: [Double?]
  /// The overall row's average residual risk.
  var overallRisk: Double?
  /// The overall row's average untapped opportunity.
  var overallOpportunity: Double?
  /// The ids of the suggested actions, each once, in the pack's order.
  var suggested: [String]

  /// The figures of a computed assessment, for the levels `levels` (by id): the reference the
  /// roll-up scorer must agree with.
  init(_ a: Assessment, levels: [String]) {
    levelRisk = levels.map { level in a.levels.first { $0.id == level }?.risk.average }
    levelOpportunity = levels.map { level in a.levels.first { $0.id == level }?.opportunity.average }
    overallRisk = a.overall.risk.average
    overallOpportunity = a.overall.opportunity.average
    let ids = Set(a.recommendations.map(\.action.id))
    var seen: Set<String> = []
    suggested = a.pack.actions.map(\.id).filter { ids.contains($0) && seen.insert($0).inserted }
  }

  /// No figures yet, for `levels` levels.
  init(levels: Int) {
    levelRisk = Array(repeating: nil, count: levels)
    levelOpportunity = Array(repeating: nil, count: levels)
    suggested = []
  }
}

/// Scores sessions for a roll-up over the pack laid out by position, once per tally (issue 17).
///
/// ``Assessment`` works with question and finding values and dictionaries keyed by id, and builds
/// every reason of every suggestion; a roll-up of 100,000 sessions reads a dozen figures of each.
/// This scorer does the same arithmetic over positions and bit masks, with buffers kept from one
/// session to the next, and only asks whether each action is suggested. It follows
/// `Session.questions(_:at:deepened:)`, `Assessment.init`, `Assessment.screened` and
/// `Recommender.recommend` step for step, with the exact fractions summed in the same order, so that
/// every figure is the same bit for bit (StreamingAggregationTests compares them session by session).
struct RollUpScorer: Sendable {
  private struct QuestionInfo: Sendable {
    var id: String
    var retired: Bool
    var screening: Bool
    var finding: Bool
    var absence: Bool
    var reversed: Bool
    var technologies: UInt64
    var useCases: UInt64
    /// The technologies of the findings it measures, and whether it measures any known finding.
    var own: UInt64
    var hasOwn: Bool
    /// The finding slots of its measures, in order (repeats kept).
    var measured: [Int]
  }

  private enum Rule: Sendable {
    case finding(Int?, min: Double?)
    case answer(Int?, [AnswerMatch])
    case flag(String)
    case clarify(String)
  }

  private let questions: [QuestionInfo]
  private let questionPosition: [String: Int]
  /// Finding slots: the pack's findings first, then any other id a measure names.
  private let slotOfFinding: [String: Int]
  private let findingCount: Int
  private let polarity: [Polarity]
  /// Per finding, the levels (by position) whose row it counts in.
  private let levelsOfFinding: [[Int]]
  private let levelCount: Int
  /// Per finding and role (in `MeasureRole.allCases` order), the scored questions measuring it.
  private let roleItems: [[[Int]]]
  /// Per finding, the screening statements measuring it, each once.
  private let screeningItems: [[Int]]
  /// Per finding, the other statements measuring it.
  private let fullItems: [[Int]]
  private let useCaseBit: [String: Int]
  /// Per use case of the pack, its technologies and flags as masks.
  private let useCaseTechnologies: [String: UInt64]
  private let useCaseFlags: [String: UInt64]
  private let allTechnologies: UInt64
  private let contextItems: [
    (id: String, publicSector: Bool?, flags: UInt64, always: Bool, conditional: UInt64, canClarify: Bool)
  ]
  private let publicSector: [String: Bool]
  private let rules: [[Rule]]
  private let actionIDs: [String]
  /// Whether two actions share an id, which then counts once.
  private let repeatsIDs: Bool
  private let pointScores: [Double]
  private let scaleCount: Int
  private let bands: Bands
  private let riskModerate: ExactScore
  private let opportunityModerate: ExactScore

  /// Whether the pack fits the masks (at most 64 technologies, use cases and flags); otherwise the
  /// roll-up scores with ``Assessment``.
  let usable: Bool

  // Buffers reused from session to session.
  private var asked: [Bool]
  private var admitted: [Bool]
  private var measuredInFull: [Bool]
  private var deepened: [Bool]
  private var hasAnswer: [Bool]
  private var score: [Double?]
  private var dontKnow: [Bool]
  private var notRelevant: [Bool]
  private var exactRisk: [ExactScore?]
  private var exactUntapped: [ExactScore?]
  private var screeningValue: [Double?]
  private var assessedScreened: [Bool]
  private var hasResult: [Bool]
  private var fired: [Bool]
  private var voiceAnswers: [[String: Answer]?] = []
  private var scores: [Double] = []
  private var answered: [ExactScore] = []

  init(_ pack: ContentPack) {
    var bits = true
    func index(_ ids: [String]) -> [String: Int] {
      var out: [String: Int] = [:]
      for id in ids where out[id] == nil { out[id] = out.count }
      if out.count > 64 { bits = false }
      return out
    }
    let technologyBit = index(
      pack.technologies.map(\.id) + pack.useCases.flatMap(\.technologies) + pack.questions.flatMap(\.applies.technologies)
        + pack.findings.map(\.technology))
    let useCaseBits = index(pack.useCases.map(\.id) + pack.questions.flatMap(\.applies.useCases))
    useCaseBit = useCaseBits
    let flagBit = index(pack.useCases.flatMap(\.flags) + pack.context.flatMap(\.applies.flags))
    func mask(_ ids: [String], _ bit: [String: Int]) -> UInt64 {
      ids.reduce(0) { m, id in bit[id].map { $0 < 64 ? m | 1 << UInt64($0) : m } ?? m }
    }
    var slots: [String: Int] = [:]
    for f in pack.findings where slots[f.id] == nil { slots[f.id] = slots.count }
    for q in pack.questions { for m in q.measures where slots[m.finding] == nil { slots[m.finding] = slots.count } }
    slotOfFinding = slots
    findingCount = pack.findings.count
    allTechnologies = mask(pack.technologies.map(\.id), technologyBit)
    var position: [String: Int] = [:]
    questions = pack.questions.enumerated().map { i, q in
      if position[q.id] == nil { position[q.id] = i }
      let own = q.measures.compactMap { pack.finding($0.finding)?.technology }
      return QuestionInfo(
        id: q.id, retired: q.retired != nil, screening: q.isScreening, finding: q.isScored, absence: q.isAbsence,
        reversed: q.reversed, technologies: mask(q.applies.technologies, technologyBit), useCases: mask(q.applies.useCases, useCaseBits),
        own: mask(own, technologyBit), hasOwn: !own.isEmpty, measured: q.measures.map { slots[$0.finding]! })
    }
    questionPosition = position
    polarity = pack.findings.map(\.polarity)
    levelCount = pack.levels.count
    levelsOfFinding = pack.findings.map { f in pack.levels.indices.filter { pack.levels[$0].id == f.level } }
    var roleItems = Array(repeating: Array(repeating: [Int](), count: MeasureRole.allCases.count), count: pack.findings.count)
    var screeningItems = Array(repeating: [Int](), count: pack.findings.count)
    var fullItems = Array(repeating: [Int](), count: pack.findings.count)
    for (i, q) in pack.questions.enumerated() {
      var seen: Set<Int> = []
      for m in q.measures {
        let slot = slots[m.finding]!
        guard slot < pack.findings.count else { continue }
        if q.isScored { roleItems[slot][MeasureRole.allCases.firstIndex(of: m.role)!].append(i) }
        guard seen.insert(slot).inserted else { continue }
        if q.isScreening { screeningItems[slot].append(i) } else { fullItems[slot].append(i) }
      }
    }
    self.roleItems = roleItems
    self.screeningItems = screeningItems
    self.fullItems = fullItems
    useCaseTechnologies = Dictionary(pack.useCases.map { ($0.id, mask($0.technologies, technologyBit)) }, uniquingKeysWith: { a, _ in a })
    useCaseFlags = Dictionary(pack.useCases.map { ($0.id, mask($0.flags, flagBit)) }, uniquingKeysWith: { a, _ in a })
    contextItems = pack.context.map {
      (
        id: $0.id, publicSector: $0.applies.publicSector, flags: mask($0.applies.flags, flagBit),
        always: $0.applies.flags.isEmpty && $0.applies.whenInfersEmotions.isEmpty,
        conditional: mask($0.applies.whenInfersEmotions, flagBit), canClarify: $0.clarify != nil
      )
    }
    var sectors: [String: Bool] = [:]
    for s in pack.info.sectors where sectors[s.id] == nil { sectors[s.id] = s.public }
    publicSector = sectors
    rules = pack.actions.map { action in
      action.triggers.map { trigger in
        switch trigger {
        case .finding(let id, let min): .finding(slots[id].flatMap { $0 < pack.findings.count ? $0 : nil }, min: min)
        case .answer(let question, let matches): .answer(position[question], matches)
        case .flag(let id): .flag(id)
        case .clarify(let id): .clarify(id)
        }
      }
    }
    actionIDs = pack.actions.map(\.id)
    repeatsIDs = Set(actionIDs).count != actionIDs.count
    let scale = pack.info.scale
    scaleCount = scale.count
    pointScores = scale.map { Double($0.value) }
    bands = pack.info.bands
    riskModerate = bands.risk.exactModerate
    opportunityModerate = bands.opportunity.exactModerate
    usable = bits

    let nq = pack.questions.count
    let nf = pack.findings.count
    asked = Array(repeating: false, count: nq)
    admitted = Array(repeating: false, count: nq)
    measuredInFull = Array(repeating: false, count: slots.count)
    deepened = Array(repeating: false, count: slots.count)
    hasAnswer = Array(repeating: false, count: nq)
    score = Array(repeating: nil, count: nq)
    dontKnow = Array(repeating: false, count: nq)
    notRelevant = Array(repeating: false, count: nq)
    exactRisk = Array(repeating: nil, count: nf)
    exactUntapped = Array(repeating: nil, count: nf)
    screeningValue = Array(repeating: nil, count: nf)
    assessedScreened = Array(repeating: false, count: nf)
    hasResult = Array(repeating: false, count: nf)
    fired = Array(repeating: false, count: pack.actions.count)
  }

  /// The score of scale point `point`, as `Session.score(_:_:)` gives it.
  private func pointScore(_ point: Int) -> Double {
    guard point >= 1, point <= scaleCount else { return Double((point - 1) * 25) }
    return pointScores[point - 1]
  }

  /// The roll-up's figures of `session`.
  mutating func figures(_ session: Session) -> RollUpFigures {
    markAsked(session)
    markAnswers(session)
    scoreFindings(session)
    var out = RollUpFigures(levels: levelCount)
    var levelRisk = Array(repeating: (ExactScore.zero, 0), count: levelCount)
    var levelOpportunity = levelRisk
    var overallRisk = (ExactScore.zero, 0)
    var overallOpportunity = (ExactScore.zero, 0)
    for f in 0..<findingCount where hasResult[f] {
      if polarity[f].hasRisk, let v = exactRisk[f] {
        for l in levelsOfFinding[f] { levelRisk[l] = (levelRisk[l].0 + v, levelRisk[l].1 + 1) }
        overallRisk = (overallRisk.0 + v, overallRisk.1 + 1)
      }
      if polarity[f].hasOpportunity, let v = exactUntapped[f] {
        for l in levelsOfFinding[f] { levelOpportunity[l] = (levelOpportunity[l].0 + v, levelOpportunity[l].1 + 1) }
        overallOpportunity = (overallOpportunity.0 + v, overallOpportunity.1 + 1)
      }
    }
    // As ExactScore.mean: the sum in the pack's order over the count, then one conversion.
    func mean(_ s: (ExactScore, Int)) -> Double? { s.1 == 0 ? nil : (s.0 / s.1).double }
    out.levelRisk = levelRisk.map(mean)
    out.levelOpportunity = levelOpportunity.map(mean)
    out.overallRisk = mean(overallRisk)
    out.overallOpportunity = mean(overallOpportunity)
    out.suggested = suggested(session)
    return out
  }

  /// `asked[q]`: question `q` is applicable (`Session.questions(_:at:deepened:)`).
  private mutating func markAsked(_ session: Session) {
    let n = questions.count
    if let scope = session.scope {
      var technologies: UInt64 = 0
      var useCases: UInt64 = 0
      for item in scope {
        if let t = useCaseTechnologies[item.useCase] { technologies |= t }
        if let bit = useCaseBit[item.useCase] { useCases |= 1 << UInt64(bit) }
      }
      for i in 0..<n {
        let q = questions[i]
        var ok = !q.retired
        if ok, q.technologies != 0, technologies & q.technologies == 0 { ok = false }
        if ok, q.useCases != 0, useCases & q.useCases == 0 { ok = false }
        if ok, q.technologies == 0, q.useCases == 0, q.finding, q.hasOwn, technologies & q.own == 0 { ok = false }
        admitted[i] = ok
      }
    } else {
      for i in 0..<n { admitted[i] = !questions[i].retired }
    }
    for s in measuredInFull.indices { measuredInFull[s] = false }
    for i in 0..<n where admitted[i] && !questions[i].screening {
      for s in questions[i].measured { measuredInFull[s] = true }
    }
    for i in 0..<n where admitted[i] && questions[i].screening {
      admitted[i] = questions[i].measured.allSatisfy { measuredInFull[$0] }
    }
    switch session.depth {
    case .full:
      for i in 0..<n { asked[i] = admitted[i] && !questions[i].screening }
    case .quick:
      for s in deepened.indices { deepened[s] = false }
      for id in session.deepened { if let s = slotOfFinding[id] { deepened[s] = true } }
      let anyDeepened = !session.deepened.isEmpty
      for i in 0..<n {
        let q = questions[i]
        asked[i] = admitted[i] && (q.screening || (q.absence ? anyDeepened : q.measured.contains { deepened[$0] }))
      }
    }
  }

  /// The effective answer of every applicable question (`Session.effectiveAnswer`), notes aside.
  private mutating func markAnswers(_ session: Session) {
    voiceAnswers.removeAll(keepingCapacity: true)
    for voice in session.voices { voiceAnswers.append(session.answers[voice.id]) }
    let agreed = session.agreed
    for i in questions.indices {
      hasAnswer[i] = false
      guard asked[i] else { continue }
      let id = questions[i].id
      if !agreed.isEmpty, let a = agreed[id] {
        hasAnswer[i] = true
        score[i] = a.point.map(pointScore)
        dontKnow[i] = a.value == .dontKnow
        notRelevant[i] = a.value == .notRelevant
        continue
      }
      scores.removeAll(keepingCapacity: true)
      var given = 0
      var anyDontKnow = false
      for answers in voiceAnswers {
        guard let a = answers?[id] else { continue }
        given += 1
        switch a.value {
        case .point(let p): scores.append(pointScore(p))
        case .dontKnow: anyDontKnow = true
        case .notRelevant: break
        }
      }
      guard given > 0 else { continue }
      hasAnswer[i] = true
      if !scores.isEmpty {
        if scores.count > 1 { scores.sort() }
        let mid = scores.count / 2
        score[i] = scores.count % 2 == 1 ? scores[mid] : (scores[mid - 1] + scores[mid]) / 2
        dontKnow[i] = false
        notRelevant[i] = false
      } else {
        score[i] = nil
        dontKnow[i] = anyDontKnow
        notRelevant[i] = !anyDontKnow
      }
    }
  }

  /// A scale's exact figure over the applicable ones of `items` (`Assessment.scale`): nil with no
  /// applicable item, `.some(nil)` with too few answers.
  private mutating func scale(_ items: [Int]) -> ExactScore?? {
    var any = false
    var total = 0
    answered.removeAll(keepingCapacity: true)
    for q in items where asked[q] {
      any = true
      if hasAnswer[q] && notRelevant[q] { continue }
      total += 1
      if hasAnswer[q], let s = score[q] {
        let points = ExactScore(decimal: s)
        answered.append(questions[q].reversed ? .hundred - points : points)
      }
    }
    guard any else { return nil }
    let enough = total > 0 && answered.count * 2 >= total
    return .some(enough ? ExactScore.mean(answered) : nil)
  }

  /// Each finding's residual risk, untapped opportunity, screening and depth (`Assessment.score`
  /// and `Assessment.screened`).
  private mutating func scoreFindings(_ session: Session) {
    for f in 0..<findingCount {
      let roles = roleItems[f]
      hasResult[f] = roles.contains { $0.contains { asked[$0] } }
      exactRisk[f] = nil
      exactUntapped[f] = nil
      screeningValue[f] = nil
      assessedScreened[f] = false
      guard hasResult[f] else { continue }
      let p = polarity[f]
      if p.hasRisk, let e = scale(roles[0]) ?? nil, let m = scale(roles[1]) ?? nil {
        exactRisk[f] = e * (.hundred - m) / 100
      }
      if p.hasOpportunity, let pv = scale(roles[2]) ?? nil, let rv = scale(roles[3]) ?? nil {
        exactUntapped[f] = pv * (.hundred - rv) / 100
      }
      var answeredInFull = false
      for q in fullItems[f] where asked[q] && hasAnswer[q] {
        answeredInFull = true
        break
      }
      var screenedAnswer = false
      for q in screeningItems[f] where asked[q] && hasAnswer[q] {
        screenedAnswer = true
        break
      }
      if let s = scale(screeningItems[f]) { screeningValue[f] = s?.double }
      assessedScreened[f] = !answeredInFull && screenedAnswer
    }
  }

  /// The ids of the actions `Recommender.recommend` suggests, in the pack's order, each once.
  private mutating func suggested(_ session: Session) -> [String] {
    var flags: (own: Set<String>, clarify: Set<String>)?
    var out: [String] = []
    for a in rules.indices {
      fired[a] = false
      for rule in rules[a] {
        switch rule {
        case .finding(let slot, let min):
          guard let f = slot, hasResult[f] else { continue }
          let riskMin = min.map(ExactScore.init(decimal:)) ?? riskModerate
          let opportunityMin = min.map(ExactScore.init(decimal:)) ?? opportunityModerate
          if let risk = exactRisk[f], risk >= riskMin {
            fired[a] = true
          } else if polarity[f] == .opportunity || (polarity[f] == .both && exactRisk[f] == nil),
            let untapped = exactUntapped[f], untapped >= opportunityMin
          {
            fired[a] = true
          } else if assessedScreened[f], exactRisk[f] == nil, exactUntapped[f] == nil, let value = screeningValue[f] {
            let opportunity = polarity[f] == .opportunity
            if value >= (min ?? Screening.thresholds(opportunity: opportunity, bands).moderate) { fired[a] = true }
          }
        case .answer(let question, let matches):
          guard let q = question, asked[q], hasAnswer[q] else { continue }
          let hit = matches.contains { m in
            switch m {
            case .dontKnow: dontKnow[q]
            case .value(let v): score[q].map { ExactScore(decimal: $0) == ExactScore(v) } ?? false
            }
          }
          if hit { fired[a] = true }
        case .flag(let id):
          if flags == nil { flags = applyingFlags(session) }
          if flags!.own.contains(id) { fired[a] = true }
        case .clarify(let id):
          if flags == nil { flags = applyingFlags(session) }
          if flags!.clarify.contains(id) { fired[a] = true }
        }
        if fired[a] { break }
      }
    }
    for a in rules.indices where fired[a] { out.append(actionIDs[a]) }
    if repeatsIDs {
      // A repeated action id (no valid pack has one) counts once, as the Set in Tally.add did.
      var seen: Set<String> = []
      out = out.filter { seen.insert($0).inserted }
    }
    return out
  }

  /// The ids of the context items that apply at their own severity, and of those that apply only
  /// as a question to settle (`Assessment.flags`).
  private func applyingFlags(_ session: Session) -> (own: Set<String>, clarify: Set<String>) {
    var scopeFlags: UInt64 = 0
    // The flags of use cases whose scope entry says they infer emotions, and of those where it is open.
    var inferring: UInt64 = 0
    var open: UInt64 = 0
    for item in session.scope ?? [] {
      let flags = useCaseFlags[item.useCase] ?? 0
      scopeFlags |= flags
      switch item.infersEmotions ?? .dontKnow {
      case .yes: inferring |= flags
      case .dontKnow: open |= flags
      case .no: break
      }
    }
    let isPublic = publicSector[session.about.sector]
    var own: Set<String> = []
    var clarify: Set<String> = []
    for item in contextItems {
      if let wanted = item.publicSector, wanted != (isPublic ?? false) { continue }
      if item.always || scopeFlags & item.flags != 0 || inferring & item.conditional != 0 {
        own.insert(item.id)
      } else if open & item.conditional != 0 {
        if item.canClarify { clarify.insert(item.id) } else { own.insert(item.id) }
      }
    }
    return (own, clarify)
  }
}
