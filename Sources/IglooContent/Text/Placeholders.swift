/// Fills the `{name}` placeholders of the string tables' texts.
public enum Placeholders {
  /// `template` with each `{name}` that `values` knows replaced by its value, in one pass.
  ///
  /// Inserted values are never scanned again, so a note, a file name or a workplace name that
  /// happens to contain `{score}` stays as typed, and the result does not depend on the order in
  /// which a dictionary hands out its keys. An unknown `{name}` is left as it is.
  public static func fill(_ template: String, _ values: [String: String]) -> String {
    guard !values.isEmpty else { return template }
    // Below U+0300 every Unicode scalar is a character of its own (and every UTF-8 byte is below
    // 0xCC), so the braces can be found byte by byte; a report fills hundreds of templates.
    if template.utf8.allSatisfy({ $0 < 0xCC }) { return fillByByte(template, values) }
    return fillByCharacter(template, values)
  }

  /// ``fill(_:_:)`` over UTF-8, for a template whose scalars are all below U+0300.
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
