import KenshuModel

/// A field of `Person` (or of its programme progress) that a roster column can fill.
///
/// The raw values are what a `--map` file names in its second column.
public enum RosterField: String, Sendable, Codable, CaseIterable, Hashable {
  case id
  case name
  /// Surname (姓), for rosters that split the name; joined as "姓 名" when there is no name column.
  case familyName = "family-name"
  /// Given name (名).
  case givenName = "given-name"
  case kana
  /// Reading of the surname (セイ), joined with `givenNameKana` when there is no kana column.
  case familyNameKana = "family-name-kana"
  case givenNameKana = "given-name-kana"
  case profession
  case organisation
  case prefecture
  case municipality
  case roles
  case email
  /// Ids or names of people this person must not share a group with.
  case keepApart = "keep-apart"
  case preLearning = "pre-learning"
  case groupWork = "group-work"
  case completion
  case followUp = "follow-up"
  /// Whether the person has run local training since (yes/no), recorded on the follow-up stage.
  case ranLocalTraining = "ran-local-training"
  /// Qualifications held: `subject:role` items (role `instructor`/`講師` or
  /// `facilitator`/`ファシリテーター`; `subject` alone means facilitator).
  case qualifications
  /// A column to read past without a note.
  case ignore

  /// The programme stage this column records, if it is a stage column.
  public var stage: ProgrammeStage? {
    switch self {
    case .preLearning: .preLearning
    case .groupWork: .groupWork
    case .completion: .completion
    case .followUp: .followUp
    default: nil
    }
  }

  /// Header names recognised without a `--map` file (compared after `Table.normalizedHeader`,
  /// so width, case, spaces, `・`, `-`, `_` and brackets do not matter). This is the documented
  /// default mapping:
  ///
  /// | field | headers |
  /// |---|---|
  /// | id | ID, 番号, No, No., 受講者番号, 受講番号, 整理番号, 職員番号, person id |
  /// | name | 氏名, 名前, お名前, 氏名(漢字), name, full name |
  /// | family-name, given-name | 姓, 苗字, surname, family name, last name; 名, 下の名前, given name, first name |
  /// | kana | ふりがな, フリガナ, よみがな, 氏名(ふりがな), kana, furigana, reading |
  /// | family-name-kana, given-name-kana | セイ, せい, 姓(ふりがな); メイ, めい, 名(ふりがな) |
  /// | profession | 職種, 職業, profession, occupation, job |
  /// | organisation | 所属, 所属機関, 所属先, 勤務先, 事業所, 事業所名, 施設名, organisation, organization, affiliation |
  /// | prefecture | 都道府県, prefecture |
  /// | municipality | 市区町村, 市町村, municipality, city |
  /// | roles | 役割, role, roles |
  /// | email | メール, メールアドレス, Eメール, email, e-mail, mail |
  /// | keep-apart | 同席不可, 同じグループにしない, keep-apart |
  /// | pre-learning | 事前学習, pre-learning |
  /// | group-work | グループワーク, GW, group-work |
  /// | completion | 修了, 修了日, completion |
  /// | follow-up | フォローアップ, follow-up |
  /// | ran-local-training | 地域研修実施, 研修実施, ran-local-training, local training |
  /// | qualifications | 資格, 修了資格, qualification, qualifications |
  public var defaultHeaders: [String] {
    switch self {
    case .id: ["id", "番号", "no", "no.", "受講者番号", "受講番号", "整理番号", "職員番号", "person id"]
    case .name: ["氏名", "名前", "お名前", "氏名(漢字)", "name", "full name"]
    case .familyName: ["姓", "苗字", "surname", "family name", "last name"]
    case .givenName: ["名", "下の名前", "given name", "first name"]
    case .familyNameKana: ["セイ", "せい", "姓(ふりがな)", "姓(フリガナ)"]
    case .givenNameKana: ["メイ", "めい", "名(ふりがな)", "名(フリガナ)"]
    case .kana: ["ふりがな", "フリガナ", "よみがな", "氏名(ふりがな)", "氏名(フリガナ)", "kana", "furigana", "reading"]
    case .profession: ["職種", "職業", "profession", "occupation", "job"]
    case .organisation:
      ["所属", "所属機関", "所属先", "勤務先", "事業所", "事業所名", "施設名", "organisation", "organization", "affiliation"]
    case .prefecture: ["都道府県", "prefecture"]
    case .municipality: ["市区町村", "市町村", "municipality", "city"]
    case .roles: ["役割", "role", "roles"]
    case .email: ["メール", "メールアドレス", "eメール", "email", "mail", "email address"]
    case .keepApart: ["同席不可", "同じグループにしない", "keep-apart", "keep apart"]
    case .preLearning: ["事前学習", "pre-learning"]
    case .groupWork: ["グループワーク", "gw", "group-work"]
    case .completion: ["修了", "修了日", "completion"]
    case .followUp: ["フォローアップ", "follow-up"]
    case .ranLocalTraining: ["地域研修実施", "研修実施", "ran-local-training", "local training"]
    case .qualifications: ["資格", "修了資格", "qualification", "qualifications"]
    case .ignore: []
    }
  }

  /// Parses a field name as written in a `--map` file: the raw value, `role` for roles, or any
  /// of the field's default headers (`氏名`, `職種`, …).
  public init?(mapName text: String) {
    let key = Profession.normalizedKey(text)
    guard !key.isEmpty else { return nil }
    if let field = RosterField.allCases.first(where: { Profession.normalizedKey($0.rawValue) == key }) {
      self = field
    } else if key == "role" {
      self = .roles
    } else if let field = RosterField.allCases.first(where: {
      $0.defaultHeaders.contains { Profession.normalizedKey($0) == key }
    }) {
      self = field
    } else {
      return nil
    }
  }
}
