import KenshuModel
import KenshuTabular

/// What one column of a local-training file holds, decided from its header.
enum FollowUpColumn: Sendable, Hashable {
  case training
  case graduates
  case date
  case prefecture
  case municipality
  case kind
  case title
  /// Total participants (参加者数), everybody.
  case participants
  case coInstructors
  /// Participants of one profession (a header such as 医師, 看護師, 参加者_ケアマネ).
  case reached(Profession)
  /// Not read (備考, …).
  case ignored
}

/// Maps the headers of a local-training file to columns.
enum FollowUpColumnMap {
  static let headers: [(FollowUpColumn, [String])] = [
    (.training, ["研修ID", "研修番号", "研修No", "training", "training id", "id", "No", "番号"]),
    (
      .graduates,
      [
        "修了者ID", "修了者", "修了者番号", "受講者ID", "受講者番号", "講師ID", "実施者ID", "実施者", "graduate",
        "graduates", "graduate id",
      ]
    ),
    (.date, ["実施日", "開催日", "日付", "実施年月日", "date"]),
    (.prefecture, ["都道府県", "開催都道府県", "実施都道府県", "prefecture"]),
    (.municipality, ["市区町村", "開催市区町村", "実施市区町村", "開催地", "実施場所", "municipality"]),
    (.kind, ["種類", "研修の種類", "種別", "形式", "研修形式", "kind"]),
    (.title, ["研修名", "名称", "タイトル", "テーマ", "title"]),
    (.participants, ["参加者数", "参加者合計", "参加人数", "参加者", "合計", "総数", "participants", "total"]),
    (.coInstructors, ["共同講師", "協力講師", "共同講師・協力者", "講師（修了者以外）", "co-instructors", "co instructors"]),
  ]

  static func column(for header: String) -> FollowUpColumn {
    let key = Table.normalizedHeader(header)
    if key.isEmpty { return .ignored }
    for (column, names) in headers where names.contains(where: { Table.normalizedHeader($0) == key }) {
      return column
    }
    // A profession, alone or with 参加者/人数 around it: 医師, 参加者_看護師, 薬剤師（人）, 参加者数(PT).
    var stripped = header
    for word in ["参加者数", "参加者", "参加人数", "人数", "（人）", "(人)", "人"] {
      stripped = stripped.replacingOccurrences(of: word, with: "")
    }
    if let profession = Profession(parsing: stripped) ?? Profession(parsing: header) {
      return .reached(profession)
    }
    return .ignored
  }
}
