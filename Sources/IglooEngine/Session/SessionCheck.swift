import IglooContent

extension Session {
  /// The problems that make this session unusable with `pack`: answers to unknown questions,
  /// unknown use cases, voices or actions, and dates that are not `YYYY-MM-DD`. Each is one readable line.
  ///
  /// Unknown ids are reported rather than dropped, because a silently ignored answer would make a
  /// committee's figure wrong without anyone knowing.
  public func problems(with pack: ContentPack) -> [String] {
    var out: [String] = []
    // Looked up in the pack's index, and sorted only when something is unknown: this runs for every
    // session a roll-up reads.
    for voice in answers.keys.sorted() {
      for q in answers[voice, default: [:]].keys.filter({ pack.question($0) == nil }).sorted() {
        out.append("unknown question id `\(q)` (voice `\(voice)`)")
      }
    }
    for q in agreed.keys.filter({ pack.question($0) == nil }).sorted() {
      out.append("unknown question id `\(q)` (agreed answers)")
    }
    for item in scope ?? [] where pack.useCase(item.useCase) == nil {
      out.append("unknown use case `\(item.useCase)`")
    }
    for item in plan {
      if let a = item.action, pack.action(a) == nil { out.append("unknown action `\(a)` in the plan") }
    }
    for (place, value) in unreadableDates {
      out.append("`\(place)` is `\(value)`, not a date of the form YYYY-MM-DD (e.g. 2027-12-31)")
    }
    if Set(voices.map(\.id)).count != voices.count { out.append("two voices share an id") }
    if schemaVersion > Session.currentSchemaVersion {
      out.append("schema version \(schemaVersion) is newer than this igloo understands (\(Session.currentSchemaVersion)); update igloo")
    }
    return out
  }
}
