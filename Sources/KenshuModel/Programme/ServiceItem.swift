/// A work item (事業項目) of the municipal programme for home medical and care coordination
/// (在宅医療・介護連携推進事業), (ア) to (ク), as a programme's `serves` attribute names them.
/// Municipalities report their activities by these items; item (カ) is the training of
/// medical and care professionals.
public enum ServiceItem: String, Sendable, Codable, CaseIterable, Hashable {
  case a, i, u, e, o, ka, ki, ku

  /// The item's letter as written in the official lists: (ア) … (ク).
  public var letter: String {
    switch self {
    case .a: "（ア）"
    case .i: "（イ）"
    case .u: "（ウ）"
    case .e: "（エ）"
    case .o: "（オ）"
    case .ka: "（カ）"
    case .ki: "（キ）"
    case .ku: "（ク）"
    }
  }

  public var japaneseLabel: String {
    switch self {
    case .a: "地域の医療・介護の資源の把握"
    case .i: "在宅医療・介護連携の課題の抽出と対応策の検討"
    case .u: "切れ目のない在宅医療と在宅介護の提供体制の構築推進"
    case .e: "医療・介護関係者の情報共有の支援"
    case .o: "在宅医療・介護連携に関する相談支援"
    case .ka: "医療・介護関係者の研修"
    case .ki: "地域住民への普及啓発"
    case .ku: "在宅医療・介護連携に関する関係市区町村の連携"
    }
  }

  public var englishLabel: String {
    switch self {
    case .a: "Map local medical and care resources"
    case .i: "Extract issues and plan responses"
    case .u: "Seamless home medical and care provision"
    case .e: "Information sharing between professionals"
    case .o: "Consultation on coordination"
    case .ka: "Training of medical and care professionals"
    case .ki: "Public awareness"
    case .ku: "Cooperation between municipalities"
    }
  }
}
