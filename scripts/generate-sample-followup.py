#!/usr/bin/env python3
"""Generate the synthetic sample follow-up sheet shipped in rosters/.

  rosters/followup-koshi-2022.csv  the local trainings that graduates of the FY2022
                                   instructor-training cohort (rosters/koshi-2022.csv) ran,
                                   one row per training, as a prefectural office keeps it:
                                   研修ID, 修了者ID (one or two graduates of the same prefecture),
                                   実施日 (FY2023, written 2023/6/17), 都道府県, 市区町村, 種類, 研修名,
                                   参加者数, one column per profession, 共同講師, 備考.
                                   UTF-8 with BOM, CRLF (Excel's "CSV UTF-8").

Every graduate the roster marks 地域研修実施=はい runs one to three trainings; nobody else does.
Deterministic (fixed seed, no network): running it again rewrites identical files. Everything is
fictional. `kenshu followup import rosters/followup-koshi-2022.csv --programme koshi-2022`
turns it into rosters/followup-koshi-2022.xml.

Usage: python3 scripts/generate-sample-followup.py [ROSTER_DIR]   (default: rosters/)
"""

import csv
import io
import random
import sys
from pathlib import Path

SEED = 20230401
PROFESSIONS = ["医師", "歯科医師", "薬剤師", "保健師", "看護師", "理学療法士", "作業療法士", "管理栄養士",
               "介護支援専門員", "医療ソーシャルワーカー", "介護職員", "行政職員"]
KINDS = [("多職種連携研修（グループワーク）", "在宅医療・介護連携 多職種研修会"),
         ("事例検討会", "退院支援 事例検討会"),
         ("相互研修", "介護保険サービスを知る 医療職向け研修"),
         ("講演・講義", "人生会議（ACP）講演会"),
         ("同行訪問研修", "訪問看護 同行研修")]
PARTNERS = ["{town} 地域包括ケア推進課", "{town} 在宅医療・介護連携支援センター 相談員 森 由美", "地域包括支援センター", "郡市医師会", "訪問看護ステーション連絡会",
            "介護支援専門員協会", "保健所", "消防本部"]


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "rosters")
    rng = random.Random(SEED)
    with open(folder / "koshi-2022.csv", encoding="utf-8-sig", newline="") as f:
        people = [row for row in csv.DictReader(f) if row["地域研修実施"] == "はい" and row["修了"]]
    by_prefecture: dict[str, list[dict]] = {}
    for person in people:
        by_prefecture.setdefault(person["都道府県"], []).append(person)
    rows = []
    number = 0
    for person in people:
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            number += 1
            graduates = [person["ID"]]
            peers = [p for p in by_prefecture[person["都道府県"]] if p["ID"] != person["ID"]]
            if peers and rng.random() < 0.25:
                graduates.append(rng.choice(peers)["ID"])
            kind, title = rng.choice(KINDS)
            month = rng.choice([5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3])
            year = 2024 if month <= 3 else 2023
            day = rng.randint(1, 28)
            counts = {p: 0 for p in PROFESSIONS}
            for profession in rng.sample(PROFESSIONS, rng.randint(3, 8)):
                counts[profession] = rng.randint(1, 12)
            listed = sum(counts.values())
            # Some sheets give a total that includes people whose profession nobody wrote down.
            total = listed + (rng.randint(1, 6) if rng.random() < 0.2 else 0)
            partners = rng.sample(PARTNERS, rng.randint(0, 2))
            municipality = person["市区町村"]
            rows.append([
                f"L{number:03d}", ";".join(graduates), f"{year}/{month}/{day}", person["都道府県"], municipality,
                kind, title, str(total)] + [str(counts[p]) if counts[p] else "" for p in PROFESSIONS] + [
                "; ".join(p.format(town=municipality) for p in partners), ""])
    header = (["研修ID", "修了者ID", "実施日", "都道府県", "市区町村", "種類", "研修名", "参加者数"]
              + PROFESSIONS + ["共同講師", "備考"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    (folder / "followup-koshi-2022.csv").write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


if __name__ == "__main__":
    main()
