import Foundation
import ZIPFoundation

/// Reads the approval fingerprint back out of an exported report, for `igloo verify`.
///
/// Every export prints the fingerprint of the session it was made from after the fixed marker
/// `SHA-256: ` (Markdown, Word, CSV) or as `"sha256": "…"` (JSON), in every language.
public enum ReportFingerprint {
  /// The first fingerprint found in `data`: the report's text, or a Word package's document.
  public static func find(in data: Data) -> String? {
    if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      guard let xml = documentXML(data) else { return nil }
      // Word may split a paragraph into runs; the text without the tags reads as one line.
      return find(in: xml.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression))
    }
    return find(in: String(decoding: data, as: UTF8.self))
  }

  /// The first fingerprint after one of the markers in `text`.
  static func find(in text: String) -> String? {
    for marker in ["SHA-256: ", "\"sha256\": \""] {
      var rest = text[...]
      while let range = rest.range(of: marker) {
        let after = rest[range.upperBound...]
        let hex = after.prefix { $0.isHexDigit && !$0.isUppercase }
        if hex.count >= 12 { return String(hex.prefix(12)) }
        rest = after
      }
    }
    return nil
  }

  /// The text of `word/document.xml` in a Word package.
  static func documentXML(_ data: Data) -> String? {
    guard let archive = try? Archive(data: data, accessMode: .read), let entry = archive["word/document.xml"] else {
      return nil
    }
    var out = Data()
    guard (try? archive.extract(entry, consumer: { out.append($0) })) != nil else { return nil }
    return String(decoding: out, as: UTF8.self)
  }
}
