import Foundation
import IglooContent
import IglooTestSupport
import Testing

/// The compact encoding the built-in pack is compiled into reads back as the same pack, and a
/// damaged encoding is refused rather than read as something else.
@Suite struct BuiltinPackCodingTests {
  /// Every field survives: the dump of the decoded pack is the dump of the pack, byte for byte.
  @Test func miniPackRoundTrips() throws {
    let bytes = BuiltinPackCoding.encode(MiniPack.pack)
    let decoded = try bytes.withUnsafeBufferPointer { try BuiltinPackCoding.decode($0) }
    #expect(try ContentDump.json(decoded) == ContentDump.json(MiniPack.pack))
  }

  /// The string table read alone is the pack's, and the rest read after it gives the same pack.
  @Test func stringsReadAloneAreThePacks() throws {
    let bytes = BuiltinPackCoding.encode(MiniPack.pack)
    let strings = try bytes.withUnsafeBufferPointer { try BuiltinPackCoding.decodeStrings($0) }
    #expect(!strings.isEmpty)
    #expect(strings == MiniPack.pack.strings)
    let rest = try bytes.withUnsafeBufferPointer { try BuiltinPackCoding.decode($0, strings: strings) }
    #expect(try ContentDump.json(rest) == ContentDump.json(MiniPack.pack))
  }

  /// Texts with line breaks, tabs, quotes, backslashes and non-ASCII letters keep every byte.
  @Test func awkwardTextKeepsEveryByte() throws {
    var pack = MiniPack.pack
    let awkward = "Linje ét\nlinje \"to\"\t\\#\"\"\"# æøå 🧊 e\u{301}"
    pack.strings["test.awkward"] = LocalizedText(da: awkward, en: awkward + "!")
    let bytes = BuiltinPackCoding.encode(pack)
    let decoded = try bytes.withUnsafeBufferPointer { try BuiltinPackCoding.decode($0) }
    #expect(decoded.strings["test.awkward"] == LocalizedText(da: awkward, en: awkward + "!"))
  }

  /// A truncated or altered encoding throws; it never decodes into a different pack.
  @Test func damagedEncodingIsRefused() throws {
    let bytes = BuiltinPackCoding.encode(MiniPack.pack)
    for cut in [0, 5, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
      let truncated = Array(bytes.prefix(cut))
      #expect(throws: BuiltinPackCoding.Malformed.self) {
        try truncated.withUnsafeBufferPointer { try BuiltinPackCoding.decode($0) }
      }
    }
    var extended = bytes
    extended.append(UInt8(ascii: "x"))
    #expect(throws: BuiltinPackCoding.Malformed.self) {
      try extended.withUnsafeBufferPointer { try BuiltinPackCoding.decode($0) }
    }
    var header = bytes
    header[0] = UInt8(ascii: "X")
    #expect(throws: BuiltinPackCoding.Malformed.self) {
      try header.withUnsafeBufferPointer { try BuiltinPackCoding.decode($0) }
    }
  }
}
