import KenshuModel
import KenshuXML

/// Every file under `content/` passes the publication policy the site build applies
/// (`ContentFilePolicy`): links that leave the folder, active files and SVG that can run script
/// are reported here, before a build refuses them.
struct ContentFolderCheck {
  let content: ContentFiles

  func run() -> [Diagnostic] {
    ContentFilePolicy.scan(root: content.root, displayPrefix: content.root.lastPathComponent).diagnostics
  }
}
