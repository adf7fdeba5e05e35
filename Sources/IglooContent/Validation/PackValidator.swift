/// The checks that span files: references, coverage and completeness.
///
/// Per-field problems (syntax, missing keys, missing translations) are found while loading; this
/// finds what only the whole pack shows, such as a finding no question measures.
public enum PackValidator {
  /// The use-case flags the engine understands.
  public static let knownFlags: Set<String> = [
    "performance-scoring", "monitoring", "task-allocation", "emotion-recognition", "recruitment",
    "biometric-signals", "machinery", "generative-content",
  ]
  /// The kinds of context item.
  public static let knownContextKinds: Set<String> = ["legal", "apv", "agreement", "principle", "prerequisite"]
  /// The stages a use case can be at.
  public static let stages = ["considered", "planned", "pilot", "in-use"]

  /// Every cross-file problem in `loaded`.
  public static func validate(_ loaded: LoadedPack) -> [Diagnostic] {
    let pack = loaded.pack
    var out: [Diagnostic] = []
    func problem(_ kind: String, _ id: String, _ message: String, file: String = "pack.yaml") {
      out.append(Diagnostic(loaded.origin(kind, id, fallbackFile: file), message))
    }
    let levels = Set(pack.levels.map(\.id))
    let technologies = Set(pack.technologies.map(\.id))
    let findings = Dictionary(pack.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let questions = Dictionary(pack.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let useCases = Set(pack.useCases.map(\.id))
    let roles = Set(pack.info.roles.map(\.id))
    // A reference to an entity that exists but could not be read is not a second problem.
    func known(_ kind: String, _ id: String, in present: Set<String>) -> Bool {
      present.contains(id) || loaded.unreadable.contains("\(kind):\(id)")
    }
    let findingIDs = Set(findings.keys)
    let questionIDs = Set(questions.keys)
    let scaleValues = Set(pack.info.scale.map(\.value))

    for f in pack.findings {
      if !levels.contains(f.level) { problem("finding", f.id, "finding `\(f.id)` names unknown level `\(f.level)`") }
      if !technologies.contains(f.technology) {
        problem("finding", f.id, "finding `\(f.id)` names unknown technology `\(f.technology)`")
      }
      if !f.source.hasPrefix("Kapitel ") {
        problem("finding", f.id, "finding `\(f.id)` has source `\(f.source)`; name a section of the report, e.g. `Kapitel 2 › Maskinlæring › Individ`")
      }
      let roleSet = Set(pack.questions(measuring: f.id).map(\.role))
      var needed: [MeasureRole] = []
      if f.polarity.hasRisk { needed += [.exposure, .mitigation] }
      if f.polarity.hasOpportunity { needed += [.potential, .realisation] }
      if roleSet.isEmpty {
        problem("finding", f.id, "finding `\(f.id)` has no questions")
      } else {
        for role in needed where !roleSet.contains(role) {
          problem("finding", f.id, "\(f.polarity.rawValue) finding `\(f.id)` has no \(role.rawValue) question")
        }
        // The quick scan asks one screening statement per finding; without one the finding drops out of it.
        if !roleSet.contains(.screening) {
          problem("finding", f.id, "finding `\(f.id)` has no screening statement (role `screening`, see questions/screening.yaml)")
        }
      }
      if f.polarity.hasRisk && !actionCovers(f.id, pack: pack) {
        problem("finding", f.id, "risk finding `\(f.id)` is not triggered by any action")
      }
    }

    for q in pack.questions {
      for m in q.measures where !known("finding", m.finding, in: findingIDs) {
        problem("question", q.id, "question `\(q.id)` measures unknown finding `\(m.finding)`")
      }
      switch q.kind {
      case .finding where q.measures.isEmpty:
        problem("question", q.id, "question `\(q.id)` measures no finding (give `measures`, or `kind: absence`)")
      case .absence where !q.measures.isEmpty:
        problem("question", q.id, "sickness-absence question `\(q.id)` must not be scored into findings")
      case .finding, .absence: break
      }
      if q.measures.contains(where: { $0.role == .screening }) && q.measures.count != 1 {
        problem("question", q.id, "screening statement `\(q.id)` must screen exactly one finding and measure nothing else")
      }
      for t in q.applies.technologies where !technologies.contains(t) {
        problem("question", q.id, "question `\(q.id)` names unknown technology `\(t)`")
      }
      for u in q.applies.useCases where !known("use case", u, in: useCases) {
        problem("question", q.id, "question `\(q.id)` names unknown use case `\(u)`")
      }
      if let r = q.retired, !r.contains(#/^\d{4}-\d{2}-\d{2}: ./#) {
        problem("question", q.id, "question `\(q.id)` is retired without a date and a reason (`retired: \"YYYY-MM-DD: why\"`)")
      }
    }

    for a in pack.actions {
      if a.triggers.isEmpty { problem("action", a.id, "action `\(a.id)` has no trigger") }
      if !levels.contains(a.level) { problem("action", a.id, "action `\(a.id)` names unknown level `\(a.level)`") }
      if !roles.contains(a.owner) { problem("action", a.id, "action `\(a.id)` names unknown owner role `\(a.owner)`") }
      for t in a.triggers {
        switch t {
        case .finding(let id, let min):
          if !known("finding", id, in: findingIDs) { problem("action", a.id, "action `\(a.id)` is triggered by unknown finding `\(id)`") }
          if let min, !(0...100).contains(min) { problem("action", a.id, "action `\(a.id)` has a trigger minimum \(min) outside 0–100") }
        case .answer(let id, let answers):
          if !known("question", id, in: questionIDs) { problem("action", a.id, "action `\(a.id)` is triggered by unknown question `\(id)`") }
          if pack.questions.first(where: { $0.id == id })?.retired != nil {
            problem("action", a.id, "action `\(a.id)` is triggered by retired question `\(id)`, which is never asked")
          }
          for case .value(let v) in answers where !scaleValues.contains(v) {
            problem("action", a.id, "action `\(a.id)` matches answer \(v), which is not on the scale")
          }
        case .flag(let id):
          if !pack.context.contains(where: { $0.id == id }) {
            problem("action", a.id, "action `\(a.id)` is triggered by unknown context item `\(id)`")
          }
        case .clarify(let id):
          if let item = pack.context.first(where: { $0.id == id }) {
            if item.applies.whenInfersEmotions.isEmpty || item.clarify == nil {
              problem("action", a.id, "action `\(a.id)` is triggered by `clarify: \(id)`, which never applies as a question (no `when_infers_emotions` and `clarify`)")
            }
          } else {
            problem("action", a.id, "action `\(a.id)` is triggered by unknown context item `\(id)`")
          }
        }
      }
    }

    for u in pack.useCases {
      if u.technologies.isEmpty { problem("use case", u.id, "use case `\(u.id)` names no technology") }
      for t in u.technologies where !technologies.contains(t) {
        problem("use case", u.id, "use case `\(u.id)` names unknown technology `\(t)`")
      }
      for f in u.flags where !knownFlags.contains(f) {
        problem("use case", u.id, "use case `\(u.id)` has unknown flag `\(f)`")
      }
      if let b = u.benchmark, pack.benchmark(b) == nil {
        problem("use case", u.id, "use case `\(u.id)` names unknown benchmark `\(b)`")
      }
    }

    for c in pack.context {
      if !knownContextKinds.contains(c.kind) {
        problem("context item", c.id, "context item `\(c.id)` has unknown kind `\(c.kind)`")
      }
      for f in c.applies.flags where !knownFlags.contains(f) {
        problem("context item", c.id, "context item `\(c.id)` has unknown flag `\(f)`")
      }
    }

    // Every finding has a question to management, so that no "ved ikke" answer is left without one;
    // a legal basis names a legal or agreement item, never a principle.
    let asked = Set(pack.managementQuestions.flatMap(\.findings))
    if !pack.managementQuestions.isEmpty {
      for f in pack.findings where !asked.contains(f.id) {
        problem("finding", f.id, "finding `\(f.id)` has no question to management (management-questions.yaml)")
      }
    }
    for m in pack.managementQuestions {
      for f in m.findings where !known("finding", f, in: findingIDs) {
        problem("management question", m.id, "management question `\(m.id)` names unknown finding `\(f)`")
      }
      for s in m.statements where !known("question", s, in: questionIDs) {
        problem("management question", m.id, "management question `\(m.id)` names unknown statement `\(s)`")
      }
      for f in m.flags where !knownFlags.contains(f) {
        problem("management question", m.id, "management question `\(m.id)` has unknown flag `\(f)`")
      }
      for b in m.basis {
        guard let item = pack.contextItem(b) else {
          problem("management question", m.id, "management question `\(m.id)` names unknown context item `\(b)` as its basis")
          continue
        }
        if !["legal", "agreement", "apv"].contains(item.kind) {
          problem("management question", m.id, "management question `\(m.id)` names `\(b)` as its basis, which is a \(item.kind), not a rule")
        }
      }
      if m.source.allSatisfy(\.isWhitespace) {
        problem("management question", m.id, "management question `\(m.id)` has no source")
      }
    }

    for c in pack.cases {
      for f in c.findings where pack.finding(f) == nil {
        problem("case", c.id, "training case `\(c.id)` names unknown finding `\(f)`")
      }
      if pack.sector(c.sector) == nil { problem("case", c.id, "training case `\(c.id)` names unknown sector `\(c.sector)`") }
      for s in c.scope {
        if !known("use case", s.useCase, in: useCases) { problem("case", c.id, "training case `\(c.id)` names unknown use case `\(s.useCase)`") }
        if !stages.contains(s.stage) {
          problem("case", c.id, "training case `\(c.id)` has stage `\(s.stage)`; use \(stages.joined(separator: ", "))")
        }
      }
    }

    for level in ["individual", "group", "leadership", "organisation", "context"] where !levels.isEmpty && !levels.contains(level) {
      out.append(Diagnostic(Origin(file: "levels.yaml", line: 1), "the IGLOO level `\(level)` is missing"))
    }
    return out
  }

  /// Whether some action fires for `finding`, directly or through a question that measures it.
  public static func actionCovers(_ finding: String, pack: ContentPack) -> Bool {
    let measuring = Set(pack.questions(measuring: finding).map(\.question.id))
    return pack.actions.contains { action in
      action.triggers.contains {
        switch $0 {
        case .finding(let id, _): id == finding
        case .answer(let q, _): measuring.contains(q)
        case .flag, .clarify: false
        }
      }
    }
  }
}
