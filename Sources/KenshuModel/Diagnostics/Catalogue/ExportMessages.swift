/// Exporting modules for a learning management system (docs/modules.md).
extension Catalogue {
  public static let scormRuntimeMissing = MessageTemplate<String>(
    "scorm-runtime-missing", sample: "runtime.js",
    ja: {
      Wording(
        "SCORM の実行ファイル \($0) が見つかりません。このパッケージは LMS で動きません",
        hint: "kenshu のインストールが壊れています。入れ直してください")
    },
    en: {
      Wording(
        "the SCORM runtime file \($0) is missing; the package will not run in an LMS",
        hint: "the kenshu installation is damaged: reinstall it")
    })

  static let exportEntries: [CatalogueEntry] = [scormRuntimeMissing.entry]
}
