/// Sources shown with an English gloss of the report's Danish section path.
extension ContentPack {
  /// A source as a reader of `language` sees it: in Danish the report's path as it is; in English
  /// the same path with its parts glossed, e.g. "Kapitel 2 › Generativ KI › Individ (Chapter 2,
  /// Generative AI, Individual)".
  ///
  /// The path stays Danish so that the section can be found in the report, which exists only in
  /// Danish. The glosses are strings (`source.chapter`, `source.part.*` in
  /// Content/strings/sources.yaml); a source that is not a path of known parts (a law, another
  /// publication) is shown as it is.
  public func source(_ path: String, _ language: Language) -> String {
    guard language != .da, let gloss = sourceGloss(path, language) else { return path }
    return Placeholders.fill(string("source.glossed", language), ["path": path, "gloss": gloss])
  }

  /// The glosses of the parts of `path`, joined; nil when a part has none.
  public func sourceGloss(_ path: String, _ language: Language) -> String? {
    // Split with the standard library rather than Foundation's `components(separatedBy:)` (every
    // source of a report comes through here, and `source` was a tenth of `igloo report`); empty
    // pieces are kept, as there.
    let chapter = (strings["source.chapter"]?.da ?? "").split(separator: "{n}", omittingEmptySubsequences: false)
    var glosses: [String] = []
    for part in path.split(separator: " › ", omittingEmptySubsequences: false).map(String.init) {
      if chapter.count == 2, part.hasPrefix(chapter[0]), part.hasSuffix(chapter[1]) {
        let number = part.dropFirst(chapter[0].count).dropLast(chapter[1].count)
        if !number.isEmpty, number.allSatisfy(\.isNumber) {
          glosses.append(Placeholders.fill(string("source.chapter", language), ["n": String(number)]))
          continue
        }
      }
      guard let gloss = sourcePart(part)?[language] else { return nil }
      glosses.append(gloss)
    }
    return glosses.isEmpty ? nil : glosses.joined(separator: string("source.gloss.separator", language))
  }
}
