import Domain
import Fluent
import Vapor
import Views

/// The olympiad's subjects (issue 21): a municipality's list, given the built-in one at creation, edited by the
/// administrator and the coordinator as the other reference lists are; the network's staff read it.
struct OlympiadSubjectsSection: RegistrySection {
    typealias Record = OlympiadSubject
    let area = Registry.olympiadSubjects
    let entityType = "olympiad_subject"
    let noun = TalentWords.subjectNoun
    let newTitle = TalentWords.subjectNewTitle
    let archiveConsequence = TalentWords.subjectArchiveConsequence

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(
            req, filters: ["status"], sorts: ["name"], defaultSort: "name", search: true)
        var builder = OlympiadSubject.query(on: req.db).filter(\.$municipality.$id == municipalityID)
            .filterStatus(query, \.$status)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { builder = builder.filter(\.$searchKey ~~ needle) }
        let (rows, total) = try await builder.sort(\.$sortKey, query.descending ? .descending : .ascending)
            .paged(query)
        return OlympiadSubjectListPage(
            query: query,
            rows: try rows.map {
                .init(
                    id: try $0.requireID(), name: $0.name, profiles: $0.profiles,
                    status: RecordStatus(rawValue: $0.status) ?? .active)
            },
            total: total, canCreate: req.can(.create, .reference(municipalityID: municipalityID))
        ).list
    }

    func resource(_ record: OlympiadSubject, on db: any Database) async throws -> Resource {
        .reference(municipalityID: record.$municipality.id)
    }
    func newResource(_ req: Request) throws -> Resource {
        .reference(municipalityID: try RegistrySupport.municipality(req))
    }
    func title(_ record: OlympiadSubject) -> String { record.name }
    func scope(_ record: OlympiadSubject) -> (municipalityID: UUID?, organizationID: UUID?) {
        (record.$municipality.id, nil)
    }

    func card(_ record: OlympiadSubject, req: Request) async throws -> (
        facts: [(String, String)], sections: [RegistryCard.Section], warnings: [String]
    ) {
        (OlympiadSubjectFormPage.facts(name: record.name, profiles: record.profiles), [], [])
    }

    func fields(_ req: Request, record: OlympiadSubject?) async throws -> [FieldSpec] {
        OlympiadSubjectFormPage().fields
    }

    func values(_ record: OlympiadSubject, req: Request) async throws -> FormValues {
        FormValues(single: ["name": record.name, "profiles": record.profiles ?? ""])
    }

    func apply(_ form: FormValues, to record: OlympiadSubject, isNew: Bool, req: Request, errors: inout FieldErrors)
        async throws -> (@Sendable (any Database) async throws -> Void)?
    {
        let municipalityID = isNew ? try RegistrySupport.municipality(req) : record.$municipality.id
        let name = errors.required("name", form["name"], max: 150)
        let profiles = errors.optional("profiles", form["profiles"], max: 1000)
        let key = TextKey.search(name)
        if !name.isEmpty,
            let clash = try await OlympiadSubject.query(on: req.db).filter(\.$municipality.$id == municipalityID)
                .filter(\.$searchKey == key).first(), clash.id != record.id
        {
            errors.add("name", TalentWords.Check.duplicateSubject)
        }
        guard errors.isEmpty else { return nil }
        record.$municipality.id = municipalityID
        record.name = name
        record.profiles = profiles
        record.searchKey = key
        record.sortKey = TextKey.sort(name)
        return { _ in }
    }

    func auditFields(_ record: OlympiadSubject, on db: any Database) async throws -> [String: String] {
        [TalentWords.Field.name: record.name, TalentWords.Field.profiles: record.profiles ?? ""]
    }
}
