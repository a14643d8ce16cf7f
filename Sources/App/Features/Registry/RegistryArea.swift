import Vapor

/// The registry of the network: organisations, the municipality, resource centres, rooms, staff, partners, agreements,
/// the КМЦ's members, academic years, subjects.
enum RegistryArea: FeatureArea {
    static func register(_ routes: AreaRoutes) throws {
        try routes.web.register(collection: OrganizationsController())
        try routes.web.register(collection: MunicipalityController())
        try routes.web.register(collection: RegistryController(section: SubjectsSection()))
        try routes.web.register(collection: RegistryController(section: ResourceCentersSection()))
        try routes.web.register(collection: RegistryController(section: RoomsSection()))
        try routes.web.register(collection: RegistryController(section: StaffSection()))
        try routes.web.register(collection: RegistryController(section: PartnersSection()))
        try routes.web.register(collection: RegistryController(section: AgreementsSection()))
        try routes.web.register(collection: RegistryController(section: KmcSection()))
        try routes.web.register(collection: RegistryController(section: AcademicYearsSection()))
        try routes.api.register(collection: OrganizationAPIController())
        try routes.api.register(collection: RegistryAPIController())
    }
}
