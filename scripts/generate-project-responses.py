#!/usr/bin/env python3
"""Synthetic responses to the project's own surveys (curricula/*.xml), for `kenshu evaluate` demos.

    python3 scripts/generate-project-responses.py [CURRICULA_DIR]

Reads each survey definition and writes plausible answers in the format an organiser would
actually get (deterministic; no real people):
- responses/tashokushu-2026-eval-google-forms.csv  Google Forms export in CP932 (Excel, Japanese Windows)
- responses/koshi-2026-eval-microsoft-forms.csv    Microsoft Forms export, UTF-8 with BOM
- responses/bcp-workshop-eval.csv                  Kenshu's format, typed in from paper forms
- responses/koshi-2026-followup.csv                Kenshu's format
- responses/harassment-pre.csv, harassment-post.csv  Kenshu's format, paired by participant id
Answers follow the item types: Likert skewed positive (more for reaction items, retrospective
"before" lower than "now"), choices weighted toward the first options, the correct option of a
knowledge item more often after the training, free text from a pool of realistic comments.
"""
import csv
import io
import math
import os
import random
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "responses")
NS = {"k": "urn:kenshu:1"}

SCALES = {
    "agree5": ["そう思わない", "あまりそう思わない", "どちらともいえない", "ややそう思う", "そう思う"],
    "agree4": ["そう思わない", "あまりそう思わない", "ややそう思う", "そう思う"],
    "satisfaction5": ["不満", "やや不満", "どちらともいえない", "やや満足", "満足"],
    "understanding5": ["理解できなかった", "あまり理解できなかった", "どちらともいえない", "おおむね理解できた", "よく理解できた"],
    "confidence5": ["自信がない", "あまり自信がない", "どちらともいえない", "やや自信がある", "自信がある"],
}
PROFESSIONS = [("医師", 10), ("看護師", 14), ("訪問看護師", 6), ("薬剤師", 6), ("介護支援専門員", 14), ("理学療法士", 4),
               ("作業療法士", 3), ("管理栄養士", 2), ("歯科医師", 2), ("歯科衛生士", 2), ("医療ソーシャルワーカー", 4),
               ("介護福祉士", 6), ("訪問介護員", 4), ("行政職員", 6), ("保健師", 3), ("社会福祉士", 2)]
COMMENTS = {
    "default": [
        "他職種の方と直接話せたことが一番の収穫でした。",
        "グループワークの時間がもう少し長いとよかったです。",
        "事例が具体的で、明日からの業務に活かせると思いました。",
        "ケアマネジャーさんの役割がよくわかりました。",
        "資料を事前に配布してもらえると助かります。",
        "急変時の対応について、消防との連携の話がとても参考になりました。",
        "退院前カンファレンスで何を共有すべきか整理できました。",
        "オンラインでも参加できるようにしてほしいです。",
        "顔の見える関係ができて、相談しやすくなりました。",
        "看取りの事例検討で、家族への支援の大切さを改めて感じました。",
        "会場が少し寒かったです。",
        "今後も定期的に開催してほしいです。",
    ],
}


def text_of(el):
    t = el.find("k:text", NS)
    return (t.text or "").strip() if t is not None else ""


def load_survey(path):
    root = ET.parse(path).getroot()
    scales = dict(SCALES)
    for scale in root.findall("k:scale", NS):
        scales[scale.get("id")] = [(l.text or "").strip() for l in scale.findall("k:label", NS)]
    items = []
    for el in root.findall("k:item", NS):
        items.append({
            "id": el.get("id"), "type": el.get("type"), "text": text_of(el),
            "scale": scales.get(el.get("scale") or "agree5", SCALES["agree5"]),
            "reverse": el.get("reverse") == "true", "retrospective": el.get("retrospective") == "true",
            "options": [(o.text or "").strip() for o in el.findall("k:option", NS)],
            "correct": [i for i, o in enumerate(el.findall("k:option", NS)) if o.get("correct") == "true"],
            "other": el.get("other") == "true", "level": el.get("level"),
            "min": float(el.get("min", "0")), "max": float(el.get("max", "10")),
        })
    return {"id": root.get("id"), "invited": int(root.get("invited", "0") or 0), "items": items}


def likert(rng, labels, centre, spread=0.8):
    k = len(labels)
    return max(1, min(k, round(rng.gauss(centre, spread))))


