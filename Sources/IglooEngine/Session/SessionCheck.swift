import IglooContent

extension Session {
  /// The problems that make this session unusable with `pack`: answers to unknown questions,
  /// unknown use cases, voices or actions, and dates that are not `YYYY-MM-DD`. Each is one line,
  /// kept as a phrase so that it is said in the user's language (Content/strings/store.yaml).
  ///
  /// Unknown ids are reported rather than dropped, because a silently ignored answer would make a
  /// committee's figure wrong without anyone knowing.
  public func problems(with pack: ContentPack) -> [Phrase] {
    var out: [Phrase] = []
    // Looked up by position in the pack's scoring index (whose look-up of an id is cheaper than a
    // dictionary's), and sorted only when something is unknown: this runs for every session a
    // roll-up reads.
    let questions = pack.scoringIndex.questionPosition
    for voice in answers.keys.sorted() {
      for q in answers[voice, default: [:]].keys.filter({ questions[$0] == nil }).sorted() {
        out.append(Phrase("store.check.unknown-question", ["id": q, "voice": voice]))
      }
    }
    for q in agreed.keys.filter({ questions[$0] == nil }).sorted() {
      out.append(Phrase("store.check.unknown-agreed-question", ["id": q]))
    }
    for item in scope ?? [] where !pack.hasUseCase(item.useCase) {
      out.append(Phrase("store.check.unknown-use-case", ["id": item.useCase]))
    }
    for item in plan {
      if let a = item.action, !pack.hasAction(a) { out.append(Phrase("store.check.unknown-action", ["id": a])) }
    }
    for (place, value) in unreadableDates {
      out.append(Phrase("store.check.bad-date", ["field": place, "value": value]))
    }
    if voices.count > 1, Set(voices.map(\.id)).count != voices.count { out.append(Phrase("store.check.shared-voice-id")) }
    if schemaVersion > Session.currentSchemaVersion {
      out.append(Phrase("store.check.newer", ["version": "\(schemaVersion)", "current": "\(Session.currentSchemaVersion)"]))
    }
    return out
  }
}
