import Domain
import Fluent
import SQLKit
import Vapor
import Views

/// The order that awards support measures (`OrderKind.talentSupport`), drafted and signed in the orders' registry: a
/// draft names the year's proposed measures not yet in another order (kept in the order's recipients and in each
/// measure's `order_id`); signing gives them the order's number and date and makes them awarded; deleting the draft
/// lets them go.
enum SupportOrders {
    /// The measures a draft names now: its own and the year's proposed ones in no order.
    static func measureIDs(for order: Order, on db: any Database) async throws -> [UUID] {
        let orderID = try order.requireID()
        return try await SupportMeasure.query(on: db).filter(\.$municipality.$id == order.$municipality.id)
            .filter(\.$academicYear.$id == order.$academicYear.id)
            .filter(\.$status == SupportStatus.proposed.rawValue)
            .group(.or) { $0.filter(\.$order.$id == orderID).filter(\.$order.$id == nil) }
            .join(Student.self, on: \SupportMeasure.$student.$id == \Student.$id)
            // A student whose consent was withdrawn is named by no order (the municipality no longer sees them).
            .filter(Student.self, \.$consentOn != nil).filter(Student.self, \.$consentWithdrawnAt == nil)
            .sort(Student.self, \.$sortKey).sort(\.$id).all(\.$id)
    }

    /// The appendix's lines of the measures named.
    static func awards(_ ids: [UUID], on db: any Database) async throws -> [OrderDocument.Award] {
        guard !ids.isEmpty else { return [] }
        let measures = try await SupportMeasure.query(on: db).filter(\.$id ~~ ids)
            .with(\.$student) { $0.with(\.$school) }.with(\.$academicYear).all()
        let byID = Dictionary(measures.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }.map { measure in
            let line = SupportBoard.line(measure)
            return OrderDocument.Award(
                student: line.student, school: line.school, grade: line.grade,
                measure: line.details.isEmpty ? line.kind.title : "\(line.kind.title) (\(line.details))",
                sum: line.sum, basis: line.basis)
        }
    }

    /// Inside the draft's write: the measures it names become its own; one taken by another order meanwhile, or
    /// awarded, answers a conflict (nothing is saved).
    static func attach(_ order: Order, on db: any Database) async throws {
        let orderID = try order.requireID()
        // Each claim bumps the measure's version: a form opened before it cannot change or delete the measure after.
        try await db.sql().update(SupportMeasure.schema).set("order_id", to: SQLLiteral.null)
            .set("version", to: SQLBinaryExpression(SQLColumn("version"), .add, SQLLiteral.numeric("1")))
            .where("order_id", .equal, orderID).where("status", .equal, SupportStatus.proposed.rawValue).run()
        let ids = order.recipients
        guard !ids.isEmpty else { return }
        let rows = try await db.sql().update(SupportMeasure.schema).set("order_id", to: orderID)
            .set("version", to: SQLBinaryExpression(SQLColumn("version"), .add, SQLLiteral.numeric("1")))
            .where("id", .in, ids).where("status", .equal, SupportStatus.proposed.rawValue)
            .where(SQLIdentifier("order_id"), .is, SQLLiteral.null).returning("id").all()
        guard rows.count == ids.count else { throw AppError.conflict(OrdersWords.changedOrSigned) }
    }

    /// Inside the signing's write: the order's measures get its number and date and become awarded, each audited.
    static func award(_ order: Order, req: Request, on db: any Database) async throws {
        let orderID = try order.requireID()
        let measures = try await SupportMeasure.query(on: db).filter(\.$order.$id == orderID)
            .filter(\.$status == SupportStatus.proposed.rawValue).with(\.$student) { $0.with(\.$school) }
            .with(\.$academicYear).all()
        // What is signed is the reviewed draft: the measures awarded must be the ones it names.
        guard Set(measures.compactMap(\.id)) == Set(order.recipients) else {
            throw AppError.conflict(SupportWords.orderOutOfDate)
        }
        let username = req.currentUser?.username ?? ""
        for measure in measures {
            let before = SupportController.audit(measure)
            measure.decreeNumber = order.number
            measure.decreeDay = order.orderDay
            measure.status = SupportStatus.awarded.rawValue
            measure.updatedBy = username
            measure.updatedAt = Date()
            measure.version += 1
            try await measure.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "support_measure", entityID: measure.id,
                title: measure.student.fullName, municipalityID: measure.$municipality.id,
                organizationID: measure.$school.id, before: before, after: SupportController.audit(measure))
        }
    }

    /// Inside the draft's deletion: its measures are in no order again.
    static func detach(_ orderID: UUID, on db: any Database) async throws {
        try await db.sql().update(SupportMeasure.schema).set("order_id", to: SQLLiteral.null)
            .where("order_id", .equal, orderID).run()
    }
}
