import Foundation
import IglooContent
import IglooEngine

/// Every word a report shows, looked up in the content pack's string table and entity names.
///
/// Reports never hold prose of their own: a safety professional edits the texts in
/// `Content/strings/report.yaml`, and both languages stay complete because the pack validates them.
struct Wording: Sendable {
  /// The pack whose strings and names are used.
  let pack: ContentPack
  /// The language of the report.
  let language: Language

  /// The string `report.<key>`.
  func callAsFunction(_ key: String) -> String { pack.string("report." + key, language) }

  /// The string `report.<key>` with its `{name}` placeholders filled in.
  func callAsFunction(_ key: String, _ values: [String: String]) -> String {
    Wording.fill(pack.string("report." + key, language), values)
  }

  /// Fills `{name}` placeholders (see ``Placeholders``).
  static func fill(_ template: String, _ values: [String: String]) -> String { Placeholders.fill(template, values) }

  /// The text to show for a field the users left empty.
  func orNotGiven(_ text: String) -> String {
    let trimmed = text.trimmed(newlines: true)
    return trimmed.isEmpty ? self("not-given") : trimmed
  }

  // Names of the pack's entities; an id the pack does not know is shown as it is, so it stays visible.

  func level(_ id: String) -> String { pack.level(id)?.name[language] ?? id }
  func technology(_ id: String) -> String { pack.technology(id)?.name[language] ?? id }
  func role(_ id: String) -> String { pack.role(id)?.name[language] ?? id }
  func sector(_ id: String) -> String { pack.sector(id)?.name[language] ?? id }
  func useCase(_ id: String) -> String { pack.useCase(id)?.name[language] ?? id }
  func question(_ id: String) -> String { pack.question(id)?.text[language] ?? id }
  func finding(_ id: String) -> String { pack.finding(id)?.title[language] ?? id }
  /// A finding's short title, for lists, tables, charts and plans.
  func shortFinding(_ id: String) -> String { pack.finding(id)?.shortTitle[language] ?? id }
  /// A source: the report's path, glossed in English (see ``ContentPack/source(_:_:)``).
  func source(_ path: String) -> String { pack.source(path, language) }
  func stage(_ stage: Stage) -> String { self("stage." + stage.rawValue) }
  func status(_ status: PlanStatus) -> String { self("status." + status.rawValue) }
  func polarity(_ polarity: Polarity) -> String { self("polarity." + polarity.rawValue) }
  func measureRole(_ role: MeasureRole) -> String { self("role." + role.rawValue) }
  func band(_ band: Band) -> String { self("band." + band.rawValue) }
  func warning(_ warning: FollowUpWarning) -> String { self("follow-up.warning." + warning.rawValue) }

  /// The name a voice is shown with; a nameless voice of a one-voice file gets a neutral label.
  func voice(_ id: String, in session: Session) -> String {
    if id == "agreed" { return self("voice.agreed") }
    guard let voice = session.voices.first(where: { $0.id == id }) else { return id }
    if !voice.name.isEmpty { return voice.name }
    return voice.id == Voice.single.id ? self("voice.single") : voice.id
  }

  /// The label of the scale point whose score is `value` (0–100); a median between two points
  /// (two voices one step apart) is named by both neighbours.
  func scaleLabel(score value: Double) -> String {
    let scale = pack.info.scale
    if let point = scale.first(where: { Double($0.value) == value }) { return point.label[language] }
    if let upper = scale.firstIndex(where: { Double($0.value) > value }), upper > 0 {
      return self("answer.between", ["low": scale[upper - 1].label[language], "high": scale[upper].label[language]])
    }
    return Numbers.exact(value, language)
  }

  /// The label of scale point `point` (1–5), as sessions store it.
  func pointLabel(_ point: Int) -> String {
    let scale = pack.info.scale
    guard point >= 1, point <= scale.count else { return String(point) }
    return scale[point - 1].label[language]
  }

  /// The label of a stored answer.
  func answer(_ value: AnswerValue) -> String {
    switch value {
    case .point(let p): pointLabel(p)
    case .dontKnow: self("answer.dont-know")
    case .notRelevant: self("answer.not-relevant")
    }
  }

  /// The label of an answer a trigger matched.
  func answer(_ match: AnswerMatch) -> String {
    switch match {
    case .value(let v): scaleLabel(score: Double(v))
    case .dontKnow: self("answer.dont-know")
    }
  }

  /// The effective answer in words, with how it was reached when that is not obvious.
  func effective(_ answer: EffectiveAnswer?) -> String {
    guard let answer else { return self("answer.none") }
    guard let score = answer.score else {
      // With no scale answer there is no median: the voices all said "don't know" or "not relevant".
      let label = self(answer.dontKnow ? "answer.dont-know" : "answer.not-relevant")
      return answer.basis == .agreed ? self("answer.agreed", ["answer": label]) : label
    }
    let label = scaleLabel(score: score)
    switch answer.basis {
    case .single: return label
    case .agreed: return self("answer.agreed", ["answer": label])
    case .median: return self("answer.median", ["answer": label])
    }
  }

  /// A score 0–100 shown as a whole number with its band, e.g. `56 (høj)`.
  func scored(_ value: Double?, _ band: Band?) -> String {
    guard let value else { return self("not-enough") }
    guard let band else { return Numbers.whole(value) }
    return self("score-band", ["score": Numbers.whole(value), "band": self.band(band)])
  }
}
