import ArgumentParser

@main
struct Kenshu: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kenshu",
    abstract: "Build and run multidisciplinary training for home medical care (多職種連携研修).",
    subcommands: []
  )
}
