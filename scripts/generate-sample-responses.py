#!/usr/bin/env python3
"""Deterministic synthetic survey responses for Kenshu's evaluation report.

    python3 scripts/generate-sample-responses.py            # writes responses/*.csv

Outputs (survey definitions: the day-1 evaluation `day1-eval` with items prof, q1…q9, and the
prefectural survey `prefecture-2016` with items `doing`, `reasons`, `lacking`; see
responses/README.md):
- responses/day1-eval-kenshu.csv          Kenshu's own format, UTF-8, 180 rows (paper forms typed in)
- responses/day1-eval-google-forms.csv    Google-Forms-style export in CP932, 150 rows, question-text
                                          headers, multiple answers joined by ", ", a few bad values
- responses/prefecture-2016.csv           619 hospitals/clinics; multiple-answer counts equal to the
                                          published table (N=320 reasons, N=619 lacking)
- responses/acp-test-pre.csv, responses/acp-test-post.csv
                                          knowledge test `acp-test` (k1…k5 with a correct option, c1
                                          confidence5) before and after; 120 and 112 participants,
                                          104 of them in both (pairing by participant id)
The day-1 files are also copied to the test fixtures that check them.
"""
import csv
import io
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "responses")
FIXTURES = os.path.join(ROOT, "Tests", "KenshuEvaluationTests", "Fixtures")

PROFESSIONS = [("医師", 22), ("看護師", 30), ("訪問看護師", 10), ("薬剤師", 9), ("介護支援専門員", 25),
               ("理学療法士", 6), ("作業療法士", 4), ("管理栄養士", 3), ("歯科医師", 3), ("医療ソーシャルワーカー", 5),
               ("介護福祉士", 8), ("行政職員", 7), ("保健師", 3)]
SAT = ["不満", "やや不満", "どちらともいえない", "やや満足", "満足"]
AGREE = ["そう思わない", "あまりそう思わない", "どちらともいえない", "ややそう思う", "そう思う"]
CONF = ["自信がない", "あまり自信がない", "どちらともいえない", "やや自信がある", "自信がある"]
USEFUL = ["退院支援", "急変時の対応", "看取り", "事例検討, グループワーク"]
OTHER_USEFUL = ["他職種の本音が聞けた", "地域資源マップ", "ACP（人生会議）の進め方"]
PLAN = ["はい", "いいえ", "わからない"]
COMMENTS = [
    "多職種の役割がよく分かりました。退院支援の場面で活かしたいです。",
    "グループワークの時間がもう少し長いと良かった。",
    "ケアマネジャーとの連携の具体例が参考になった。",
    "急変時の対応について、地域の救急との連携をもっと知りたい。",
    "看取りの事例検討が印象に残りました。",
    "他職種の考え方を知ることができ、連携への不安が減った。",
    "資料を事前に配布してほしい。",
    "訪問看護ステーションとの情報共有の方法を学べた。",
    "",
]
TEXTS = {
    "prof": "あなたの職種を教えてください",
    "q1": "研修全体に満足した",
    "q2": "グループワークは有意義だった",
    "q3": "他職種の役割を説明できる",
    "q4": "他職種に相談するのはためらわれる",
    "q5": "退院支援で連携できる",
    "q6": "特に役立った内容",
    "q7": "今後、地域で研修を企画したいですか",
    "q8": "連携している事業所数",
    "q9": "ご意見・ご感想",
}


def likert(rng, centre, spread=1.0):
    return max(1, min(5, round(rng.gauss(centre, spread))))


def day1_row(rng, index):
    prof = rng.choices([p for p, _ in PROFESSIONS], weights=[w for _, w in PROFESSIONS])[0]
    trait = rng.gauss(0, 0.7)  # confidence in interprofessional work drives q3–q5 together
    before = likert(rng, 2.4 + trait, 0.6)
    now = max(before, likert(rng, 3.7 + trait, 0.6))
    chosen = sorted(rng.sample(range(4), rng.choice([1, 1, 2, 2, 3])))
    useful = [USEFUL[i] for i in chosen]
    if rng.random() < 0.08:
        useful.append(rng.choice(OTHER_USEFUL))
    return {
        "participant": f"D1-{index:04d}",
        "prof": prof,
        "q1": likert(rng, 4.2, 0.8),
        "q2": likert(rng, 4.0, 0.9),
        "q3.before": before,
        "q3.now": now,
        "q4": likert(rng, 2.3 - trait, 0.7),
        "q5": likert(rng, 3.8 + trait, 0.7),
        "q6": useful,
        "q7": rng.choices(PLAN, weights=[35, 25, 40])[0],
        "q8": max(0, int(rng.gauss(8, 5))),
        "q9": rng.choice(COMMENTS),
    }


def write_kenshu(rows, path):
    header = ["participant", "prof", "q1", "q2", "q3.before", "q3.now", "q4", "q5", "q6", "q7", "q8", "q9"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r["participant"], r["prof"], r["q1"], r["q2"], r["q3.before"], r["q3.now"], r["q4"],
                        r["q5"], ";".join(r["q6"]), r["q7"], r["q8"], r["q9"]])


