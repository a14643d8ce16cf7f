import Domain
import Fluent
import Vapor
import Views

/// `GET /api/v1/certificates/verify?number=&code=` — public and rate-limited like the verification page.
struct CertificateVerifyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("certificates", "verify", use: verify)
    }

    struct Output: Content {
        var number: String
        var status: String
        var initials: String
        var programTitle: String
        var hours: Int
        var centerName: String
        var firstDay: String
        var lastDay: String
        var annulReason: String?

        static let schema = OpenAPISchema.named(
            "CertificateCheck",
            .object([
                .field("number", .string), .field("status", .string, "`issued` или `annulled`."),
                .field("initials", .string, "Фамилия и инициалы обучающегося."), .field("programTitle", .string),
                .field("hours", .integer), .field("centerName", .string), .field("firstDay", .date),
                .field("lastDay", .date), .optional("annulReason", .string),
            ]))
    }

    func verify(req: Request) async throws -> Output {
        guard await req.application.verifyThrottle.allow(VerifyThrottle.key(req)) else {
            throw AppError(status: .tooManyRequests, code: "too_many_requests", reason: VerifyThrottle.message)
        }
        guard
            let certificate = try await Certificate.lookup(
                number: req.query[String.self, at: "number"] ?? "", code: req.query[String.self, at: "code"] ?? "",
                on: req.db)
        else {
            await req.application.verifyThrottle.failed()
            throw AppError.notFound(CertificatesWords.notVerified)
        }
        return Output(
            number: certificate.number, status: certificate.status, initials: certificate.initials,
            programTitle: certificate.programTitle, hours: certificate.hours,
            centerName: certificate.centerName,
            firstDay: CivilDay(number: certificate.firstDay).iso, lastDay: CivilDay(number: certificate.lastDay).iso,
            annulReason: certificate.annulReason)
    }
}
