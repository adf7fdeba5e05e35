import Foundation
import IglooContent

/// The built-in content pack, compiled from `Content/` when igloo is built (the CompileContent plugin).
public enum BuiltinPack {
  /// The pack, decoded once at first use. It was validated at build time, so it loads without checks.
  public static let pack: ContentPack = decode()

  /// Decodes the compiled pack again (for benchmarks; igloo itself uses ``pack``).
  public static func decode() -> ContentPack {
    builtinPackJSON.withUTF8Buffer { bytes in
      // The literal lives in the binary for the whole run, so Data can read it in place.
      let data = Data(
        bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count, deallocator: .none)
      do {
        return try BuiltinPackCoding.decode(data)
      } catch {
        preconditionFailure("the compiled built-in pack does not decode: \(error)")
      }
    }
  }
}

extension PackLoader {
  /// The pack compiled into the binary, which is exactly `Content/` at build time.
  public static func builtin() -> ContentPack { BuiltinPack.pack }
}
