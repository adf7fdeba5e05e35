import Foundation
import IglooContent
import IglooEngine

/// One line of the action plan as every format shows it: a decision the users recorded, or a
/// suggestion they have not decided on yet.
struct PlanRow: Sendable {
  /// The position in the plan's priority order; nil for a rejected suggestion, which is kept for
  /// the record but is no longer part of the plan.
  var rank: Int?
  /// Where it stands.
  var status: PlanStatus
  /// The recommended action it comes from, if any.
  var action: Action?
  /// The engine's suggestion behind it, if the answers trigger the action now.
  var recommendation: Recommendation?
  /// What is to be done.
  var title: String
  /// The IGLOO level id.
  var level: String
  /// Who is responsible, as the users wrote it; empty when not yet decided.
  var responsible: String
  /// The usual owner's role id, shown while nobody is responsible.
  var suggestedOwner: String?
  /// The deadline.
  var deadline: String
  /// How it is done.
  var how: String
  /// When the effect is followed up.
  var followUp: String
  /// How the effect is evaluated.
  var evaluation: String
  /// The report section or rule behind the action.
  var source: String
  /// Why it is in the plan, in words.
  var reasons: [String]
  /// Whether the users added it themselves.
  var isOwn: Bool
  /// Whether the title is the users' own words rather than the content's.
  var ownTitle = false
  /// Whether the "how" is the users' own words rather than the content's.
  var ownHow = false
  /// The fields an accepted or in-progress action still lacks (`responsible`, `deadline`).
  var missing: [String] = []
}

extension PlanRow {
  /// The action plan of `assessment`, in priority order, rejected suggestions last.
  ///
  /// Recommended actions keep the engine's ranking (band, collective before individual, score)
  /// whether decided or not, so a decision never hides how urgent an action is; the users' own
  /// actions and decided actions the answers no longer trigger follow, in the order entered.
  static func plan(_ assessment: Assessment, _ w: Wording) -> [PlanRow] {
    let plan = assessment.session.plan
    var used = Set<Int>()
    var rows: [PlanRow] = []
    for rec in assessment.recommendations {
      let index = plan.indices.first { !used.contains($0) && plan[$0].action == rec.action.id }
      if let index {
        used.insert(index)
        rows.append(decided(plan[index], rec.action, rec, w))
      } else {
        rows.append(suggested(rec, w))
      }
    }
    for index in plan.indices where !used.contains(index) {
      let item = plan[index]
      rows.append(decided(item, item.action.flatMap { assessment.pack.action($0) }, nil, w))
    }
    // Measures already in place are the workplace's existing measures, not new actions: they
    // are listed apart, after the plan, and carry no rank.
    let kept = rows.filter { $0.status != .rejected && $0.status != .inPlace }
    let inPlace = rows.filter { $0.status == .inPlace }
    let rejected = rows.filter { $0.status == .rejected }
    var ordered = kept + inPlace + rejected
    for i in ordered.indices where i < kept.count { ordered[i].rank = i + 1 }
    return ordered
  }

  private static func suggested(_ rec: Recommendation, _ w: Wording) -> PlanRow {
    let action = rec.action
    return PlanRow(
      rank: nil, status: .suggested, action: action, recommendation: rec, title: action.title[w.language],
      level: action.level, responsible: "", suggestedOwner: action.owner, deadline: "", how: action.how[w.language],
      followUp: "", evaluation: "", source: action.source, reasons: rec.reasons.map(w.reason), isOwn: false)
  }

  private static func decided(_ item: PlanItem, _ action: Action?, _ rec: Recommendation?, _ w: Wording) -> PlanRow {
    func pick(_ own: String, _ content: String?) -> String {
      let trimmed = own.trimmed(newlines: false)
      return trimmed.isEmpty ? (content ?? "") : own
    }
    let reasons: [String]
    if let rec {
      reasons = rec.reasons.map(w.reason)
    } else {
      reasons = [w(action == nil ? "plan.reason.own" : "plan.reason.no-longer-triggered")]
    }
    let responsible = item.responsible.trimmed(newlines: false)
    // The users' words are theirs unless they merely repeat the content's (in either language).
    func own(_ text: String, _ content: LocalizedText?) -> Bool {
      let trimmed = text.trimmed(newlines: false)
      guard action != nil else { return true }
      guard !trimmed.isEmpty else { return false }
      return !Language.allCases.contains { content?[$0].trimmed(newlines: false) == trimmed }
    }
    return PlanRow(
      rank: nil, status: item.status, action: action, recommendation: rec,
      title: pick(item.title, action?.title[w.language]), level: pick(item.level, action?.level),
      responsible: item.responsible, suggestedOwner: responsible.isEmpty ? action?.owner : nil,
      deadline: item.deadline, how: pick(item.how, action?.how[w.language]), followUp: item.followUp,
      evaluation: item.evaluation, source: action?.source ?? "", reasons: reasons, isOwn: action == nil,
      ownTitle: own(item.title, action?.title), ownHow: own(item.how, action?.how),
      missing: item.missing)
  }

  /// The status as a cell: with what is missing when the action is incomplete.
  func statusText(_ w: Wording) -> String {
    guard !missing.isEmpty else { return w.status(status) }
    return w("plan.incomplete", ["status": w.status(status), "missing": missingText(w)])
  }

  /// The missing fields in words ("ansvarlig, frist").
  func missingText(_ w: Wording) -> String { missing.map { w($0 == "responsible" ? "plan.missing.responsible" : "plan.missing.deadline") }.joined(separator: ", ") }

  /// The "how" as a paragraph: the content's text followed by its source, or the users' own
  /// text marked as theirs, with the source (if any) before it so that it never reads as the report's.
  func howText(_ w: Wording) -> String {
    if how.trimmed(newlines: false).isEmpty { return w("plan.how.none") }
    guard ownHow else {
      var text = source.isEmpty ? how : how + " " + w("plan.how.source", ["source": w.source(source)])
      // A derived action is igloo's remedy for the report's point, not one the report states.
      if action?.derived == true { text += " " + w("plan.how.derived") }
      return text
    }
    let mine = w("plan.how.own", ["text": how])
    return source.isEmpty ? mine : w("plan.how.suggested-from", ["source": source]) + " " + mine
  }

  /// Who is responsible, or the usual owner marked as a suggestion.
  func responsibleText(_ w: Wording) -> String {
    if !responsible.trimmed(newlines: false).isEmpty { return responsible }
    if let suggestedOwner { return w("plan.owner-suggested", ["role": w.role(suggestedOwner)]) }
    return ""
  }
}
