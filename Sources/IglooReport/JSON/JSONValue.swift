import IglooContent

/// A JSON value written by hand, so that key order, number form and layout never depend on the
/// platform's encoder: the same assessment always gives the same bytes.
enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// A string, or null when `text` is nil.
  static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
  /// A number, or null when `value` is nil.
  static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
  /// A whole number.
  static func int(_ value: Int) -> JSONValue { .number(Double(value)) }
  /// A list of strings.
  static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

  /// Pretty-printed with two spaces, keys sorted by their UTF-8 bytes, and a final newline.
  var serialized: String {
    var out = ""
    write(&out, indent: 0)
    return out + "\n"
  }

  private func write(_ out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += JSONValue.format(n)
    case .string(let s): JSONValue.quote(s, into: &out)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        item.write(&out, indent: indent + 1)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
      for (i, key) in keys.enumerated() {
        out += String(repeating: "  ", count: indent + 1)
        JSONValue.quote(key, into: &out)
        out += ": "
        members[key]!.write(&out, indent: indent + 1)
        out += i == keys.count - 1 ? "\n" : ",\n"
      }
      out += String(repeating: "  ", count: indent) + "}"
    }
  }

  /// Whole numbers without a fraction; others in Swift's shortest form that reads back exactly.
  static func format(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
    return "\(n)"
  }

  /// Appends `s` as a JSON string literal, escaping what RFC 8259 requires, DEL and the C1
  /// controls (so that `cat report.json` cannot drive a terminal) and U+2028/U+2029, which break
  /// JavaScript readers. NUL is dropped, as in every output (see ``SafeText``); everything else
  /// reads back as typed.
  static func quote(_ s: String, into out: inout String) {
    // Most strings of a report need no escape at all; they are copied whole. The scalar loop below
    // is the rule (JSONQuoteTests compares the two).
    if !needsEscape(s) {
      out += "\""
      out += s
      out += "\""
      return
    }
    quoteByScalar(s, into: &out)
  }

  /// Whether ``quote(_:into:)`` changes anything in `s` but the surrounding quotes: a quote mark, a
  /// backslash, C0, DEL, C1 (C2 80–C2 9F in UTF-8) or U+2028/U+2029 (E2 80 A8/A9).
  static func needsEscape(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { bytes in
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
        if b == 0xC2, i + 1 < n, bytes[i + 1] <= 0x9F { return true }
        if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return true }
        i += 1
      }
      return false
    }
  }

  /// ``quote(_:into:)`` one Unicode scalar at a time: the rule itself.
  static func quoteByScalar(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\u{00}": continue
      default:
        if SafeText.isControl(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
