/// The catalogue of diagnostic messages: every diagnostic Kenshu reports is made from one of
/// these templates, so it has a stable code and wording in Japanese and English.
///
/// To add a diagnostic: add a `MessageTemplate` to the file of its part (`ReadingMessages`,
/// `StructureMessages`, …, or a new file for a new part), list its `entry` in that file's entries,
/// document the code in docs/diagnostics.md in both languages, and report it with
/// `Diagnostic.error(Catalogue.name, arguments, at: location)`. `CatalogueTests` fails for a code
/// that is emitted or documented without a catalogue entry.
public enum Catalogue {
  /// Every template with its sample arguments rendered in both languages.
  public static var entries: [CatalogueEntry] {
    readingEntries + structureEntries + valueEntries + referenceEntries + checkEntries + contentEntries
      + awardEntries + siteEntries + tabularEntries + spreadsheetEntries + rosterEntries + trainingDayEntries
      + evaluationEntries + groupEntries + exportEntries + followUpEntries + markdownEntries
      // The public certificate register (verification/PROGRAMME.json).
      + registerEntries
  }

  /// The codes that have a catalogue entry.
  public static var codes: Set<String> { Set(entries.map(\.code)) }

  /// The Japanese word for an attribute trainers meet often, for messages such as
  /// `<session> "gw1" に所要時間がありません`; nil for the others, which are named as written.
  public static func japaneseName(ofAttribute name: String) -> String? {
    switch name {
    case "duration": "所要時間"
    case "start": "開始時刻"
    case "end": "終了時刻"
    case "date": "日付"
    case "title": "タイトル"
    case "id": "id"
    case "kind": "種類"
    case "mode": "実施形態"
    case "src": "ファイル指定（src）"
    case "size": "グループの人数"
    case "min-professions": "最低職種数"
    case "max-size": "最大人数"
    case "pass-mark": "合格点"
    case "survey": "アンケート"
    case "module": "教材"
    case "roster": "名簿"
    case "type": "種類"
    case "scale": "尺度"
    case "profession": "職種"
    case "minutes": "分数"
    default: nil
    }
  }
}
