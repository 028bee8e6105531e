import Hummingbird
import KenshuCollection

/// Looks up the survey (`:surveyId`) or collecting module (`:moduleId`) a POST names, in one
/// read of the catalogue in force, before the body is read: 404 when there is none.
struct CollectionTargetMiddleware: RouterMiddleware {
  typealias Context = KenshuRequestContext

  let collector: ResponseCollector

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    var context = context
    let catalog = collector.catalog
    if let surveyID = context.parameters.get("surveyId") {
      guard let target = catalog.survey(surveyID) else { return APIError.unknownSurvey.response() }
      context.collection.target = target
    } else if let moduleID = context.parameters.get("moduleId") {
      guard let target = catalog.module(moduleID) else { return APIError.unknownModule.response() }
      context.collection.target = target
    } else {
      return APIError.notFound.response()
    }
    return try await next(request, context)
  }
}
