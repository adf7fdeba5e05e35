/// The built-in pack's files, for tools that check or compare them.
public enum BuiltinPack {
  /// The files of `Content/` as compiled into the binary.
  public static var files: [PackFile] { BuiltinContent.files }
}