def write_google(rows, path, rng):
    header = ["タイムスタンプ", "受講者番号", TEXTS["prof"], TEXTS["q1"], TEXTS["q2"], f"{TEXTS['q3']} [研修前]",
              f"{TEXTS['q3']} [現在]", TEXTS["q4"], TEXTS["q5"], TEXTS["q6"], TEXTS["q7"], TEXTS["q8"], TEXTS["q9"]]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    for i, r in enumerate(rows):
        stamp = f"2026/04/18 {16 + i // 60}:{i % 60:02d}:{(i * 7) % 60:02d}"
        q2 = AGREE[r["q2"] - 1]
        if i == 17:
            q2 = "とても良い"  # an answer Kenshu cannot interpret: reported and excluded from q2
        q1 = SAT[r["q1"] - 1]
        if i == 42:
            q1 = "6"  # out of range
        w.writerow([stamp, r["participant"], r["prof"], q1, q2, CONF[r["q3.before"] - 1], CONF[r["q3.now"] - 1],
                    AGREE[r["q4"] - 1], r["q5"], ", ".join(r["q6"]), r["q7"], r["q8"], r["q9"]])
        if i == 99:
            w.writerow([""] * len(header))  # a blank row: rejected as "no answers"
    with open(path, "w", encoding="cp932", newline="") as f:
        f.write(out.getvalue())


def allocate(rng, respondents, counts):
    """Give each option exactly its count of respondents, every respondent at least one option."""
    picks = {r: [] for r in respondents}
    for option, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        order = sorted(respondents, key=lambda r: (len(picks[r]), rng.random()))
        for r in order[:count]:
            picks[r].append(option)
    assert all(picks.values())
    return picks


def write_prefecture(path, rng):
    reasons = {"在宅医療を担う人員がいない": 203, "往診する時間がない": 164, "夜間の対応が体力的に厳しい": 161,
               "24時間の呼び出しが精神的に負担": 128, "休日が取れない": 102, "患者からの要望が少ない": 93,
               "必要性を感じない": 30, "採算が合わない": 20, "その他": 43}
    lacking = {"在宅医療を担う医師": 412, "急変時に受け入れる病院": 287, "家族介護者を支えるサービス": 253,
               "住民への普及啓発": 195, "訪問看護ステーション": 187, "訪問介護との連携": 129,
               "在宅医療を行う薬局": 82, "その他": 51}
    others_r = ["後継者がいない", "医師が高齢", "設備がない", "専門外のため"]
    others_l = ["情報共有の仕組み", "相談窓口", "移動手段"]
    ids = [f"H{i:03d}" for i in range(1, 620)]
    not_doing = sorted(rng.sample(ids, 320))
    reason_picks = allocate(rng, not_doing, reasons)
    lacking_picks = allocate(rng, ids, lacking)

    def cell(picks, other_texts):
        labels = [p if p != "その他" else rng.choice(other_texts) for p in picks]
        return ";".join(labels)

    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["participant", "doing", "reasons", "lacking"])
        for i in ids:
            doing = "実施していない" if i in reason_picks else "実施している"
            w.writerow([i, doing, cell(reason_picks[i], others_r) if i in reason_picks else "",
                        cell(lacking_picks[i], others_l)])


ACP_OPTIONS = {
    "k1": ["本人の意思を中心に繰り返し話し合う", "家族の希望を優先して一度で決める", "医師が方針を決めて伝える"],
    "k2": ["救急隊と共有する手順を地域で決める", "本人の意向は救急搬送時には扱わない", "かかりつけ医だけが知っていればよい"],
    "k3": ["主治医と副主治医で夜間の対応を分担する", "すべて一人の医師が24時間対応する", "夜間は救急要請のみで対応する"],
    "k4": ["退院前カンファレンスで在宅の支援者と情報を共有する", "退院後に初めてケアマネジャーへ連絡する", "病棟看護師だけで退院計画を立てる"],
    "k5": ["二人訪問の体制や相談窓口を事前に確認する", "暴力の兆候があっても一人で訪問を続ける", "記録は残さず口頭で共有する"],
}


def write_acp(rng):
    """Pre/post knowledge test: the first option is correct; ability rises after the training."""
    people = [f"ACP-{i:03d}" for i in range(1, 129)]
    pre_people = people[:120]
    post_people = people[:104] + people[120:128]
    ability = {p: rng.gauss(0, 1) for p in people}

    def answer(person, item, boost):
        p_correct = 1 / (1 + pow(2.718281828, -(ability[person] + boost + (0.5 - int(item[1]) * 0.15))))
        options = ACP_OPTIONS[item]
        return options[0] if rng.random() < p_correct else rng.choice(options[1:])

    for name, group, boost, confidence in [("acp-test-pre.csv", pre_people, -0.6, 2.4),
                                           ("acp-test-post.csv", post_people, 1.0, 3.5)]:
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["participant", "k1", "k2", "k3", "k4", "k5", "c1"])
            for person in group:
                w.writerow([person] + [answer(person, f"k{i}", boost) for i in range(1, 6)]
                           + [likert(rng, confidence + ability[person] * 0.5, 0.7)])


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20260418)
    rows = [day1_row(rng, i) for i in range(1, 331)]
    write_kenshu(rows[:180], os.path.join(OUT, "day1-eval-kenshu.csv"))
    write_google(rows[180:], os.path.join(OUT, "day1-eval-google-forms.csv"), rng)
    write_prefecture(os.path.join(OUT, "prefecture-2016.csv"), random.Random(2016))
    write_acp(random.Random(2023))
    for name in ["day1-eval-kenshu.csv", "day1-eval-google-forms.csv", "prefecture-2016.csv",
                 "acp-test-pre.csv", "acp-test-post.csv"]:
        shutil.copy(os.path.join(OUT, name), os.path.join(FIXTURES, name))


if __name__ == "__main__":
    main()
