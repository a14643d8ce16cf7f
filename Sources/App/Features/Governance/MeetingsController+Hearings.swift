import Domain
import Fluent
import Vapor
import Views

/// A held meeting hears a resource centre's year and records its decision on the designation (`DesignationHearings`).
extension MeetingsController {
    func hear(req: Request) async throws -> Response {
        let meeting = try await Self.meeting(req, .update)
        let form = RegistrySupport.form(req)
        switch try await DesignationHearings.record(
            req, meeting, center: form["center"], decision: form["decision"], reasoning: form["reasoning"])
        {
        case .saved(let hearing, let year):
            return req.redirect(
                to: SiteURL.meeting(try meeting.requireID()).path + "#hearings",
                flash: HearingWords.recorded(hearing.designationDecision, carriedTo: year))
        case .invalid(let errors):
            let page = try await page(req, meeting, values: form, errors: errors)
            return req.render(page.render(await context(req)), status: .unprocessableEntity)
        }
    }
}
