#!/usr/bin/env python3
"""Generate the synthetic sample rosters shipped in rosters/.

Deterministic (fixed seed, no network): running it again rewrites identical files.
Every person is fictional: names are random pairs of common surnames and given names,
organisations are invented, e-mail addresses use the reserved example.jp domain.

  rosters/koshi-2022.csv      FY2022 instructor-training cohort: 361 people,
                              112 doctors, 83 nurses, 86 municipal staff, 80 others,
                              all 47 prefectures, stage progress columns.
                              UTF-8 with BOM, CRLF (Excel's "CSV UTF-8").
  rosters/local-2026.csv      a 48-person local multidisciplinary training: ~8
                              organisations with 2-5 people each, plus 8 qualified facilitators (f01-f08) and 2 instructors (i01-i02),
                              one keep-apart pair. UTF-8, CRLF.
  rosters/local-2026-sjis.csv the same rows in CP932, as Japanese Excel saves "CSV".

Usage: python3 scripts/generate-sample-rosters.py [OUTPUT_DIR]   (default: rosters/)
"""

import csv
import io
import random
import sys
from pathlib import Path

SEED = 20221001

SURNAMES = [
    ("佐藤", "さとう"), ("鈴木", "すずき"), ("高橋", "たかはし"), ("田中", "たなか"), ("伊藤", "いとう"),
    ("渡辺", "わたなべ"), ("山本", "やまもと"), ("中村", "なかむら"), ("小林", "こばやし"), ("加藤", "かとう"),
    ("吉田", "よしだ"), ("山田", "やまだ"), ("佐々木", "ささき"), ("山口", "やまぐち"), ("松本", "まつもと"),
    ("井上", "いのうえ"), ("木村", "きむら"), ("林", "はやし"), ("斎藤", "さいとう"), ("清水", "しみず"),
    ("山崎", "やまざき"), ("森", "もり"), ("池田", "いけだ"), ("橋本", "はしもと"), ("阿部", "あべ"),
    ("石川", "いしかわ"), ("山下", "やました"), ("中島", "なかじま"), ("石井", "いしい"), ("小川", "おがわ"),
    ("前田", "まえだ"), ("岡田", "おかだ"), ("長谷川", "はせがわ"), ("藤田", "ふじた"), ("後藤", "ごとう"),
    ("近藤", "こんどう"), ("村上", "むらかみ"), ("遠藤", "えんどう"), ("青木", "あおき"), ("坂本", "さかもと"),
    ("髙橋", "たかはし"), ("渡邉", "わたなべ"), ("﨑山", "さきやま"),
]
GIVEN = [
    ("太郎", "たろう"), ("花子", "はなこ"), ("健一", "けんいち"), ("美咲", "みさき"), ("翔太", "しょうた"),
    ("陽子", "ようこ"), ("大輔", "だいすけ"), ("由美", "ゆみ"), ("誠", "まこと"), ("恵", "めぐみ"),
    ("拓也", "たくや"), ("真由美", "まゆみ"), ("浩二", "こうじ"), ("直子", "なおこ"), ("亮", "りょう"),
    ("彩", "あや"), ("修", "おさむ"), ("智子", "ともこ"), ("隆", "たかし"), ("結衣", "ゆい"),
    ("和也", "かずや"), ("裕子", "ゆうこ"), ("聡", "さとし"), ("香織", "かおり"), ("悠斗", "ゆうと"),
    ("千尋", "ちひろ"), ("慎吾", "しんご"), ("優子", "ゆうこ"), ("剛", "つよし"), ("麻衣", "まい"),
]
ROMAJI = {
    "さとう": "sato", "すずき": "suzuki", "たかはし": "takahashi", "たなか": "tanaka", "いとう": "ito",
    "わたなべ": "watanabe", "やまもと": "yamamoto", "なかむら": "nakamura", "こばやし": "kobayashi",
    "かとう": "kato", "よしだ": "yoshida", "やまだ": "yamada", "ささき": "sasaki", "やまぐち": "yamaguchi",
    "まつもと": "matsumoto", "いのうえ": "inoue", "きむら": "kimura", "はやし": "hayashi", "さいとう": "saito",
    "しみず": "shimizu", "やまざき": "yamazaki", "もり": "mori", "いけだ": "ikeda", "はしもと": "hashimoto",
    "あべ": "abe", "いしかわ": "ishikawa", "やました": "yamashita", "なかじま": "nakajima", "いしい": "ishii",
    "おがわ": "ogawa", "まえだ": "maeda", "おかだ": "okada", "はせがわ": "hasegawa", "ふじた": "fujita",
    "ごとう": "goto", "こんどう": "kondo", "むらかみ": "murakami", "えんどう": "endo", "あおき": "aoki",
    "さかもと": "sakamoto", "さきやま": "sakiyama",
}

