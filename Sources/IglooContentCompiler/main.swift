// Build-time tool of the CompileContent plugin: loads and validates a content folder with the same
// loader and validator as `igloo --content DIR`, and writes the validated pack as a Swift file holding
// its compact encoding (BuiltinPackCoding), so that igloo starts without parsing YAML.
//
//   IglooContentCompiler CONTENT-DIR OUTPUT.swift
import Foundation
import IglooContent

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: IglooContentCompiler CONTENT-DIR OUTPUT.swift\n".utf8))
  exit(2)
}
let directory = URL(fileURLWithPath: arguments[1])
let loaded: LoadedPack
do {
  let (pack, diagnostics) = try PackLoader.load(directory: directory)
  // Each problem as `file:line: message`, the file given from the content folder's path so that an
  // editor or the build log points at it; the build then stops.
  for d in diagnostics {
    FileHandle.standardError.write(Data("\(directory.path)/\(d.description)\n".utf8))
  }
  guard diagnostics.isEmpty else {
    FileHandle.standardError.write(Data("error: the built-in content pack has \(diagnostics.count) problem(s)\n".utf8))
    exit(1)
  }
  loaded = pack
} catch {
  FileHandle.standardError.write(Data("\(directory.path): \(error)\n".utf8))
  exit(1)
}

let encoded = BuiltinPackCoding.encode(loaded.pack)
// The encoding goes into a multi-line raw string literal, which would turn a carriage return into
// a line feed and cannot hold NUL; the validator refuses both in content, so this only guards it.
if encoded.contains(0x0D) || encoded.contains(0) {
  FileHandle.standardError.write(Data("error: the built-in content pack holds a carriage return or NUL\n".utf8))
  exit(1)
}
let body = String(decoding: encoded, as: UTF8.self)
// A raw string whose delimiter the text can neither close early nor use for an escape (`\#n`).
var fence = "#"
while body.contains("\"\"\"" + fence) || body.contains("\\" + fence) { fence += "#" }
let source = """
  // Generated when igloo is built, by the CompileContent plugin from Content/. Not committed.

  /// The validated built-in pack in the encoding of ``BuiltinPackCoding``.
  let builtinPackData: StaticString = \(fence)\"\"\"
  \(body)
  \"\"\"\(fence)

  /// The encoding's length in bytes, checked at first use, so that the literal provably holds it unchanged.
  let builtinPackByteCount = \(encoded.count)

  """
let output = URL(fileURLWithPath: arguments[2])
// Only a changed file is written, so that an unchanged pack does not recompile the target.
if (try? Data(contentsOf: output)) != Data(source.utf8) {
  do {
    try Data(source.utf8).write(to: output, options: .atomic)
  } catch {
    FileHandle.standardError.write(Data("\(output.path): \(error)\n".utf8))
    exit(1)
  }
}
