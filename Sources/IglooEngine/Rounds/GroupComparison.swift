import IglooContent

/// Workshop groups that assessed the same case, side by side, for the plenary.
///
/// Unlike ``RoundComparison`` there is no before and after: every group is an equal column, and
/// what matters is where they differ. Spreads are taken over the whole-number figures a report
/// prints (rounded down, as everywhere in igloo), so a spread always equals the highest shown
/// figure minus the lowest.
public struct GroupComparison: Sendable {
  /// The fewest and the most groups compared at once.
  public static let groupLimits = 2...8

  /// One figure per group and its spread.
  public struct Row: Sendable, Hashable {
    /// The level or finding id.
    public var id: String
    /// The whole-number figure of each group, in the groups' order; nil where a group has none.
    public var values: [Int?]
    /// The band of each group's figure.
    public var bands: [Band?]

    /// The highest figure minus the lowest, over the groups that have one; nil with fewer than two.
    public var spread: Int? {
      let present = values.compactMap { $0 }
      guard present.count >= 2, let low = present.min(), let high = present.max() else { return nil }
      return high - low
    }
  }

  /// A statement the groups answered differently.
  public struct Statement: Sendable, Hashable {
    /// The question id.
    public var question: String
    /// The finding it measures first, if any.
    public var finding: String?
    /// Each group's effective answer, in the groups' order; nil where a group did not answer.
    public var answers: [EffectiveAnswer?]

    /// The highest score minus the lowest (0–100), over the groups with a scale answer.
    public var spread: Double {
      let scores = answers.compactMap { $0?.score }
      guard let low = scores.min(), let high = scores.max() else { return 0 }
      return high - low
    }
  }

  /// The groups' assessments, in the order given.
  public var groups: [Assessment]
  /// Each group's name: its `about.group`, else the label it was given (e.g. its file name);
  /// a name used twice gets a number, so that no two columns share a heading.
  public var names: [String]
  /// Residual risk (average) per level, in the model's order.
  public var levelRisk: [Row]
  /// Untapped opportunity (average) per level.
  public var levelOpportunity: [Row]
  /// Residual risk per finding some group scored, largest spread first.
  public var findingRisk: [Row]
  /// Untapped opportunity per finding some group scored, largest spread first.
  public var findingOpportunity: [Row]
  /// The statements where the groups differ most, largest spread first; only spreads above zero.
  public var statements: [Statement]
  /// Screening of the risks (average) per level, for groups that did a quick scan; all nil for
  /// groups that assessed in full.
  public var levelScreening: [Row]
  /// Screening per finding only screened by some group (not assessed in full there), largest
  /// spread first: a quick scan's figures, never called a residual risk.
  public var findingScreening: [Row]

  /// Whether any group did a quick scan, so that its screenings are what the plenary compares.
  public var screens: Bool { groups.contains { $0.session.depth == .quick } }

  /// Compares `groups`; `labels` name the groups that have no group name.
  public init(_ groups: [Assessment], labels: [String], pack: ContentPack, topStatements: Int = 5) {
    self.groups = groups
    var names: [String] = []
    for (i, a) in groups.enumerated() {
      let given = a.session.about.group.trimmingCharacters(in: .whitespaces)
      let base = given.isEmpty ? (labels.indices.contains(i) ? labels[i] : "\(i + 1)") : given
      var name = base
      var n = 2
      while names.contains(name) {
        name = "\(base) (\(n))"
        n += 1
      }
      names.append(name)
    }
    self.names = names

    func whole(_ value: Double?) -> Int? { value.map { Int(($0 + 1e-9).rounded(.down)) } }
    levelRisk = pack.levels.map { level in
      let rows = groups.map { a in a.levels.first { $0.id == level.id } }
      return Row(id: level.id, values: rows.map { whole($0?.risk.average) }, bands: rows.map { $0?.risk.band })
    }
    levelOpportunity = pack.levels.map { level in
      let rows = groups.map { a in a.levels.first { $0.id == level.id } }
      return Row(id: level.id, values: rows.map { whole($0?.opportunity.average) }, bands: rows.map { $0?.opportunity.band })
    }
    let order = Dictionary(uniqueKeysWithValues: pack.findings.enumerated().map { ($1.id, $0) })
    func bySpread(_ a: Row, _ b: Row) -> Bool {
      let sa = a.spread ?? -1, sb = b.spread ?? -1
      if sa != sb { return sa > sb }
      return (order[a.id] ?? .max) < (order[b.id] ?? .max)
    }
    findingRisk = pack.findings.compactMap { finding -> Row? in
      let results = groups.map { $0.result(finding.id) }
      guard results.contains(where: { $0?.residualRisk != nil }) else { return nil }
      return Row(id: finding.id, values: results.map { whole($0?.residualRisk) }, bands: results.map { $0?.riskBand })
    }.sorted(by: bySpread)
    findingOpportunity = pack.findings.compactMap { finding -> Row? in
      let results = groups.map { $0.result(finding.id) }
      guard results.contains(where: { $0?.untapped != nil }) else { return nil }
      return Row(id: finding.id, values: results.map { whole($0?.untapped) }, bands: results.map { $0?.opportunityBand })
    }.sorted(by: bySpread)
    levelScreening = pack.levels.map { level in
      let rows = groups.map { a in a.levels.first { $0.id == level.id }?.screening?.risk }
      return Row(id: level.id, values: rows.map { whole($0?.average) }, bands: rows.map { $0?.band })
    }
    // A group that assessed a finding in full has a residual risk for it above; its screening
    // column stays empty here, so that one figure never stands for the other.
    findingScreening = pack.findings.compactMap { finding -> Row? in
      let screenings = groups.map { a in a.result(finding.id).flatMap { $0.hasFullFigure ? nil : $0.screening } }
      guard screenings.contains(where: { $0?.value != nil }) else { return nil }
      return Row(id: finding.id, values: screenings.map { whole($0?.value) }, bands: screenings.map { $0?.band })
    }.sorted(by: bySpread)

    var seen = Set<String>()
    var questions: [Question] = []
    for a in groups {
      for q in a.session.applicableQuestions(pack) where !q.isAbsence && !seen.contains(q.id) {
        seen.insert(q.id)
        questions.append(q)
      }
    }
    let questionOrder = Dictionary(uniqueKeysWithValues: pack.questions.enumerated().map { ($1.id, $0) })
    statements = questions.map { q in
      Statement(
        question: q.id, finding: pack.leadFinding(of: q)?.id,
        answers: groups.map { $0.session.effectiveAnswer(q.id, pack) })
    }
    .filter { $0.spread > 0 }
    .sorted { a, b in
      a.spread != b.spread ? a.spread > b.spread : (questionOrder[a.question] ?? .max) < (questionOrder[b.question] ?? .max)
    }
    statements = Array(statements.prefix(topStatements))
  }
}
