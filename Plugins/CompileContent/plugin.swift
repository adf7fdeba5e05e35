import Foundation
import PackagePlugin

/// Compiles the package's `Content/` folder into the built-in pack when igloo is built.
///
/// The tool loads and validates the YAML with the same code as `igloo --content DIR`, so a content
/// error fails the build with `file:line: message`, and writes the validated pack as a Swift source
/// file that the target compiles in. Nothing generated is committed, so the built-in pack cannot drift
/// from `Content/`.
@main
struct CompileContent: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let content = context.package.directoryURL.appendingPathComponent("Content")
    let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltinPackData.swift")
    // Every file below Content/ is an input, so that editing, adding or removing one rebuilds the pack.
    var inputs: [URL] = []
    if let walk = FileManager.default.enumerator(at: content, includingPropertiesForKeys: [.isRegularFileKey]) {
      for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        inputs.append(url)
      }
    }
    return [
      .buildCommand(
        displayName: "Compiling the built-in content pack from Content/",
        executable: try context.tool(named: "IglooContentCompiler").url,
        arguments: [content.path, output.path],
        inputFiles: inputs.sorted { $0.path < $1.path },
        outputFiles: [output])
    ]
  }
}
