import Domain
import Fluent
import Vapor
import Views

/// Subjects: the list the administrator edits (математика, информатика, физика, …).
struct SubjectsSection: RegistrySection {
    typealias Record = Subject
    let area = Registry.subjects
    let entityType = "subject"
    let noun = "Предмет"
    let newTitle = "Новый предмет"
    let archiveConsequence =
        "Предмет пропадёт из списков выбора; ресурсные центры и сотрудники, у которых он указан, сохранят его."

    func list(_ req: Request) async throws -> RegistryList {
        let municipalityID = try RegistrySupport.municipality(req)
        try req.authorize(.read, .reference(municipalityID: municipalityID))
        let query = RegistrySupport.listQuery(req, filters: ["status"], sorts: ["name"], defaultSort: "name")
        var b = Subject.query(on: req.db).filter(\.$municipality.$id == municipalityID).filterStatus(query, \.$status)
        let needle = TextKey.needle(query.q)
        if !needle.isEmpty { b = b.filter(\.$searchKey ~~ needle) }
        let (rows, total) = try await b.sort(\.$sortKey, query.descending ? .descending : .ascending).paged(query)
        return RegistryList(
            title: "Предметы", area: area, query: query, filters: [CommonFilters.search, CommonFilters.status],
            columns: [Column("Предмет", sort: "name"), Column("Состояние")],
            rows: try rows.map {
                [
                    .link($0.name, SiteURL.record(area, try $0.requireID()).path),
                    .badge(RecordStatus(rawValue: $0.status) ?? .active),
                ]
            },
            total: total, noun: ("предмет", "предмета", "предметов"),
            createTitle: req.can(.create, .reference(municipalityID: municipalityID)) ? "Добавить предмет" : nil,
            emptyText: "Предметов пока нет.")
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
        let rows: [[Cell]] = try links.map { l in
            [
                .link(l.center.organization.shortName, SiteURL.record(.resourceCenters, try l.center.requireID()).path),
                .text(l.center.academicYear.title),
            ]
        }
        return (
            [("Название", record.name)],
            [
                RegistryCard.Section(
                    title: "Ресурсные центры по предмету", columns: ["Ресурсный центр", "Учебный год"], rows: rows,
                    emptyText: "Ни один ресурсный центр не ведёт этот предмет.")
            ], []
        )
    }

    func fields(_ req: Request, record: Subject?) async throws -> [FieldSpec] {
        [
            FieldSpec(
                "name", "Название предмета", required: true,
                hint: "Со строчной буквы, как в учебном плане: «математика».")
        ]
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
            errors.add("name", "Такой предмет уже есть в списке.")
        }
        guard errors.isEmpty else { return nil }
        record.$municipality.id = municipalityID
        record.name = name
        record.searchKey = key
        record.sortKey = TextKey.sort(name)
        return { _ in }
    }

    func auditFields(_ record: Subject, on db: any Database) async throws -> [String: String] {
        ["Название": record.name]
    }
}
