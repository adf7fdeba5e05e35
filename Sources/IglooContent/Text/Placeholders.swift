/// Fills the `{name}` placeholders of the string tables' texts.
public enum Placeholders {
  /// `template` with each `{name}` that `values` knows replaced by its value, in one pass.
  ///
  /// Inserted values are never scanned again, so a note, a file name or a workplace name that
  /// happens to contain `{score}` stays as typed, and the result does not depend on the order in
  /// which a dictionary hands out its keys. An unknown `{name}` is left as it is.
  public static func fill(_ template: String, _ values: [String: String]) -> String {
    guard !values.isEmpty else { return template }
    // A report fills hundreds of templates, most of them Danish prose with „quotes“ and dashes.
    if bytesSuffice(template) { return fillByByte(template, values) }
    return fillByCharacter(template, values)
  }

  /// Whether every Unicode scalar of `text` is a character of its own, so that braces can be found
  /// byte by byte: true for scalars below U+0300 (ASCII, Latin-1 with æ, ø and å, Latin Extended)
  /// and for the general punctuation Danish text uses (U+2010–U+2027 and U+2030–U+205E: dashes,
  /// quotation marks, the ellipsis), none of which combines with a neighbour. Anything else
  /// (combining marks, zero-width joiners, other scripts) answers false.
  static func bytesSuffice(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        if b < 0xCC {
          i += 1
          continue
        }
        // E2 80 90–A7 is U+2010–U+2027; E2 80 B0–BF and E2 81 80–9E are U+2030–U+205E.
        guard b == 0xE2, i + 2 < n else { return false }
        let b1 = bytes[i + 1]
        let b2 = bytes[i + 2]
        let punctuation = (b1 == 0x80 && ((0x90...0xA7).contains(b2) || b2 >= 0xB0)) || (b1 == 0x81 && b2 <= 0x9E)
        guard punctuation else { return false }
        i += 3
      }
      return true
    }
  }

  /// ``fill(_:_:)`` over UTF-8, for a template ``bytesSuffice(_:)`` accepts.
  static func fillByByte(_ template: String, _ values: [String: String]) -> String {
    let bytes = template.utf8
    var out = ""
    var copied = bytes.startIndex
    var from = bytes.startIndex
    while let open = bytes[from...].firstIndex(of: UInt8(ascii: "{")) {
      let afterOpen = bytes.index(after: open)
      if let close = bytes[afterOpen...].firstIndex(of: UInt8(ascii: "}")),
        let value = values[String(Substring(bytes[afterOpen..<close]))]
      {
        out += Substring(bytes[copied..<open])
        out += value
        from = bytes.index(after: close)
        copied = from
      } else {
        from = afterOpen
      }
    }
    return out + Substring(bytes[copied...])
  }

  /// ``fill(_:_:)`` one `Character` at a time: the rule itself, for any template.
  static func fillByCharacter(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
        out += value
        rest = rest[rest.index(after: close)...]
      } else {
        out += "{"
        rest = rest[afterOpen...]
      }
    }
    return out + rest
  }
}