def answer(rng, item, person, phase):
    """One answer as (value(s)); for retrospective items a (before, now) pair of points."""
    t = item["type"]
    k = len(item["scale"])
    if t == "profession":
        return rng.choices([p for p, _ in PROFESSIONS], weights=[w for _, w in PROFESSIONS])[0]
    if t == "likert":
        centre = k * 0.78 + person["trait"] * 0.5
        if item["level"] == "1":
            centre += 0.2
        if item["reverse"]:
            centre = k + 1 - centre
        if phase == "pre":
            centre -= 0.9
        if item["retrospective"]:
            now = likert(rng, item["scale"], centre)
            before = min(now, likert(rng, item["scale"], centre - 1.3))
            return (before, now)
        return likert(rng, item["scale"], centre)
    if t == "single":
        n = len(item["options"])
        if item["correct"]:
            p = 1 / (1 + math.exp(-(person["ability"] + (1.2 if phase == "post" else -0.3))))
            if rng.random() < p:
                return item["options"][item["correct"][0]]
            return rng.choice([o for i, o in enumerate(item["options"]) if i not in item["correct"]])
        if item["other"] and rng.random() < 0.05:
            return "その他（" + rng.choice(["地域包括支援センター", "有料老人ホーム", "市外の事業所"]) + "）"
        return rng.choices(item["options"], weights=[n - i + 1 for i in range(n)])[0]
    if t == "multiple":
        n = len(item["options"])
        chosen = [o for i, o in enumerate(item["options"]) if rng.random() < 0.55 - 0.05 * i]
        if not chosen:
            chosen = [rng.choice(item["options"])]
        if item["other"] and rng.random() < 0.07:
            chosen.append(rng.choice(["ICTの操作研修", "病院の地域連携室との定例会", "夜間の連絡先一覧"]))
        return chosen
    if t == "numeric":
        lo, hi = item["min"], item["max"]
        return int(max(lo, min(hi, round(rng.gauss(lo + (hi - lo) * 0.2, (hi - lo) * 0.12)))))
    if t == "text":
        return rng.choice(COMMENTS["default"]) if rng.random() < 0.45 else ""
    return ""


def people(rng, prefix, count):
    return [{"id": f"{prefix}-{i:03d}", "trait": rng.gauss(0, 0.6), "ability": rng.gauss(0, 1)}
            for i in range(1, count + 1)]


def kenshu_rows(rng, survey, group, phase=""):
    header = ["participant"]
    for item in survey["items"]:
        header += [f"{item['id']}.before", f"{item['id']}.now"] if item["retrospective"] else [item["id"]]
    rows = [header]
    for person in group:
        row = [person["id"]]
        for item in survey["items"]:
            value = answer(rng, item, person, phase)
            if item["retrospective"]:
                row += [value[0], value[1]]
            elif isinstance(value, list):
                row.append(";".join(value))
            else:
                row.append(value)
        rows.append(row)
    return rows


def form_rows(rng, survey, group, style):
    """Google Forms / Microsoft Forms style: question texts as headers, labels as answers."""
    header = ["タイムスタンプ", "受講者番号"] if style == "google" else ["ID", "開始時刻", "完了時刻", "メール", "名前", "最終変更時刻", "受講者番号"]
    for item in survey["items"]:
        if item["retrospective"]:
            header += [f"{item['text']} [研修前]", f"{item['text']} [現在]"]
        else:
            header.append(item["text"])
    rows = [header]
    for n, person in enumerate(group, 1):
        minute = 30 + n // 3
        stamp = f"2026/06/20 16:{minute % 60:02d}:{(n * 13) % 60:02d}"
        row = [stamp, person["id"]] if style == "google" else [
            n, f"6/20/26 16:{minute % 60:02d}:00", f"6/20/26 16:{(minute + 4) % 60:02d}:00", "anonymous", "", "", person["id"]]
        for item in survey["items"]:
            value = answer(rng, item, person, "")
            if item["retrospective"]:
                row += [item["scale"][value[0] - 1], item["scale"][value[1] - 1]]
            elif item["type"] == "likert":
                row.append(item["scale"][value - 1])
            elif isinstance(value, list):
                row.append(", ".join(value) if style == "google" else ";".join(value) + ";")
            else:
                row.append(value)
        rows.append(row)
    return rows


def write(rows, name, encoding):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    with open(os.path.join(OUT, name), "w", encoding=encoding, newline="") as f:
        f.write(out.getvalue())


def main():
    curricula = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "curricula")
    rng = random.Random(20260620)
    s = load_survey(os.path.join(curricula, "tashokushu-2026-eval.xml"))
    write(form_rows(rng, s, people(rng, "T", 44), "google"), "tashokushu-2026-eval-google-forms.csv", "cp932")
    s = load_survey(os.path.join(curricula, "koshi-2026-eval.xml"))
    write(form_rows(rng, s, people(rng, "K", 38), "microsoft"), "koshi-2026-eval-microsoft-forms.csv", "utf-8-sig")
    s = load_survey(os.path.join(curricula, "bcp-workshop-eval.xml"))
    write(kenshu_rows(rng, s, people(rng, "B", 27)), "bcp-workshop-eval.csv", "utf-8")
    s = load_survey(os.path.join(curricula, "koshi-2026-followup.xml"))
    write(kenshu_rows(rng, s, people(rng, "K", 31)), "koshi-2026-followup.csv", "utf-8")
    group = people(rng, "H", 190)
    pre = load_survey(os.path.join(curricula, "harassment-pre.xml"))
    post = load_survey(os.path.join(curricula, "harassment-post.xml"))
    write(kenshu_rows(rng, pre, group[:176], "pre"), "harassment-pre.csv", "utf-8")
    write(kenshu_rows(rng, post, group[:160] + group[176:], "post"), "harassment-post.csv", "utf-8")


if __name__ == "__main__":
    main()
