/// Fills the `{name}` placeholders of the string tables' texts.
public enum Placeholders {
  /// `template` with each `{name}` that `values` knows replaced by its value, in one pass.
  ///
  /// Inserted values are never scanned again, so a note, a file name or a workplace name that
  /// happens to contain `{score}` stays as typed, and the result does not depend on the order in
  /// which a dictionary hands out its keys. An unknown `{name}` is left as it is.
  public static func fill(_ template: String, _ values: [String: String]) -> String {
    guard !values.isEmpty else { return template }
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
