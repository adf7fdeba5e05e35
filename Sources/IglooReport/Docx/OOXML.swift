/// Text made safe for the XML parts of a Word document.
///
/// XML's own rule, beside ``SafeText``'s for outputs in general: it escapes the five XML
/// metacharacters and drops every character XML 1.0 forbids (control characters other than tab,
/// line feed and carriage return; lone surrogates cannot occur in a Swift string; U+FFFE and
/// U+FFFF), so no note or name can break a part or make Word refuse the file. It works on scalars,
/// so a combining mark after `<` or `&` never hides it.
enum OOXML {
  /// `text` as XML character data or an attribute value.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default:
        if allowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// Whether XML 1.0 allows `scalar` in a document.
  static func allowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }

  /// Centimetres as twentieths of a point (twips), the unit of Word's page and table sizes.
  static func twips(_ cm: Double) -> Int { Int((cm * 1440 / 2.54).rounded()) }

  /// The XML declaration every part starts with.
  static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}
