// Build-time tool of the CompileContent plugin: loads and validates a content folder with the same
// loader and validator as `igloo --content DIR`, and writes the validated pack as a Swift file holding
// its JSON, so that igloo starts without parsing YAML.
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

let json = String(decoding: try BuiltinPackCoding.encode(loaded.pack), as: UTF8.self)
// A raw string literal whose delimiter the JSON cannot close or escape early.
var fence = "#"
while json.contains("\"" + fence) || json.contains("\\" + fence) { fence += "#" }
let source = """
  // Generated when igloo is built, by the CompileContent plugin from Content/. Not committed.

  /// The validated built-in pack, as the JSON of ``BuiltinPackCoding``.
  let builtinPackJSON: StaticString = \(fence)"\(json)"\(fence)

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
