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
    let chapter = (strings["source.chapter"]?.da ?? "").split(separator: "{n}", omittingEmptySubsequences: false)
    var glosses: [String] = []
    for part in Self.sourceParts(path) {
      if chapter.count == 2, part.hasPrefix(chapter[0]), part.hasSuffix(chapter[1]) {
        let number = part.dropFirst(chapter[0].count).dropLast(chapter[1].count)
        if !number.isEmpty, number.allSatisfy(\.isNumber) {
          glosses.append(Placeholders.fill(string("source.chapter", language), ["n": String(number)]))
          continue
        }
      }
      guard let gloss = sourcePart(String(part))?[language] else { return nil }
      glosses.append(gloss)
    }
    return glosses.isEmpty ? nil : glosses.joined(separator: string("source.gloss.separator", language))
  }

  /// The parts of a source path, split at " › " with empty parts kept.
  ///
  /// Every source of a report comes through here. The standard library's `split` on a separator
  /// compares Characters and was most of `sourceGloss`; where every scalar is a character of its
  /// own (``Placeholders/bytesSuffice(_:)``) the separator is found in the UTF-8 bytes instead,
  /// with the same result (`SourceGlossTests` compares the two).
  static func sourceParts(_ path: String) -> [Substring] {
    guard Placeholders.bytesSuffice(path) else { return sourcePartsByCharacter(path) }
    // " › ": space, U+203A (E2 80 BA), space.
    let separator: [UInt8] = [0x20, 0xE2, 0x80, 0xBA, 0x20]
    let bytes = path.utf8
    var parts: [Substring] = []
    var start = bytes.startIndex
    var i = bytes.startIndex
    while i != bytes.endIndex {
      if bytes[i] == 0x20, bytes[i...].starts(with: separator) {
        parts.append(path[start..<i])
        i = bytes.index(i, offsetBy: separator.count)
        start = i
      } else {
        bytes.formIndex(after: &i)
      }
    }
    parts.append(path[start..<bytes.endIndex])
    return parts
  }

  /// ``sourceParts(_:)`` one Character at a time: the rule itself, for any text.
  static func sourcePartsByCharacter(_ path: String) -> [Substring] {
    path.split(separator: " › ", omittingEmptySubsequences: false)
  }
}
