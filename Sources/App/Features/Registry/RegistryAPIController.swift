import Domain
import Fluent
import Vapor
import Views

/// Registry records as JSON, with the same access rules and queries as the pages.
struct RegistryAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("resource-centers", use: centers)
        routes.get("resource-centers", ":id", use: center)
        routes.get("agreements", use: agreements)
        routes.get("agreements", ":id", use: agreement)
        routes.get("staff", use: staffList)
        routes.get("staff", ":id", use: staffOne)
        routes.get("rooms", use: rooms)
        routes.get("rooms", ":id", use: room)
        routes.get("students", use: students)
        routes.get("students", ":id", use: student)
        routes.get("programs", use: programs)
        routes.get("programs", ":id", use: program)
    }

    func students(req: Request) async throws -> PageDTO<StudentDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = StudentsSection.listQuery(req)
        try RegistrySupport.checkChoices(req, ["status": RegistrySupport.statusChoices, "consent": ["no"]])
        let (rows, total) = try await StudentsSection.query(query, municipalityID: municipalityID, req: req)
        let zone = try await RegistrySupport.zone(req)
        return page(try rows.map { try StudentDTO($0, zone: zone) }, total, query)
    }

    func student(req: Request) async throws -> StudentDTO {
        try StudentDTO(try await one(StudentsSection(), req), zone: try await RegistrySupport.zone(req))
    }

    func programs(req: Request) async throws -> PageDTO<ProgramDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .program(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "approval", "organization", "kind", "profile", "form", "grade"],
            sorts: ["title", "center"], defaultSort: "title", search: true)
        try RegistrySupport.checkChoices(
            req,
            [
                "status": RegistrySupport.statusChoices, "approval": ProgramApproval.allCases.map(\.rawValue),
                "kind": ProgramKind.allCases.map(\.rawValue), "form": StudyForm.allCases.map(\.rawValue),
            ])
        let (rows, total) = try await ProgramsSection.query(query, municipalityID: municipalityID, on: req.db)
        return page(try rows.map(ProgramDTO.init), total, query)
    }

    func program(req: Request) async throws -> ProgramDTO { try ProgramDTO(try await one(ProgramsSection(), req)) }

    func page<T: Content>(_ items: [T], _ total: Int, _ query: ListQuery) -> PageDTO<T> {
        PageDTO(items: items, metadata: .init(page: query.page, per: query.per, total: total))
    }

    /// Runs a section's own read check for one record (404 for unknown, 403 for another organisation's).
    func one<S: RegistrySection>(_ section: S, _ req: Request) async throws -> S.Record {
        guard let record = try await S.Record.find(try req.idParameter(), on: req.db) else {
            throw AppError.notFound(RegistryWords.notFound(section.noun))
        }
        try req.authorize(.read, try await section.resource(record, on: req.db))
        return record
    }

    func centers(req: Request) async throws -> PageDTO<CenterDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .resourceCenter(OrgRef(id: UUID(), municipalityID: municipalityID)))
        let query = RegistrySupport.listQuery(
            req, filters: ["status"], sorts: ["name"], defaultSort: "name", search: true, also: ["year"])
        try RegistrySupport.checkChoices(req, ["status": RegistrySupport.statusChoices])
        let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
        let raw = try? req.query.get(String.self, at: "year")
        let year = ResourceCentersSection.selectedYear(raw, years: years)
        if let raw, !raw.isEmpty, year == nil {
            throw AppError.badRequest(ResourceCentersWords.yearNotFound(raw))
        }
        guard let year else { return page([], 0, query) }
        let (rows, total) = try await ResourceCentersSection.query(
            query, municipalityID: municipalityID, yearID: year.id, on: req.db)
        return page(try rows.map(CenterDTO.init), total, query)
    }

    func center(req: Request) async throws -> CenterDTO {
        let rc = try await one(ResourceCentersSection(), req)
        try await rc.$academicYear.load(on: req.db)
        try await rc.$subjects.load(on: req.db)
        return try CenterDTO(rc)
    }

    func agreements(req: Request) async throws -> PageDTO<AgreementDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "state", "kind", "expiring"], sorts: ["ends", "number"], defaultSort: "ends",
            search: true)
        try RegistrySupport.checkChoices(
            req,
            [
                "status": RegistrySupport.statusChoices, "state": AgreementState.allCases.map(\.rawValue),
                "kind": AgreementKind.allCases.map(\.rawValue), "expiring": ["1"],
            ])
        let (rows, total) = try await AgreementsSection.query(query, municipalityID: municipalityID, req: req)
        return page(try rows.map(AgreementDTO.init), total, query)
    }

    func agreement(req: Request) async throws -> AgreementDTO {
        try AgreementDTO(try await one(AgreementsSection(), req))
    }

    func staffList(req: Request) async throws -> PageDTO<StaffDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "organization", "subject", "trainer"], sorts: ["name", "position"],
            defaultSort: "name", search: true)
        try RegistrySupport.checkChoices(req, ["status": RegistrySupport.statusChoices, "trainer": ["yes", "no"]])
        let (rows, total) = try await StaffSection.query(query, municipalityID: municipalityID, req: req)
        return page(try rows.map(StaffDTO.init), total, query)
    }

    func staffOne(req: Request) async throws -> StaffDTO {
        let staff = try await one(StaffSection(), req)
        try await staff.$organizations.load(on: req.db)
        try await staff.$subjects.load(on: req.db)
        return try StaffDTO(staff)
    }

    func rooms(req: Request) async throws -> PageDTO<RoomDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["status", "organization"], sorts: ["name", "capacity", "organization"],
            defaultSort: "organization", search: true)
        try RegistrySupport.checkChoices(req, ["status": RegistrySupport.statusChoices])
        let (rows, total) = try await RoomsSection.query(query, municipalityID: municipalityID, req: req)
        return page(try rows.map(RoomDTO.init), total, query)
    }

    func room(req: Request) async throws -> RoomDTO { try RoomDTO(try await one(RoomsSection(), req)) }
}
