import Vapor

/// Students and guardians: the schools' lists, the import, guardians' invitations and consent.
enum StudentsArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: StudentImportController())
        try routes.web.register(collection: GuardiansController())
        try routes.web.register(collection: RegistryController(section: StudentsSection()))
    }
}