# Prefecture, capital (used as the municipality), in JIS order.
PREFECTURES = [
    ("北海道", "札幌市"), ("青森県", "青森市"), ("岩手県", "盛岡市"), ("宮城県", "仙台市"), ("秋田県", "秋田市"),
    ("山形県", "山形市"), ("福島県", "福島市"), ("茨城県", "水戸市"), ("栃木県", "宇都宮市"), ("群馬県", "前橋市"),
    ("埼玉県", "さいたま市"), ("千葉県", "千葉市"), ("東京都", "新宿区"), ("神奈川県", "横浜市"), ("新潟県", "新潟市"),
    ("富山県", "富山市"), ("石川県", "金沢市"), ("福井県", "福井市"), ("山梨県", "甲府市"), ("長野県", "長野市"),
    ("岐阜県", "岐阜市"), ("静岡県", "静岡市"), ("愛知県", "名古屋市"), ("三重県", "津市"), ("滋賀県", "大津市"),
    ("京都府", "京都市"), ("大阪府", "大阪市"), ("兵庫県", "神戸市"), ("奈良県", "奈良市"), ("和歌山県", "和歌山市"),
    ("鳥取県", "鳥取市"), ("島根県", "松江市"), ("岡山県", "岡山市"), ("広島県", "広島市"), ("山口県", "山口市"),
    ("徳島県", "徳島市"), ("香川県", "高松市"), ("愛媛県", "松山市"), ("高知県", "高知市"), ("福岡県", "福岡市"),
    ("佐賀県", "佐賀市"), ("長崎県", "長崎市"), ("熊本県", "熊本市"), ("大分県", "大分市"), ("宮崎県", "宮崎市"),
    ("鹿児島県", "鹿児島市"), ("沖縄県", "那覇市"),
]

# Profession label as an office would type it → organisation patterns.
ORGANISATIONS = {
    "医師": ["{town}みなみ診療所", "{town}在宅クリニック", "{town}中央病院", "{town}ひかり内科"],
    "看護師": ["{town}訪問看護ステーション", "{town}中央病院 地域連携室", "訪問看護ステーション{town}"],
    "行政職員": ["{city} 地域包括ケア推進課", "{city} 高齢者福祉課", "{city} 保健所"],
    "薬剤師": ["{town}さくら薬局", "{town}中央病院 薬剤部"],
    "歯科医師": ["{town}こすもす歯科"],
    "理学療法士": ["{town}リハビリテーション病院"],
    "作業療法士": ["{town}リハビリテーション病院"],
    "言語聴覚士": ["{town}リハビリテーション病院"],
    "管理栄養士": ["{town}中央病院 栄養科"],
    "歯科衛生士": ["{town}こすもす歯科"],
    "介護支援専門員": ["居宅介護支援事業所{town}", "{town}ケアプランセンター"],
    "医療ソーシャルワーカー": ["{town}中央病院 医療福祉相談室"],
    "社会福祉士": ["{town}地域包括支援センター"],
    "介護福祉士": ["{town}ヘルパーステーション"],
    "保健師": ["{city} 健康づくり課"],
}
TOWNS = ["みどり台", "さくら野", "ひばりが丘", "あさひ", "かえで", "つばき", "こもれび", "はなみずき", "わかば", "しらかば"]

