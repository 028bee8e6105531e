import ArgumentParser
import Foundation
import KenshuBenchmarks

struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: Language.say(
      ja: "Kenshu のベンチマークを実行します（リリースビルドで: swift run -c release kenshu bench …）。",
      en: "Run Kenshu's benchmarks (use a release build: swift run -c release kenshu bench …)."),
    discussion: Language.say(
      ja: "どのベンチマークも自分で合成データを作ります。個人のデータは使いません。",
      en: "Each benchmark generates its own synthetic data; nothing personal is used."),
    shouldDisplay: false,
    subcommands: [Groups.self, Rosters.self, Site.self, Serve.self, Evaluation.self]
  )

  static func warnIfDebug() {
    #if DEBUG
      Console.error(
        ja: "警告: デバッグビルドです。計測値は -c release でビルドしたときだけ意味があります",
        en: "warning: this is a debug build; figures are only meaningful with -c release")
    #endif
  }

  struct Groups: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "groups",
      abstract: Language.say(
        ja: "グループ分け: 1,000 人 × 3 ラウンド、200 人 × 4 ラウンド、361 人の受講者集団。",
        en: "Group formation: 1,000 people × 3 rounds, 200 people × 4 rounds, the 361-person cohort."))
    @Option(help: .say(ja: "乱数のシード。", en: "Seed.")) var seed: UInt64 = 1

    func run() {
      BenchCommand.warnIfDebug()
      print(runGroupsBenchmark(seed: seed, in: Language.current))
    }
  }

  struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "site",
      abstract:
        Language.say(
          ja: "サイトのビルド: コース数 × セッション数のページを持つ合成プロジェクトで、初回ビルドと 1 ファイル変更後の再ビルドを Hugo と比べます。",
          en:
            "Site build: a synthetic project of COURSES × SESSIONS pages, cold build and one-file rebuild, beside Hugo."
        )
    )
    @Option(help: .say(ja: "コースの数。", en: "Courses.")) var courses = 100
    @Option(help: .say(ja: "1 コースあたりのセッションの数。", en: "Sessions per course.")) var sessions = 100
    @Option(
      help: .say(ja: "Hugo の実行ファイル（\"\" で比較を省きます）。", en: "Hugo executable (\"\" to skip the comparison)."))
    var hugo = "hugo"
    @Option(
      help: .say(
        ja: "作業フォルダー（省略時: 一時フォルダー。/dev/shm などの tmpfs にするとディスクによるばらつきがなくなります）。",
        en: "Work folder (default: a temporary folder; tmpfs such as /dev/shm removes disk noise)."))
    var workFolder: String?

    func validate() throws {
      guard courses >= 1, sessions >= 1 else {
        throw argumentError(
          ja: "--courses と --sessions は 1 以上にしてください", en: "--courses and --sessions must be at least 1")
      }
    }

    func run() throws {
      BenchCommand.warnIfDebug()
      let folder = URL(
        fileURLWithPath: workFolder
          ?? FileManager.default.temporaryDirectory.appendingPathComponent(
            "kenshu-site-bench-\(UUID().uuidString)"
          ).path)
      do {
        let result = try runSiteBenchmark(
          workFolder: folder, courses: courses, sessionsPerCourse: sessions,
          hugoExecutable: hugo.isEmpty ? nil : hugo)
        print(result.formatted(in: Language.current))
      } catch let failure as ServeRebuildFailed {
        throw argumentError(ja: failure.message.ja.message, en: failure.message.en.message)
      } catch let refusal as BenchWorkFolderNotOurs {
        throw argumentError(ja: refusal.message.ja.message, en: refusal.message.en.message)
      }
    }
  }

  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: Language.say(
        ja: "serve の再ビルドだけ: site と同じ合成プロジェクト（作業フォルダーになければ作ります）で、Markdown を 1 つ編集するたびの再ビルドを両方の版で計ります。",
        en:
          "The serve rebuild alone: on site's synthetic project (made in the work folder when missing), the rebuild of both editions after each edit of one Markdown file."
      ))
    @Option(help: .say(ja: "コースの数。", en: "Courses.")) var courses = 100
    @Option(help: .say(ja: "1 コースあたりのセッションの数。", en: "Sessions per course.")) var sessions = 100
    @Option(help: .say(ja: "編集と再ビルドの回数。", en: "Edits (and rebuilds) to time.")) var rounds = 5
    @Option(
      help: .say(
        ja: "作業フォルダー（/dev/shm などの tmpfs を勧めます）。", en: "Work folder (tmpfs such as /dev/shm recommended)."))
    var workFolder: String

    func validate() throws {
      guard courses >= 1, sessions >= 1, rounds >= 1 else {
        throw argumentError(
          ja: "--courses、--sessions、--rounds は 1 以上にしてください",
          en: "--courses, --sessions and --rounds must be at least 1")
      }
    }

    func run() throws {
      BenchCommand.warnIfDebug()
      do {
        let result = try runServeRebuildBenchmark(
          workFolder: URL(fileURLWithPath: workFolder), courses: courses, sessionsPerCourse: sessions,
          rounds: rounds)
        for (index, round) in result.rounds.enumerated() {
          print(Language.say(ja: "\(index + 1) 回目: ", en: "round \(index + 1): ") + round.line)
        }
        print(Language.say(ja: "中央値: ", en: "median: ") + result.median.line)
      } catch let failure as ServeRebuildFailed {
        throw argumentError(ja: failure.message.ja.message, en: failure.message.en.message)
      } catch let refusal as BenchWorkFolderNotOurs {
        throw argumentError(ja: refusal.message.ja.message, en: refusal.message.en.message)
      }
    }
  }

  struct Evaluation: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "evaluation",
      abstract:
        Language.say(
          ja: "評価: 回答 N 件 × 40 項目（リッカート 30、選択 5、自由記述 5）を職種別に集計します。",
          en:
            "Evaluation: N responses × 40 items (30 Likert, 5 choice, 5 text) with a by-profession breakdown."
        ),
      discussion:
        Language.say(
          ja: "pandas と比べるには、--write-csv FILE で入力を書き出し、python3 scripts/bench-pandas.py FILE を実行します。",
          en:
            "Compare with pandas: write the input with --write-csv FILE, then python3 scripts/bench-pandas.py FILE."
        )
    )
    @Option(help: .say(ja: "作る回答の数。", en: "Responses to generate.")) var rows = 100_000
    @Option(
      help: .say(
        ja: "作った回答を CSV にも書き出します（scripts/bench-pandas.py 用）。",
        en: "Also write the generated responses as CSV (for scripts/bench-pandas.py).")) var writeCsv: String?

    func run() throws {
      BenchCommand.warnIfDebug()
      if let writeCsv {
        try Data(benchmarkResponsesCSV(rows: rows).utf8).write(to: URL(fileURLWithPath: writeCsv))
        Console.error(ja: "\(writeCsv) に書き出しました", en: "wrote \(writeCsv)")
      }
      print(runEvaluationBenchmark(rows: rows, in: Language.current))
    }
  }

  struct Rosters: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rosters",
      abstract: Language.say(
        ja: "名簿の取り込み（UTF-8、CP932）、XML の書き出し、集計とクロス集計。",
        en: "Roster import (UTF-8, CP932), XML writing, summaries and cross-tabs."))
    @Option(help: .say(ja: "作る行の数。", en: "Rows to generate.")) var rows = 10_000

    func run() {
      BenchCommand.warnIfDebug()
      for figure in RosterBenchmark.run(rows: rows) { print(figure.formatted(in: Language.current)) }
    }
  }
}
