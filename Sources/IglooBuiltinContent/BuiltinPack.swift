import IglooContent

/// The built-in content pack, compiled from `Content/` when igloo is built (the CompileContent plugin).
public enum BuiltinPack {
  /// The pack, decoded once at first use. It was validated at build time, so it loads without checks.
  public static let pack: ContentPack = withBytes { bytes in
    // The interface strings may have been read already, for the command line's help.
    do { return try BuiltinPackCoding.decode(bytes, strings: strings) } catch { fail(error) }
  }

  /// Only the interface strings (Content/strings), decoded once at first use without the rest of
  /// the pack: `--version`, `--help` and argument parsing need nothing else.
  public static let strings: [String: LocalizedText] = withBytes { bytes in
    do { return try BuiltinPackCoding.decodeStrings(bytes) } catch { fail(error) }
  }

  /// Decodes the compiled pack again (for benchmarks and tests; igloo itself uses ``pack``).
  public static func decode() -> ContentPack {
    withBytes { bytes in
      do { return try BuiltinPackCoding.decode(bytes) } catch { fail(error) }
    }
  }

  /// The compiled encoding, read in place: the literal lives in the binary for the whole run.
  private static func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    precondition(
      builtinPackData.utf8CodeUnitCount == builtinPackByteCount,
      "the compiled built-in pack has \(builtinPackData.utf8CodeUnitCount) bytes, not \(builtinPackByteCount)")
    return body(UnsafeBufferPointer(start: builtinPackData.utf8Start, count: builtinPackData.utf8CodeUnitCount))
  }

  private static func fail(_ error: Error) -> Never {
    preconditionFailure("the compiled built-in pack does not decode: \(error)")
  }
}

extension PackLoader {
  /// The pack compiled into the binary, which is exactly `Content/` at build time.
  public static func builtin() -> ContentPack { BuiltinPack.pack }
}