KOSHI_PROFESSIONS = (
    [("医師", 112), ("看護師", 75), ("訪問看護師", 8), ("行政職員", 60), ("市町村職員", 26)]
    + [("薬剤師", 14), ("歯科医師", 6), ("理学療法士", 8), ("作業療法士", 6), ("言語聴覚士", 4),
       ("管理栄養士", 6), ("歯科衛生士", 4), ("介護支援専門員", 14), ("医療ソーシャルワーカー", 8),
       ("社会福祉士", 4), ("介護福祉士", 4), ("保健師", 2)]
)


def person_name(rng):
    surname, surname_kana = rng.choice(SURNAMES)
    given, given_kana = rng.choice(GIVEN)
    return f"{surname} {given}", f"{surname_kana} {given_kana}", ROMAJI[surname_kana]


ALIASES = {"訪問看護師": "看護師", "市町村職員": "行政職員", "ケアマネジャー": "介護支援専門員",
           "MSW": "医療ソーシャルワーカー", "市職員": "行政職員"}


def organisation_for(rng, label, city):
    patterns = ORGANISATIONS[ALIASES.get(label, label)]
    return rng.choice(patterns).format(town=rng.choice(TOWNS), city=city)


def iso(month_day, year):
    return f"{year}-{month_day[0]:02d}-{month_day[1]:02d}"


