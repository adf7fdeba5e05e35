import IglooContent

/// Combines sessions answered separately (e.g. management and employees) into one with several voices.
public enum SessionMerge {
  /// A merge that cannot be done.
  public struct Conflict: Error, Equatable, CustomStringConvertible {
    /// Why, as a phrase to be said in the user's language.
    public var phrase: Phrase
    /// The phrase's key and values, for logs and test failures.
    public var description: String { phrase.description }
  }

  /// Merges `b` into `a`. Voices whose ids clash are renamed after `labelB` (e.g. the file name),
  /// so that no answer is lost; everything else of `a` wins and `b` only fills what `a` lacks.
  ///
  /// - Returns: the merged session and notes on what was renamed or left out, as phrases.
  public static func merge(_ a: Session, _ b: Session, labelA: String, labelB: String) throws -> (Session, [Phrase]) {
    guard a.content.id == b.content.id || a.content.id.isEmpty || b.content.id.isEmpty else {
      throw Conflict(phrase: Phrase("store.merge.different-packs", ["first": a.content.id, "second": b.content.id]))
    }
    var merged = a
    var notes: [Phrase] = []
    if merged.content.id.isEmpty { merged.content = b.content }
    var taken = Set(a.voices.map(\.id))
    var renamed: [String: String] = [:]
    if a.voices == [Voice.single], a.answers.keys.contains(Voice.single.id), b.voices.contains(where: { $0.id == Voice.single.id }) {
      // Two single-voice files: name both voices after their files so the report can tell them apart.
      let idA = slug(labelA, fallback: "a")
      merged.voices = [Voice(id: idA, name: labelA)]
      merged.answers = [idA: a.answers[Voice.single.id] ?? [:]]
      taken = [idA, Voice.single.id]
    }
    for voice in b.voices {
      var id = voice.id
      var name = voice.name
      if taken.contains(id) {
        let base = slug(labelB, fallback: "b")
        id = base
        var n = 2
        while taken.contains(id) {
          id = "\(base)-\(n)"
          n += 1
        }
        if name.isEmpty || merged.voices.contains(where: { $0.name == name }) { name = labelB }
        renamed[voice.id] = id
        notes.append(Phrase("store.merge.renamed-voice", ["voice": voice.id, "file": labelB, "id": id]))
      }
      taken.insert(id)
      merged.voices.append(Voice(id: id, name: name))
      merged.answers[id] = b.answers[voice.id] ?? [:]
    }
    if var scope = merged.scope {
      for item in b.scope ?? [] where !scope.contains(where: { $0.useCase == item.useCase }) { scope.append(item) }
      merged.scope = scope
    } else {
      merged.scope = b.scope
    }
    for (q, answer) in b.agreed where merged.agreed[q] == nil { merged.agreed[q] = answer }
    for (q, answer) in b.agreed where merged.agreed[q] != nil && merged.agreed[q] != answer {
      notes.append(Phrase("store.merge.agreed-differs", ["id": q, "file": labelA]))
    }
    for item in b.plan where !merged.plan.contains(item) { merged.plan.append(item) }
    for p in b.about.participants where !merged.about.participants.contains(p) { merged.about.participants.append(p) }
    if merged.followUp.nextReview.isEmpty { merged.followUp.nextReview = b.followUp.nextReview }
    // Workshop groups: the merged file speaks for all of them, so it keeps every group's name and unit.
    if !b.about.group.isEmpty {
      let groups = [a.about.group, b.about.group].filter { !$0.isEmpty }
      merged.about.group = groups.joined(separator: " + ")
      if b.about.unit != a.about.unit {
        merged.about.unit = [a.about.unit, b.about.unit].filter { !$0.isEmpty }.joined(separator: " + ")
      }
    }
    return (merged, notes)
  }

  /// A voice id made from a label: lower-case letters, digits and `-`.
  static func slug(_ label: String, fallback: String) -> String {
    var out = ""
    for ch in label.lowercased() {
      switch ch {
      case "æ": out += "ae"
      case "ø": out += "oe"
      case "å": out += "aa"
      case _ where ch.isASCII && (ch.isLetter || ch.isNumber): out.append(ch)
      default: if !out.hasSuffix("-") && !out.isEmpty { out += "-" }
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? fallback : out
  }
}
