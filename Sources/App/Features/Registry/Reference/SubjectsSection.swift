import Domain
import Fluent
import Vapor
import Views

/// Subjects: the list the administrator edits (математика, информатика, физика, …).
struct SubjectsSection: RegistrySection {
    typealias Record = Subject
    let area = Registry.subjects
    let entityType = "subject"
    let noun = SubjectsWords.noun
    let newTitle = SubjectsWords.newTitle
    let archiveConsequence = SubjectsWords.archiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status"], sorts: ["name"], defaultSort: "name")
        var builder = Subject.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(
            query, \.$status)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let (rows, total) = try await builder.sort(\.$sortKey, query.descending ? .descending : .ascending).paged(query)
        return SubjectListPage(
            query: query,
            rows: try rows.map {
                .init(id: try $0.requireID(), name: $0.name, status: RecordStatus(rawValue: $0.status) ?? .active)
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
    }

    func resource(_ record: Subject, on db: any Database) async throws -> Resource {
        .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: Subject) -> String { record.name }
    func scope(_ record: Subject) -> (municipalityID: UUID?, organizationID: UUID?) { (record.$municipality.id, nil) }

    func card(_ record: Subject, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        let links = try await ResourceCenterSubject.query(on: req.db).filter(try \.$subject.$id == record.requireID())
            .with(\.$center) { $0.with(\.$organization).with(\.$academicYear) }.all()
        let page = SubjectCardPage(
            name: record.name,
            centers: try links.map {
                .init(
                    id: try $0.center.requireID(), name: $0.center.organization.shortName,
                    year: $0.center.academicYear.title)
            })
        return (page.facts, page.sections, [])
    }

    func fields(_ req: Request, record: Subject?) async throws -> [FieldSpec] {
        SubjectFormPage().fields
    }

    func values(_ record: Subject, req: Request) async throws -> FormValues {
        FormValues(single: ["name": record.name])
    }

    func apply(_ form: FormValues, to record: Subject, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let name = errors.required("name", form["name"], max: 100)
        let key = TextKey.search(name)
        if !name.isEmpty,
            let clash = try await Subject.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(
                \.$searchKey == key
            ).first(),
            clash.id != record.id
        {
            errors.add("name", SubjectsWords.duplicate)
        }
        guard errors.isEmpty else { return nil }
        record.$municipality.id = municipalityID
        record.name = name
        record.searchKey = key
        record.sortKey = TextKey.sort(name)
        return { _ in }
    }

    func auditFields(_ record: Subject, on db: any Database) async throws -> [String: String] {
        [SubjectsWords.nameField: record.name]
    }
}
