import Domain
import Fluent
import SQLKit
import Vapor

/// `setka user create --username … --name … --role … [--org …] [--password …]`
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create") var action: String
        @Option(name: "username") var username: String?
        @Option(name: "name", help: "Full name") var name: String?
        @Option(
            name: "role",
            help: "authority_admin, coordinator, methodologist, center_head, teacher, school_admin, student, guardian")
        var role: String?
        @Option(name: "org", help: "Short name of the organisation for organisation-scoped roles") var org: String?
        @Option(name: "password") var password: String?
    }
    var help: String { "Creates a user with a role" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw AppError.badRequest("Известно только действие «create».") }
        let app = context.application
        guard let username = signature.username, UserAccounts.isValidUsername(username) else {
            throw AppError.badRequest("--username: латинские буквы, цифры, «.», «-», «_», от 3 до 60 символов.")
        }
        guard let role = signature.role.flatMap(Role.init(rawValue:)) else {
            throw AppError.badRequest("--role: одна из " + Role.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let password = signature.password ?? context.console.ask("Пароль:", isSecure: true)
        let problems = PasswordRules.check(password)
        guard problems.isEmpty else { throw AppError.badRequest(problems["password"] ?? "Пароль не подходит.") }
        guard let municipality = try await Municipality.query(on: app.db).sort(\.$createdAt).first() else {
            throw AppError.badRequest(
                "В базе нет муниципалитета: запустите «setka serve» и пройдите первый запуск или «setka demo».")
        }
        var orgID: UUID?
        if !role.isMunicipalityWide {
            guard let name = signature.org,
                let org = try await Organization.query(on: app.db).filter(\.$shortName == name).first()
            else {
                throw AppError.badRequest("--org: укажите краткое название организации для этой роли.")
            }
            orgID = org.id
        }
        let hash = try await Passwords.hash(password, app: app)
        let scopeOrg = orgID
        try await app.db.transaction { db in
            let user = User(username: username, fullName: signature.name ?? username, passwordHash: hash)
            try await user.create(on: db)
            try await RoleAssignment(
                userID: user.requireID(), role: role.rawValue, municipalityID: municipality.requireID(),
                organizationID: scopeOrg
            ).create(on: db)
            try await Audit.record(
                on: db, req: nil, username: "setka user create", action: .create, entityType: "user",
                entityID: user.id, title: user.fullName, municipalityID: municipality.id, organizationID: scopeOrg)
        }
        context.console.print("Пользователь \(username) создан.")
    }
}
