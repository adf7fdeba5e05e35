import IglooContent
import IglooEngine

// Each function renders the part of the JSON report that docs/report-json.md documents under the
// same name; keep the two in step.
extension JSONReport {
  static func content(_ r: ReportContext) -> JSONValue {
    .object([
      "id": .string(r.pack.info.id), "version": .string(r.pack.info.version),
      "title": .string(r.pack.info.title[r.language]),
      "session_content": .object(["id": .string(r.session.content.id), "version": .string(r.session.content.version)]),
      "sources": .array(r.pack.info.sources.map { s in
        .object(["id": .string(s.id), "citation": .string(s.citation[r.language])])
      }),
    ])
  }

  static func about(_ r: ReportContext) -> JSONValue {
    let about = r.session.about
    let sector: JSONValue =
      about.sector.isEmpty
      ? .null
      : .object([
        "id": .string(about.sector), "name": .string(r.w.sector(about.sector)),
        "public": r.pack.sector(about.sector).map { .bool($0.public) } ?? .null,
      ])
    let amo = AMOModel(employees: about.employees)
    var fields: [String: JSONValue] = [
      "workplace": .string(about.workplace), "unit": .string(about.unit), "sector": sector,
      "employees": about.employees.map(JSONValue.int) ?? .null,
      "amo_model": .string(amo.rawValue), "amo_text": .string(r.w("amo." + amo.rawValue)),
      "date": .string(about.date),
      "participants": .array(about.participants.map { p in
        .object(["name": .string(p.name), "role": .string(p.role), "role_name": .string(r.w.role(p.role))])
      }),
    ]
    // Only in a workshop, so that an ordinary report's JSON does not change.
    if !about.group.isEmpty { fields["group"] = .string(about.group) }
    if !about.trainingCase.isEmpty { fields["case"] = .string(about.trainingCase) }
    return .object(fields)
  }

  static func progress(_ r: ReportContext) -> JSONValue {
    let p = r.session.progress(r.pack)
    return .object(["answered": .int(p.answered), "total": .int(p.total)])
  }

  static func scope(_ r: ReportContext) -> JSONValue {
    guard let scope = r.session.scope else { return .null }
    return .array(scope.map { item in
      let useCase = r.pack.useCase(item.useCase)
      let benchmark = useCase?.benchmark.flatMap { r.pack.benchmark($0) }
      return .object([
        "use_case": .string(item.useCase), "name": .string(r.w.useCase(item.useCase)),
        "stage": .string(item.stage.rawValue), "stage_name": .string(r.w.stage(item.stage)), "note": .string(item.note),
        "technologies": .strings(useCase?.technologies ?? []), "flags": .strings(useCase?.flags ?? []),
        "benchmark": benchmark.map { b in
          .object([
            "id": .string(b.id), "label": .string(b.label[r.language]), "value": .number(b.value),
            "base": .string(b.base[r.language]), "source": .string(b.source),
            "comparison": .bool(SurveyComparison.applies(to: r.session.about)),
          ])
        } ?? .null,
      ])
    })
  }

  static func band(_ band: Band?) -> JSONValue { .string(band?.rawValue) }

  static func aggregate(_ a: Aggregate, _ r: ReportContext) -> JSONValue {
    .object([
      "average": .number(a.average), "band": band(a.band), "worst": .number(a.worst), "worst_band": band(a.worstBand),
      "worst_finding": .string(a.worstFinding), "worst_finding_title": .string(a.worstFinding.map(r.w.finding)),
      "scored": .int(a.scored), "findings": .int(a.findings),
    ])
  }

  static func row(_ row: ProfileRow, _ name: String, _ r: ReportContext) -> JSONValue {
    .object([
      "id": .string(row.id), "name": .string(name), "risk": aggregate(row.risk, r),
      "opportunity": aggregate(row.opportunity, r), "realised": .number(row.realised),
      "answered": .int(row.answered), "questions": .int(row.questions),
      "screening": row.screening.map { s in
        .object(["risk": aggregate(s.risk, r), "opportunity": aggregate(s.opportunity, r)])
      } ?? .null,
      // A figure of this row rests on a median of voices who disagree (docs/report-json.md).
      "contested": .bool(r.isContested(group: row.id, risk: true) || r.isContested(group: row.id, risk: false)),
    ])
  }

  /// A finding's screening: presence only, never a residual risk or an untapped opportunity.
  static func screening(_ s: Screening?) -> JSONValue {
    guard let s else { return .null }
    return .object([
      "value": .number(s.value), "band": band(s.band), "opportunity": .bool(s.opportunity),
      "items": .int(s.scale.items), "answered": .int(s.scale.answered), "dont_know": .int(s.scale.dontKnow),
    ])
  }

