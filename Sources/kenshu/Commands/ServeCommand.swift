import ArgumentParser
import Foundation
import KenshuBuild
import KenshuCollection
import KenshuModel
import KenshuServer

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: Language.say(
      ja: "サイトを作ってこのコンピューターで表示し、ファイルが変わるたびに作り直します。",
      en: "Build the site, serve it on this computer and rebuild when files change."),
    discussion: Language.say(
      ja: """
        開いているページは作り直すたびに再読み込みされます。編集でビルドが失敗したときは前のサイトを表示したまま、ページに問題を示します。Ctrl-C で止めます。

        2 つの版をプレビューします: 受講者版のサイト（site/）を --host:--port で、ファシリテーター版（private/facilitator-site/。解答やメモを含む）を別の待ち受け先（省略時: http://127.0.0.1:<port+1>/）で表示します。ファシリテーター版のプレビューは、--facilitator-host で指定しない限り、--host がほかのアドレスでもループバックのままです。--no-facilitator は受講者版だけをプレビューします。<site publish-facilitator="true"> のプロジェクトはすべてが site/ にあるので、待ち受けは 1 つです。

        --collect を付けると、/api/… でアンケートの回答と自己学習の修了を受け付けて回答データベースに保存し、受付のチェックイン（配布票のトークンを POST /api/checkin で送る）を rosters/attendance-PROGRAMME.xml に記録します（docs/collect.md）。受付はコースの開催日（日本時間）当日だけです。--checkin-date を付けると、リハーサルのためにほかの日付を当日として扱います。--host で指定しない限りループバックで待ち受けます。ネットワーク越しに集めるときは、TLS のリバースプロキシを前に置いてください。
        """,
      en: """
        Open pages reload after every rebuild. When an edit breaks the build, the previous site \
        stays up and the pages show the problems. Press Ctrl-C to stop.

        Two editions are previewed: the learner site (site/) on --host:--port, and the \
        facilitator edition (private/facilitator-site/, with answer keys and notes) on its own \
        listener, http://127.0.0.1:<port+1>/ by default. The facilitator preview stays on \
        loopback even when --host is another address, unless --facilitator-host names one. \
        --no-facilitator previews the learner site only. A project with \
        <site publish-facilitator="true"> has everything in site/ and gets one listener.

        With --collect, the server also accepts survey responses and module completions at \
        /api/… and stores them in the response database, and records reception's check-ins \
        (POST /api/checkin with the token of a participant's slip) in \
        rosters/attendance-PROGRAMME.xml (docs/collect.md), only on the course's own date in \
        Japan time; --checkin-date takes another date as that day, for a rehearsal. It listens on \
        loopback unless --host says otherwise; put a TLS reverse proxy in front of it to \
        collect over a network.
        """)
  )

  @Option(help: .say(ja: "待ち受けるアドレス（省略時: ループバック）。", en: "Address to listen on (loopback by default)."))
  var host = "127.0.0.1"
  @Option(help: .say(ja: "待ち受けるポート（0 なら空いているものを選びます）。", en: "Port to listen on (0 picks a free one)."))
  var port = 8080
  @Option(name: .shortAndLong, help: .say(ja: "出力先のフォルダー。", en: "Output folder.")) var output = "site"
  @Flag(
    help: .say(
      ja: "アンケートの回答、修了、受付を受け付けます（POST /api/…）。",
      en: "Accept survey responses, completions and check-ins (POST /api/…).")) var collect = false
  @Option(help: CollectionInput.databaseHelp) var database: DatabaseLocation?
  @Option(
    help: .say(
      ja: "1 つの接続元アドレスから 1 分間に受け付ける送信の数（0: 制限なし）。",
      en: "Submissions per minute per client address (0: no limit).")) var rateLimit = 120
  @Option(
    help: .say(
      ja: """
        作ったフォームが回答を送るベース URL（省略時: kenshu.xml の collect-url、なければこのサーバーの /）。そのオリジンからの送信を受け付けます。
        """,
      en: """
        Base URL the built forms post to (default: kenshu.xml's collect-url, else this server: /). \
        Its origin may post.
        """))
  var collectURL: String?
  @Option(
    help: .say(
      ja: "送信を許す別のオリジン（例: https://example.org）。複数回指定できます。",
      en: "Another origin whose pages may post (e.g. https://example.org); repeatable."))
  var allowOrigin: [String] = []
  @Flag(
    help: .say(
      ja: "接続元アドレスを X-Real-IP/X-Forwarded-For から取ります（自分で管理するリバースプロキシの後ろでだけ使ってください）。",
      en: "Take client addresses from X-Real-IP/X-Forwarded-For (only behind your own reverse proxy)."))
  var trustProxy = false
  @Option(
    help: .say(
      ja: "受付でこの日付（YYYY-MM-DD）を研修の当日として扱います。前日のリハーサル用です（到着時刻は実際の時刻のまま）。",
      en:
        "Treat this date (YYYY-MM-DD) as the training day for check-ins, to rehearse before the day (arrival times stay the clock's)."
    ))
  var checkinDate: String?
  @Flag(
    help: .say(
      ja: "1 回だけ作って表示します。ファイルの変更を監視せず、ページも再読み込みしません。",
      en: "Build once and serve, without watching sources or reloading pages.")) var noWatch = false
  @Option(
    help: .say(
      ja: "ファシリテーター版プレビューのポート（省略時: --port + 1。0 なら空いているものを選びます）。",
      en: "Port of the facilitator preview (default: --port + 1; 0 picks a free one)."))
  var facilitatorPort: Int?
  @Option(
    help:
      .say(
        ja: "ファシリテーター版プレビューのアドレス（省略時: --host にかかわらず 127.0.0.1。ほかのアドレスにすると解答が外から見えます）。",
        en:
          "Address of the facilitator preview (default 127.0.0.1 whatever --host is; another address exposes answer keys)."
      )
  )
  var facilitatorHost: String?
  @Flag(
    help: .say(
      ja: "受講者版のサイトだけをプレビューします（ファシリテーター版は作りません）。",
      en: "Preview the learner site only (no facilitator edition is built).")) var noFacilitator = false

  func validate() throws {
    guard (0...65535).contains(port) else {
      throw argumentError(ja: "ポート番号は 0〜65535 にしてください", en: "port must be 0–65535")
    }
    guard rateLimit >= 0 else {
      throw argumentError(ja: "--rate-limit は 0（制限なし）以上にしてください", en: "--rate-limit must be 0 (off) or more")
    }
    if let collectURL, !BuildConfiguration.isCollectURL(collectURL) {
      throw argumentError(
        ja: "--collect-url には http(s) の URL か / で始まるパスを指定してください",
        en: "--collect-url must be an http(s) URL or a path starting with /")
    }
    for origin in allowOrigin where OriginPolicy.origin(origin) == nil {
      throw argumentError(
        ja: "--allow-origin には https://example.org のような http(s) のオリジンを指定してください（指定: \(origin)）",
        en: "--allow-origin needs an http(s) origin such as https://example.org (got \(origin))")
    }
    if !collect,
      database != nil || collectURL != nil || !allowOrigin.isEmpty || trustProxy || checkinDate != nil
    {
      throw argumentError(
        ja: "--database, --collect-url, --allow-origin, --trust-proxy, --checkin-date は --collect と一緒に使います",
        en: "--database, --collect-url, --allow-origin, --trust-proxy and --checkin-date need --collect")
    }
    if let checkinDate, !CheckInClock.isTrainingDay(checkinDate) {
      throw argumentError(
        ja: "--checkin-date には実在する日付を YYYY-MM-DD で指定してください（指定: \(checkinDate)）",
        en: "--checkin-date must be a real date, YYYY-MM-DD (got \(checkinDate))")
    }
    if let facilitatorPort, !(0...65535).contains(facilitatorPort) {
      throw argumentError(
        ja: "--facilitator-port は 0〜65535 にしてください", en: "--facilitator-port must be 0–65535")
    }
    if let facilitatorPort, facilitatorPort != 0, facilitatorPort == port {
      throw argumentError(
        ja: "--facilitator-port は --port と別の番号にしてください", en: "--facilitator-port must differ from --port")
    }
    if noFacilitator, facilitatorPort != nil || facilitatorHost != nil {
      throw argumentError(
        ja: "--facilitator-port と --facilitator-host は --no-facilitator と一緒には使えません",
        en: "--facilitator-port and --facilitator-host cannot be used with --no-facilitator")
    }
  }

  func run() async throws {
    let root = ProjectInput.root
    let configuration = PreviewConfiguration(
      host: host, port: port, output: URL(fileURLWithPath: output, relativeTo: root), collectURL: collectURL,
      watch: !noWatch,
      facilitator: noFacilitator
        ? nil : FacilitatorPreviewAddress(learnerPort: port, host: facilitatorHost, port: facilitatorPort),
      collection: collect
        ? CollectionSettings(
          rateLimitPerMinute: rateLimit, allowedOrigins: allowOrigin, trustProxyHeaders: trustProxy,
          database: database ?? .defaultSQLite, clock: CheckInClock(trainingDay: checkinDate),
          openStore: { [database] in try await CollectionInput.open(database) })
        : nil)
    do {
      try await PreviewSession.start(
        layout: ProjectLayout(root: root), configuration: configuration, console: .terminal
      )
      .serve()
    } catch let error as PreviewSessionError {
      Console.error(ja: error.message.ja.message, en: error.message.en.message)
      throw ExitCode(1)
    }
  }
}
