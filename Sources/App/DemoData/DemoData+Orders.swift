import Documents
import Domain
import Fluent
import Vapor

extension DemoData {
    /// Draft orders of this year (organisation of the network, the schedule) and last year's signed order on
    /// certificates with a draft on final attestation.
    static func loadOrders(on db: any Database, municipalityID: UUID) async throws {
        guard let m = try await Municipality.find(municipalityID, on: db) else { return }
        let years = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        guard let current = years.first(where: \.isCurrent) else { return }
        let last = years.first { $0.startsOn < current.startsOn }
        var plan: [(AcademicYear, OrderKind, String?, CivilDay?)] = [
            (current, .organization, nil, nil), (current, .schedule, nil, nil),
        ]
        if let last {
            let signedOn = CivilDay(last.endsOn, timeZone: m.zone)
            plan += [(last, .certificates, "112", signedOn), (last, .attestation, nil, nil)]
        }
        for (year, kind, number, day) in plan {
            let o = Order()
            o.$municipality.id = municipalityID
            o.$academicYear.id = try year.requireID()
            o.kind = kind.rawValue
            o.title = kind.title(year: year.title)
            o.number = number
            o.orderDay = day?.number
            o.recipientsText = ""
            o.createdAt = Date()
            o.createdBy = "демо"
            o.version = 1
            o.status = (number == nil ? OrderStatus.draft : .signed).rawValue
            if number != nil {
                o.signedAt = day?.date(timeZone: m.zone)
                o.signedBy = "демо"
            }
            let doc = try await OrderDocuments.build(
                .init(municipality: m, year: year, kind: kind, number: number, day: day, recipients: []), on: db)
            o.document = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
            o.docx = try DOCXWriter.data(doc)
            try await o.create(on: db)
        }
    }
}
