/// The eight regions (地方区分) Japanese statistics group prefectures into — 北海道, 東北, 関東,
/// 中部, 近畿, 中国, 四国, 九州・沖縄 — the grouping `roster summary --by region` counts by (the
/// national instructor programme reports its graduates' reach by region as well as by
/// prefecture).
public enum Region: String, Sendable, CaseIterable, Hashable {
  case hokkaido, tohoku, kanto, chubu, kinki, chugoku, shikoku, kyushuOkinawa = "kyushu-okinawa"

  public var japaneseLabel: String {
    switch self {
    case .hokkaido: "北海道"
    case .tohoku: "東北"
    case .kanto: "関東"
    case .chubu: "中部"
    case .kinki: "近畿"
    case .chugoku: "中国"
    case .shikoku: "四国"
    case .kyushuOkinawa: "九州・沖縄"
    }
  }

  /// The region of a prefecture by its JIS X 0401 code (1 北海道 … 47 沖縄県): 2–7 東北,
  /// 8–14 関東, 15–23 中部 (新潟県 to 愛知県), 24–30 近畿 (三重県 to 和歌山県), 31–35 中国,
  /// 36–39 四国, 40–47 九州・沖縄.
  public static func of(prefectureCode code: Int) -> Region? {
    switch code {
    case 1: .hokkaido
    case 2...7: .tohoku
    case 8...14: .kanto
    case 15...23: .chubu
    case 24...30: .kinki
    case 31...35: .chugoku
    case 36...39: .shikoku
    case 40...47: .kyushuOkinawa
    default: nil
    }
  }

  /// The region of a prefecture as the roster writes it (`静岡県`, `静岡`, `Shizuoka`).
  public static func of(prefecture name: String) -> Region? {
    Prefecture.canonicalName(name).flatMap { Prefecture.code(of: $0) }.flatMap { of(prefectureCode: $0) }
  }
}
