import Foundation
import IglooContent
import IglooEngine

/// The full computed result as JSON, for other tools: every figure the Markdown report shows,
/// unrounded, plus the ids that tie it back to the content pack.
///
/// The fields are documented one by one in `docs/report-json.md`. Keys are sorted and the
/// layout is fixed, so the same session gives the same bytes.
public enum JSONReport {
  /// The version of the layout below; raised when a field changes meaning or disappears.
  public static let schemaVersion = 2

  /// Renders `assessment`, with names and texts in `language`, as UTF-8 JSON ending in a newline;
  /// with `part: .summary`, only the members the summary shows.
  public static func render(
    _ assessment: Assessment, language: Language, part: ReportPart = .all, minutes: Int = defaultMeetingMinutes
  ) -> Data {
    switch part {
    case .questions: return Data(questionsValue(assessment, language).serialized.utf8)
    case .agenda: return Data(agendaValue(assessment, language, minutes: minutes).serialized.utf8)
    case .all, .summary: break
    }
    let whole = value(assessment, language)
    return Data((part == .summary ? summary(whole, assessment, language) : whole).serialized.utf8)
  }

  /// The members of the summary: who, scope, depth, the profile, the top findings, the flags,
  /// the action plan and the approval; `part` says it is the summary.
  static let summaryMembers: Set<String> = [
    "schema", "schema_version", "language", "content", "about", "voices", "progress", "scope", "depth", "profile",
    "top_findings", "findings", "action_plan", "individual_warning", "flags", "approval", "fingerprint",
    "questions_to_management",
  ]

  /// The summary cut from the whole report's `value`; the findings are only the top ones.
  static func summary(_ whole: JSONValue, _ assessment: Assessment, _ language: Language) -> JSONValue {
    guard case .object(var members) = whole else { return whole }
    members = members.filter { summaryMembers.contains($0.key) }
    let r = ReportContext(assessment, language)
    let top = Set(assessment.summaryFindings(5).map(\.finding.id))
    members["findings"] = .array(assessment.findings.filter { top.contains($0.finding.id) }.map { finding($0, r) })
    members["action_plan"] = .array(r.plan.filter { $0.rank != nil }.map { planRow($0, r) })
    if members["depth"] == nil { members["depth"] = .string(assessment.session.depth.rawValue) }
    if members["approval"] == nil { members["approval"] = approval(r) }
    members["part"] = .string(ReportPart.summary.rawValue)
    return .object(members)
  }

  /// The report as a JSON value, before serialisation; tests read it without parsing text.
  static func value(_ assessment: Assessment, _ language: Language) -> JSONValue {
    let r = ReportContext(assessment, language)
    let a = assessment
    return .object([
      "schema": .string("igloo-report"),
      "schema_version": .int(schemaVersion),
      "language": .string(language.rawValue),
      "content": content(r),
      "about": about(r),
      "voices": .array(r.session.voices.map { v in
        let progress = r.session.progress(of: v.id, r.pack)
        return .object([
          "id": .string(v.id), "name": .string(v.name), "label": .string(r.w.voice(v.id, in: r.session)),
          "answered": .int(progress.answered), "asked": .int(progress.total),
        ])
      }),
      "depth": .string(r.session.depth.rawValue),
      "deepened": .strings(r.session.deepened),
      "progress": progress(r),
      "scope": scope(r),
      "profile": .object([
        "levels": .array(a.levels.map { row($0, r.w.level($0.id), r) }),
        "technologies": .array(a.technologies.map { row($0, r.w.technology($0.id), r) }),
        "overall": row(a.overall, r.w("profile.overall"), r),
      ]),
      "findings": .array(a.findings.map { finding($0, r) }),
      "top_findings": .array(a.summaryFindings(5).map { topFinding($0, r) }),
      "bands": bands(r),
      "unscored_risks": .array(a.unscoredRisks.map { unscoredRisk($0, r) }),
      "recommendations": .array(a.recommendations.map { recommendation($0, r) }),
      "action_plan": .array(r.plan.map { planRow($0, r) }),
      "individual_warning": .bool(a.individualWarning),
      "knowledge_gaps": .array(a.knowledgeGaps.compactMap { r.pack.question($0) }.map { questionRef($0, r, notes: true) }),
      "unanswered": .array(a.unanswered.compactMap { r.pack.question($0) }.map { questionRef($0, r, notes: false) }),
      "disagreements": .array(a.disagreements.map { disagreement($0, r) }),
      "set_aside": .array(a.setAside.map { s in
        .object(["question": .string(s.question), "text": .string(r.w.question(s.question)), "voices": .strings(s.voices)])
      }),
      "absence": .array(a.absence.map { q in
        .object([
          "question": .string(q.id), "text": .string(q.text[language]),
          "answer": answer(r.session.effectiveAnswer(q.id, r.pack), r),
        ])
      }),
      "flags": .array(a.flags.map { flag($0, r) }),
      "approval": r.session.approval.map { a in
        JSONValue.object([
          "by": .array(a.by.map { p in
            .object(["name": .string(p.name), "role": .string(p.role), "role_name": .string(r.w.role(p.role))])
          }),
          "date": .string(a.date),
        ])
      } ?? .null,
      "fingerprint": fingerprint(r.session),
      "questions_to_management": questionsSummary(a),
      "follow_up": .object([
        "next_review": .string(r.session.followUp.nextReview),
        "previous_round": .string(r.session.followUp.previousRound),
        "warnings": .array(a.followUpWarnings.map { w in
          .object(["id": .string(w.rawValue), "text": .string(r.w.warning(w))])
        }),
      ]),
    ])
  }
}
