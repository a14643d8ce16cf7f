import Documents
import Domain
import Fluent
import Vapor

extension DemoData {
    /// Draft orders of this year (organisation of the network, the schedule) and last year's signed order on
    /// certificates with a draft on final attestation.
    static func loadOrders(on db: any Database, municipalityID: UUID) async throws {
        guard let municipality = try await Municipality.find(municipalityID, on: db) else { return }
        let years = try await AcademicYear.query(on: db).filter(\.$municipality.$id == municipalityID).sort(
            \.$startsOn, .descending
        ).all()
        guard let current = years.first(where: \.isCurrent) else { return }
        let last = years.first { $0.startsOn < current.startsOn }
        var plan: [(AcademicYear, OrderKind, String?, CivilDay?)] = [
            (current, .organization, nil, nil), (current, .schedule, nil, nil),
        ]
        if let last {
            let signedOn = CivilDay(last.endsOn, timeZone: municipality.zone)
            plan += [(last, .certificates, "112", signedOn), (last, .attestation, nil, nil)]
        }
        for (year, kind, number, day) in plan {
            let order = Order()
            order.$municipality.id = municipalityID
            order.$academicYear.id = try year.requireID()
            order.kind = kind.rawValue
            order.title = kind.title(year: year.title)
            order.number = number
            order.orderDay = day?.number
            order.recipientsText = ""
            order.createdAt = Date()
            order.createdBy = "демо"
            order.version = 1
            order.status = (number == nil ? OrderStatus.draft : .signed).rawValue
            if number != nil {
                order.signedAt = day?.date(timeZone: municipality.zone)
                order.signedBy = "демо"
            }
            let doc = try await OrderDocuments.build(
                .init(municipality: municipality, year: year, kind: kind, number: number, day: day, recipients: []),
                on: db)
            order.document = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
            order.docx = try DOCXWriter.data(doc)
            try await order.create(on: db)
        }
    }
}