  static func scale(_ s: Scale?) -> JSONValue {
    guard let s else { return .null }
    return .object([
      "value": .number(s.value), "items": .int(s.items), "answered": .int(s.answered), "dont_know": .int(s.dontKnow),
      "gaps": .strings(s.gaps),
    ])
  }

  static func answer(_ a: EffectiveAnswer?, _ r: ReportContext) -> JSONValue {
    guard let a else { return .null }
    return .object([
      "score": .number(a.score), "dont_know": .bool(a.dontKnow), "not_relevant": .bool(a.notRelevant),
      "basis": .string(a.basis.rawValue), "label": .string(r.w.effective(a)), "notes": .strings(a.notes),
    ])
  }

  static func finding(_ f: FindingResult, _ r: ReportContext) -> JSONValue {
    let questions = r.questions(measuring: f.finding.id).map { item -> JSONValue in
      let q = item.question
      return .object([
        "id": .string(q.id), "text": .string(q.text[r.language]), "role": .string(item.role.rawValue),
        "reversed": .bool(q.reversed), "answer": answer(r.session.effectiveAnswer(q.id, r.pack), r),
        "item_score": .number(r.itemScore(q)),
      ])
    }
    return .object([
      "id": .string(f.finding.id), "title": .string(f.finding.title[r.language]),
      "label": .string(f.finding.shortTitle[r.language]), "level": .string(f.finding.level),
      "technology": .string(f.finding.technology), "polarity": .string(f.finding.polarity.rawValue),
      "source": .string(f.finding.source), "summary": .string(f.finding.summary[r.language]),
      "exposure": scale(f.exposure), "mitigation": scale(f.mitigation), "potential": scale(f.potential),
      "realisation": scale(f.realisation), "residual_risk": .number(f.residualRisk), "risk_band": band(f.riskBand),
      "realised": .number(f.realised), "untapped": .number(f.untapped), "opportunity_band": band(f.opportunityBand),
      "transparency_gap": .bool(f.transparencyGap), "not_enough_answers": .bool(f.notEnoughAnswers),
      "priority": .number(f.priority), "questions": .array(questions),
      "realised_band": band(f.realisedBand), "ranks_by": .string(f.rankedBy.rawValue),
      "priority_band": band(f.priorityBand(r.pack.info.bands)), "handling_unknown": .bool(f.handlingUnknown),
      "assessed": .string(f.assessed.rawValue), "screening": screening(f.screening),
      "contested": .bool(r.contested.contains(f.finding.id)),
    ])
  }

  /// One entry of `top_findings`: which finding, what it ranks by, and its figure and band.
  static func topFinding(_ f: FindingResult, _ r: ReportContext) -> JSONValue {
    // A quick scan's finding without a figure from its full statements ranks by its screening, and
    // says so; the same one figure page 1 gives it (ReportBuilder.figure).
    if !f.hasFullFigure && !(f.handlingUnknown && f.askedInFull), let s = f.screening, let value = s.value {
      return .object([
        "finding": .string(f.finding.id), "title": .string(f.finding.title[r.language]),
        "ranks_by": .string("screening"), "figure": .number(value), "band": band(s.band),
        "handling_unknown": .bool(f.handlingUnknown), "opportunity": .bool(s.opportunity),
        "contested": .bool(r.contested.contains(f.finding.id)),
      ])
    }
    return .object([
      "finding": .string(f.finding.id), "title": .string(f.finding.title[r.language]),
      "ranks_by": .string(f.rankedBy.rawValue), "figure": .number(f.priority),
      "band": band(f.priorityBand(r.pack.info.bands)), "handling_unknown": .bool(f.handlingUnknown),
      "contested": .bool(r.contested.contains(f.finding.id)),
    ])
  }

  /// The band thresholds in force, so a reader can check every band against its figure.
  static func bands(_ r: ReportContext) -> JSONValue {
    func thresholds(_ t: BandThresholds) -> JSONValue { .object(["moderate": .number(t.moderate), "high": .number(t.high)]) }
    return .object([
      "risk": thresholds(r.pack.info.bands.risk), "opportunity": thresholds(r.pack.info.bands.opportunity),
      "screening": thresholds(r.pack.info.bands.screening),
    ])
  }

  /// The risks that have no residual risk, each with why.
  static func unscoredRisk(_ u: UnscoredRisk, _ r: ReportContext) -> JSONValue {
    .object([
      "finding": .string(u.finding), "title": .string(r.w.finding(u.finding)), "reason": .string(u.reason.rawValue),
      "handling_unknown": .bool(u.handlingUnknown),
    ])
  }

