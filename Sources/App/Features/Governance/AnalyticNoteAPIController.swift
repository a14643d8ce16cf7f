import Domain
import Fluent
import Vapor
import Views

/// The analytic notes as JSON (issue 22, items 7 and 8): the list of the notes the user may read, one with its sections
/// and figures; a note drafted for a designation, its texts saved, its figures counted again — the page's writes.
struct AnalyticNoteAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("analytic-notes", use: list)
        routes.post("analytic-notes", use: create)
        routes.get("analytic-notes", ":id", use: one)
        routes.put("analytic-notes", ":id", use: update)
        routes.post("analytic-notes", ":id", "recount", use: recount)
    }

    struct NoteDTO: Content {
        var id: UUID
        var organizationId: UUID
        var organization: String
        var resourceCenterId: UUID
        var academicYear: String
        var countedOn: String
        var updatedAt: Date
        var sections: [String: String]?
        var figures: AnalyticFigures?
        var version: Int
    }

    static func dto(_ note: AnalyticNote, full: Bool, zone: TimeZone) throws -> NoteDTO {
        NoteDTO(
            id: try note.requireID(), organizationId: note.$organization.id, organization: note.organization.shortName,
            resourceCenterId: note.$center.id, academicYear: note.center.academicYear.title,
            countedOn: CivilDay(note.countedAt, timeZone: zone).iso, updatedAt: note.updatedAt,
            sections: full ? note.texts : nil, figures: full ? note.counted : nil, version: note.version)
    }

    func list(req: Request) async throws -> PageDTO<NoteDTO> {
        let municipalityID = try RegistrySupport.municipality(req)
        let query = RegistrySupport.listQuery(
            req, filters: ["year"], sorts: ["organization"], defaultSort: "organization")
        let own = try req.requireUser().actor.activeGrants(at: Date()).compactMap(\.scope.organizationID)
        let everyone = req.can(.read, .analyticNote(center: OrgRef(id: UUID(), municipalityID: municipalityID)))
        let mine = own.filter { req.can(.read, .analyticNote(center: OrgRef(id: $0, municipalityID: municipalityID))) }
        guard everyone || !mine.isEmpty else { throw AppError.forbidden }
        var builder = AnalyticNote.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .join(ResourceCenter.self, on: \AnalyticNote.$center.$id == \ResourceCenter.$id)
            .join(Organization.self, on: \AnalyticNote.$organization.$id == \Organization.$id)
        if !everyone { builder = builder.filter(\.$organization.$id ~~ mine) }
        if let raw = query.filters["year"] {
            let years = try await ResourceCentersSection.years(municipalityID, on: req.db)
            guard let year = years.first(where: { $0.title == raw || $0.title.hasPrefix(raw + "/") }) else {
                throw AppError.badParameters(["year": AnalyticNoteWords.yearExpected])
            }
            builder = builder.filter(ResourceCenter.self, \.$academicYear.$id == (try year.requireID()))
        }
        let total = try await builder.copy().count()
        let rows = try await builder.sort(Organization.self, \.$sortKey, query.descending ? .descending : .ascending)
            .sort(\.$id).range(((query.page - 1) * query.per)..<(query.page * query.per))
            .with(\.$organization).with(\.$center) { $0.with(\.$academicYear) }.all()
        let zone = try await RegistrySupport.zone(req)
        return PageDTO(
            items: try rows.map { try Self.dto($0, full: false, zone: zone) },
            metadata: .init(page: query.page, per: query.per, total: total))
    }

    func one(req: Request) async throws -> NoteDTO {
        let note = try await AnalyticNotesController.note(req, .read)
        return try Self.dto(note, full: true, zone: try await RegistrySupport.zone(req))
    }

    struct NewNote: Content {
        var resourceCenterId: String?
    }

    /// Drafts the designation's note (201), or answers with the one it has (200).
    func create(req: Request) async throws -> Response {
        let sent = try req.content.decode(NewNote.self)
        let center = try await Designations.sent(sent.resourceCenterId, req) { .analyticNote(center: $0) }
        let (id, created) = try await AnalyticNoteWrites.draft(req, center: center)
        guard
            let note = try await AnalyticNote.query(on: req.db).filter(\.$id == id).with(\.$organization)
                .with(\.$center, { $0.with(\.$academicYear) }).first()
        else { throw AppError.notFound() }
        return try await Self.dto(note, full: true, zone: try await RegistrySupport.zone(req))
            .encodeResponse(status: created ? .created : .ok, for: req)
    }

    struct NoteChange: Content {
        var sections: [String: String]?
        var version: Int?
    }

    /// The sections sent replace the note's, section by section; those not sent stay.
    func update(req: Request) async throws -> NoteDTO {
        let note = try await AnalyticNotesController.note(req, .update)
        let change = try req.content.decode(NoteChange.self)
        let expected = try Self.version(change.version)
        let sent = change.sections ?? [:]
        var unknown = FieldErrors()
        for key in sent.keys where AnalyticNoteSection(rawValue: key) == nil {
            unknown.add("sections." + key, AnalyticNoteWords.noSuchSection)
        }
        guard unknown.isEmpty else { throw AppError.validation(ValidationFailure(fields: unknown)) }
        return try await answer(
            req, try await AnalyticNoteWrites.save(req, note, sent: { sent[$0] }, expected: expected))
    }

    struct Recount: Content {
        var version: Int?
    }

    func recount(req: Request) async throws -> NoteDTO {
        let note = try await AnalyticNotesController.note(req, .update)
        let expected = try Self.version(try req.content.decode(Recount.self).version)
        return try await answer(req, try await AnalyticNoteWrites.recount(req, note, expected: expected))
    }

    static func version(_ sent: Int?) throws -> Int {
        try RegistrySupport.version(sent, missing: AnalyticNoteWords.versionRequired)
    }

    func answer(_ req: Request, _ outcome: AnalyticNoteWrites.Outcome) async throws -> NoteDTO {
        switch outcome {
        case .saved:
            return try Self.dto(
                try await AnalyticNotesController.note(req, .read), full: true,
                zone: try await RegistrySupport.zone(req))
        case .invalid(let errors):
            var fields = FieldErrors()
            for (field, message) in errors.messages { fields.add("sections." + field, message) }
            throw AppError.validation(ValidationFailure(fields: fields))
        case .stale: throw AppError.conflict(AnalyticNoteWords.changed)
        }
    }
}