def write_csv(path, header, rows, encoding, bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def koshi_2022(rng):
    labels = [label for label, count in KOSHI_PROFESSIONS for _ in range(count)]
    rng.shuffle(labels)
    # Every prefecture at least seven times, the rest weighted towards big prefectures.
    prefectures = [p for p in PREFECTURES for _ in range(7)]
    big = [p for p in PREFECTURES if p[0] in ("東京都", "大阪府", "神奈川県", "愛知県", "福岡県", "北海道")]
    prefectures += [rng.choice(big) for _ in range(len(labels) - len(prefectures))]
    rng.shuffle(prefectures)
    rows = []
    for number, (label, (prefecture, city)) in enumerate(zip(labels, prefectures), start=1):
        name, kana, romaji = person_name(rng)
        pre = iso((8, rng.randint(1, 31)), 2022) if rng.random() < 0.98 else ""
        gw = iso((10, rng.choice([15, 16, 29, 30])), 2022) if pre and rng.random() < 0.97 else ""
        done = iso((12, 10), 2022) if gw and rng.random() < 0.96 else ""
        follow = iso((3, rng.randint(1, 20)), 2023) if done and rng.random() < 0.75 else ""
        ran = ("はい" if rng.random() < 0.55 else "いいえ") if follow else ""
        rows.append([
            f"p{number:03d}", name, kana, label, organisation_for(rng, label, city), prefecture, city, "受講者",
            f"{romaji}.{number:03d}@example.jp", pre, gw, done, follow, ran,
        ])
    header = ["ID", "氏名", "ふりがな", "職種", "所属", "都道府県", "市区町村", "役割", "メール",
              "事前学習", "グループワーク", "修了", "フォローアップ", "地域研修実施"]
    return header, rows


LOCAL_PROFESSIONS = [
    ("医師", 6), ("看護師", 7), ("訪問看護師", 2), ("薬剤師", 4), ("ケアマネジャー", 8), ("介護福祉士", 5),
    ("理学療法士", 3), ("作業療法士", 2), ("言語聴覚士", 1), ("管理栄養士", 2), ("歯科衛生士", 1),
    ("歯科医師", 1), ("MSW", 2), ("市職員", 3), ("保健師", 1),
]
LOCAL_ORGANISATIONS = [
    ("浜松市みなみ在宅クリニック", ["医師", "看護師", "看護師", "医師", "MSW"]),
    ("訪問看護ステーションあおば", ["訪問看護師", "訪問看護師", "看護師", "理学療法士", "作業療法士"]),
    ("医療法人社団 ひかり会, ひかり内科", ["医師", "看護師", "管理栄養士", "薬剤師"]),
    ("浜松市 地域包括ケア推進課", ["市職員", "市職員", "保健師", "市職員"]),
    ("さくら野薬局", ["薬剤師", "薬剤師", "薬剤師"]),
    ("居宅介護支援事業所こもれび", ["ケアマネジャー", "ケアマネジャー", "ケアマネジャー"]),
    ("ヘルパーステーションわかば", ["介護福祉士", "介護福祉士"]),
    ("浜松中央リハビリテーション病院", ["理学療法士", "言語聴覚士"]),
]


def local_2026(rng):
    remaining = [label for label, count in LOCAL_PROFESSIONS for _ in range(count)]
    people = []
    for organisation, labels in LOCAL_ORGANISATIONS:
        for label in labels:
            remaining.remove(label)
            people.append((label, organisation))
    for index, label in enumerate(remaining):
        people.append((label, organisation_for(rng, label, "浜松市")))
    rng.shuffle(people)
    rows = []
    for number, (label, organisation) in enumerate(people, start=1):
        name, kana, romaji = person_name(rng)
        rows.append([f"p{number:03d}", name, kana, label, organisation, "静岡県", "浜松市", "受講者",
                     f"{romaji}.{number:03d}@example.jp", "", ""])
    # One pair to keep apart (say, a supervisor and their direct report): trainees p011 and p027.
    rows[10][9] = "p027"
    rows[26][9] = "p011"
    # Staff named by the sample programmes: two instructors (i01, i02) and eight facilitators
    # (f01-f08, one per table of six), graduates of the instructor training and so qualified.
    # Several work at organisations that also send trainees, which is what makes "never
    # facilitate your own organisation's table" matter.
    subjects = ["tashokushu-2026", "koshi-2026", "bcp-workshop"]
    staff = [
        ("i01", "医師", "浜松市医師会", "講師"),
        ("i02", "看護師", "浜松市在宅医療・介護連携支援センター", "講師"),
        ("f01", "医師", "浜松市みなみ在宅クリニック", "ファシリテーター"),
        ("f02", "訪問看護師", "訪問看護ステーションあおば", "ファシリテーター"),
        ("f03", "ケアマネジャー", "居宅介護支援事業所こもれび", "ファシリテーター"),
        ("f04", "薬剤師", "さくら野薬局", "ファシリテーター"),
        ("f05", "MSW", "浜松中央リハビリテーション病院", "ファシリテーター"),
        ("f06", "理学療法士", "浜松中央リハビリテーション病院", "ファシリテーター"),
        ("f07", "保健師", "浜松市 地域包括ケア推進課", "ファシリテーター"),
        ("f08", "社会福祉士", "浜松市南地域包括支援センター", "ファシリテーター"),
    ]
    for staff_id, label, organisation, role in staff:
        name, kana, romaji = person_name(rng)
        kind = "instructor" if role == "講師" else "facilitator"
        rows.append([staff_id, name, kana, label, organisation, "静岡県", "浜松市", role,
                     f"{romaji}.{staff_id}@example.jp", "", "・".join(f"{s}:{kind}" for s in subjects)])
    header = ["ID", "氏名", "フリガナ", "職種", "所属機関", "都道府県", "市区町村", "役割", "メールアドレス", "同席不可", "資格"]
    return header, rows


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "rosters"
    out.mkdir(parents=True, exist_ok=True)
    header, rows = koshi_2022(random.Random(SEED))
    write_csv(out / "koshi-2022.csv", header, rows, "utf-8", bom=True)
    header, rows = local_2026(random.Random(SEED + 1))
    write_csv(out / "local-2026.csv", header, rows, "utf-8")
    write_csv(out / "local-2026-sjis.csv", header, rows, "cp932")


if __name__ == "__main__":
    main()