  static func reason(_ reason: Recommendation.Reason, _ r: ReportContext) -> JSONValue {
    switch reason {
    case .finding(let id, let score, let b, let opportunity):
      return .object([
        "kind": .string("finding"), "finding": .string(id), "score": .number(score), "band": band(b),
        "opportunity": .bool(opportunity), "text": .string(r.w.reason(reason)),
      ])
    case .screening(let id, let score, let b, let opportunity):
      return .object([
        "kind": .string("screening"), "finding": .string(id), "score": .number(score), "band": band(b),
        "opportunity": .bool(opportunity), "text": .string(r.w.reason(reason)),
      ])
    case .answer(let question, let match):
      let value: JSONValue
      switch match {
      case .value(let v): value = .int(v)
      case .dontKnow: value = .string("dont-know")
      }
      return .object([
        "kind": .string("answer"), "question": .string(question), "answer": value, "text": .string(r.w.reason(reason)),
      ])
    case .flag(let id, let severity):
      return .object([
        "kind": .string("flag"), "flag": .string(id), "severity": .string(severity.rawValue),
        "text": .string(r.w.reason(reason)),
      ])
    }
  }

  static func recommendation(_ rec: Recommendation, _ r: ReportContext) -> JSONValue {
    .object([
      "rank": .int(rec.rank), "action": .string(rec.action.id), "title": .string(rec.action.title[r.language]),
      "how": .string(rec.action.how[r.language]), "level": .string(rec.action.level), "owner": .string(rec.action.owner),
      "collective": .bool(rec.action.collective), "source": .string(rec.action.source), "derived": .bool(rec.action.derived),
      "priority": .number(rec.priority),
      "band": band(rec.band), "reasons": .array(rec.reasons.map { reason($0, r) }),
      "priority_is_bound": .bool(rec.priorityIsBound), "prohibited": .bool(rec.prohibited),
    ])
  }

  static func planRow(_ row: PlanRow, _ r: ReportContext) -> JSONValue {
    .object([
      "rank": row.rank.map(JSONValue.int) ?? .null, "status": .string(row.status.rawValue),
      "status_name": .string(r.w.status(row.status)), "action": .string(row.action?.id), "title": .string(row.title),
      "level": .string(row.level), "level_name": .string(r.w.level(row.level)), "responsible": .string(row.responsible),
      "suggested_owner": .string(row.suggestedOwner), "deadline": .string(row.deadline), "how": .string(row.how),
      "follow_up": .string(row.followUp), "evaluation": .string(row.evaluation), "source": .string(row.source),
      "own": .bool(row.isOwn), "reasons": .strings(row.reasons), "missing": .strings(row.missing),
      "own_title": .bool(row.ownTitle), "own_how": .bool(row.ownHow),
    ])
  }

  static func questionRef(_ q: Question, _ r: ReportContext, notes: Bool) -> JSONValue {
    var members: [String: JSONValue] = [
      "question": .string(q.id), "text": .string(q.text[r.language]), "kind": .string(q.kind.rawValue),
      "level": .string(r.pack.level(of: q)), "findings": .strings(q.measures.map(\.finding)),
    ]
    if notes { members["notes"] = .strings(r.session.effectiveAnswer(q.id, r.pack)?.notes ?? []) }
    return .object(members)
  }

  static func disagreement(_ d: Disagreement, _ r: ReportContext) -> JSONValue {
    var points: [String: JSONValue] = [:]
    var labels: [String: JSONValue] = [:]
    for (voice, point) in d.points {
      points[voice] = .int(point)
      labels[voice] = .string(r.w.pointLabel(point))
    }
    return .object([
      "question": .string(d.question), "text": .string(r.w.question(d.question)), "points": .object(points),
      "labels": .object(labels), "spread": .int(d.spread), "resolved": .bool(d.resolved),
      "agreed": .string(r.session.agreed[d.question].map { r.w.answer($0.value) }),
    ])
  }

  static func approval(_ r: ReportContext) -> JSONValue {
    guard let a = r.session.approval else { return .null }
    return .object([
      "date": .string(a.date),
      "by": .array(a.by.map { p in
        .object(["name": .string(p.name), "role": .string(p.role), "role_name": .string(r.w.role(p.role))])
      }),
    ])
  }

  static func flag(_ flag: Flag, _ r: ReportContext) -> JSONValue {
    let item = flag.item
    return .object([
      "id": .string(item.id), "kind": .string(item.kind), "title": .string(flag.title(r.language)),
      "text": .string(item.text[r.language]), "caveat": .string(item.caveat?[r.language]), "source": .string(item.source),
      "use_cases": .strings(flag.useCases), "severity": .string(flag.severity.rawValue),
      "as_of": .string(item.asOf), "applies_from": .string(item.appliesFrom),
    ])
  }
}
