#!/usr/bin/env python3
"""Writes N synthetic but realistic Kenshu programme files (5-10 KB each) into DIR/curricula,
plus one survey that evaluates their objectives, for benchmarking `kenshu validate`.

Usage: generate-programmes.py N DIR
"""
import os
import random
import sys

TOPICS = [
    ("退院支援", "退院前カンファレンスで各職種が担う役割を説明できる"),
    ("急変時の対応", "急変時の連絡体制と後方支援病床の役割を説明できる"),
    ("看取り", "本人の望む場所での看取りを支える連携を考えられる"),
    ("日常の療養支援", "多職種で在宅療養を支える方法を説明できる"),
    ("BCP", "小規模事業所のBCPを地域BCPにつなげる手順を説明できる"),
    ("人生会議", "本人の意思を救急隊と共有する方法を考えられる"),
]
PROFESSIONS = "doctor nurse pharmacist care-manager physical-therapist dietitian municipal-staff"


def session(rng, index, objective_ids):
    kind = rng.choice(["lecture", "groupwork", "groupwork", "casestudy", "break"])
    sid = f"s{index}"
    if kind == "break":
        return f'''    <session id="{sid}" kind="break" duration="PT10M">
      <title>休憩</title>
    </session>
''', 10
    if kind == "lecture":
        return f'''    <session id="{sid}" kind="lecture" duration="PT30M" practises="{rng.choice(objective_ids)}" professions="{PROFESSIONS}">
      <title>講義：在宅医療の4つの機能と地域の資源</title>
      <content>
        ## ねらい

        退院支援・日常の療養支援・急変時の対応・看取りの4つの機能を確認し、
        地域の医療・介護資源の現状を共有します。

        - 在宅療養支援診療所・訪問看護ステーションの役割
        - 地域包括支援センターと居宅介護支援事業所の役割
      </content>
    </session>
''', 30
    minutes = rng.choice([60, 90])
    phases = [("個人ワーク", 10), ("グループ討議", minutes - 35), ("全体共有", 15), ("講評", 10)]
    phase_xml = "".join(
        f'''      <phase title="{title}" minutes="{m}">
        <prompt>全員が一度は発言できるよう声をかけます。</prompt>
      </phase>
''' for title, m in phases)
    return f'''    <session id="{sid}" kind="{kind}" duration="PT{minutes}M" practises="{" ".join(objective_ids)}">
      <title>グループワーク：事例から考える多職種連携</title>
      <groups size="6" min-professions="4" separate="organisation"/>
      <case id="case{index}" title="退院を控えたAさん">
        <body>
          Aさん（80代男性）は誤嚥性肺炎で入院中。退院後は自宅で妻と二人暮らしの予定。
          妻も高齢で、介護の不安を訴えている。主治医は訪問診療を提案している。
        </body>
        <answer-key>退院前カンファレンスで役割分担と連絡方法を決めることがポイントです。</answer-key>
      </case>
      <question>Aさんが自宅に戻るために、あなたの職種は何ができますか。</question>
      <question>急変時には誰にどのように連絡しますか。</question>
      <role name="司会">時間を見ながら全員が話せるように進めます。</role>
      <role name="書記">意見を模造紙にまとめます。</role>
      <role name="発表者">全体共有で発表します。</role>
{phase_xml}      <facilitator-notes>職種による視点の違いが出るように問いかけます。</facilitator-notes>
    </session>
''', minutes


def programme(rng, number):
    topic, objective = rng.choice(TOPICS)
    objective_ids = ["obj-roles", "obj-share"]
    courses = []
    for day in range(1, rng.choice([1, 2]) + 1):
        sessions, clock = [], 9 * 60
        for index in range(rng.randint(3, 5)):
            xml, minutes = session(rng, f"{day}-{index}", objective_ids)
            sessions.append(xml)
            clock += minutes
        courses.append(f'''  <course id="day{day}" date="2026-10-{10 + day:02d}" start="09:00" end="18:00">
    <title>{day}日目：{topic}</title>
{"".join(sessions)}  </course>
''')
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<programme xmlns="urn:kenshu:1" id="programme-{number}" xml:lang="ja">
  <title>多職種連携研修 {number}：{topic}</title>
  <edition version="2026.1" date="2026-04-01">初版</edition>
  <purpose>在宅医療・介護に関わる職種が互いの役割を知り、{topic}の連携の方法を考えます。</purpose>
  <audience professions="{PROFESSIONS}"/>
  <organiser>〇〇市 在宅医療・介護連携推進会議</organiser>
  <venue>市民会館 第1会議室</venue>
  <objective id="obj-roles">{objective}</objective>
  <objective id="obj-share">地域の課題を職種を越えて共有できる</objective>
{"".join(courses)}</programme>
'''


SURVEY = '''<?xml version="1.0" encoding="UTF-8"?>
<survey xmlns="urn:kenshu:1" id="evaluation" xml:lang="ja">
  <title>研修アンケート</title>
  <item id="q1" type="profession" required="true"><text>あなたの職種</text></item>
  <item id="q2" type="likert" scale="agree5" evaluates="obj-roles"><text>各職種の役割を説明できる</text></item>
  <item id="q3" type="likert" scale="agree5" evaluates="obj-share"><text>地域の課題を共有できる</text></item>
  <item id="q4" type="text"><text>ご意見・ご感想</text></item>
</survey>
'''


def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    curricula = os.path.join(folder, "curricula")
    os.makedirs(curricula, exist_ok=True)
    rng = random.Random(2026)
    for number in range(1, count + 1):
        with open(os.path.join(curricula, f"programme-{number:05d}.xml"), "w", encoding="utf-8") as f:
            f.write(programme(rng, number))
    with open(os.path.join(curricula, "evaluation.xml"), "w", encoding="utf-8") as f:
        f.write(SURVEY)


if __name__ == "__main__":
    main()
