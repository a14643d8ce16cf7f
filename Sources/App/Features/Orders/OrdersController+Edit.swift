import Documents
import Domain
import Fluent
import Vapor
import Views

/// A draft's changes — number, date, the teachers named, a refresh from the data — and its signing and deletion, each
/// claimed with the version and only while the order is a draft: a signed order never changes.
extension OrdersController {
    func teacherChoices(_ order: Order, on db: any Database) async throws -> [OrderEditPage.Teacher] {
        guard order.orderKind.needsRecipients,
            try await AwardOrders.approvedRound(yearID: order.$academicYear.id, on: db) == nil
        else { return [] }
        return try await OrderDocuments.teacherLines(year: order.academicYear, on: db).map { line in
            OrderEditPage.Teacher(
                id: try line.staff.requireID().uuidString.lowercased(), name: line.staff.fullName,
                organizations: line.organizations, groups: line.groups, hours: line.hours)
        }
    }

    func editPage(
        _ req: Request, _ order: Order, values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) async throws -> RegistryForm {
        OrderEditPage(
            title: order.title, kind: order.orderKind, url: SiteURL.order(try order.requireID()).path,
            version: order.version, teachers: try await teacherChoices(order, on: req.db),
            fromRound: try await AwardOrders.approvedRound(yearID: order.$academicYear.id, on: req.db) != nil,
            values: values, errors: errors, conflict: conflict
        ).form
    }

    static func values(_ order: Order) -> FormValues {
        FormValues([
            "number": [order.number ?? ""], "day": [order.orderDay.map { CivilDay(number: $0).formatted } ?? ""],
            "recipients": order.recipients.map { $0.uuidString.lowercased() },
        ])
    }

    func editForm(req: Request) async throws -> Response {
        let order = try await find(req, .update)
        return req.render(
            try await editPage(req, order, values: Self.values(order)).render(await req.pageContext(active: active)))
    }

    func update(req: Request) async throws -> Response {
        let order = try await find(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let number = errors.optional("number", form["number"], max: 30)
        let day = errors.day("day", form["day"], required: false)
        let allowed = Set(
            try await OrderDocuments.teacherLines(year: order.academicYear, on: req.db).compactMap(\.staff.id))
        let chosen = form.all("recipients").compactMap(UUID.init(uuidString:))
        if chosen.contains(where: { !allowed.contains($0) }) {
            errors.add("recipients", OrdersWords.recipientsOfYear)
        }
        guard errors.isEmpty else {
            return req.render(
                try await editPage(req, order, values: form, errors: errors).render(
                    await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        let before = OrdersWords.Audit.fields(
            number: order.number ?? "", day: order.orderDay.map { CivilDay(number: $0).formatted } ?? "",
            recipients: order.recipients.count)
        order.number = number
        order.orderDay = day?.number
        order.recipientsText = chosen.map(\.uuidString).joined(separator: ",")
        try await save(order, expected: form["version"].flatMap(Int.init) ?? -1, req: req, before: before)
        return req.redirect(to: SiteURL.order(try order.requireID()).path, flash: OrdersWords.Flash.updated)
    }

    func refresh(req: Request) async throws -> Response {
        let order = try await find(req, .update)
        try await save(order, expected: order.version, req: req, before: nil)
        return req.redirect(
            to: SiteURL.order(try order.requireID()).path, flash: OrdersWords.Flash.refreshed)
    }

    /// Renders the document anew and saves the draft, claiming its version while it is still a draft.
    func save(_ order: Order, expected: Int, req: Request, before: [String: String]?, sign: Bool = false) async throws {
        guard (0..<Int(Int32.max)).contains(expected) else {
            throw AppError.conflict(OrdersWords.changedOrSigned)
        }
        guard let municipality = try await Municipality.find(order.$municipality.id, on: req.db) else {
            throw AppError.notFound()
        }
        if sign, let draft = order.doc {
            // What is signed is the draft that was reviewed, with its number and date; the data are not read again.
            let doc = OrderDocuments.signed(
                draft, number: order.number, day: order.orderDay.map(CivilDay.init(number:)))
            order.document = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
            order.docx = try DOCXWriter.data(doc)
        } else {
            try await Self.render(order, municipality: municipality, year: order.academicYear, on: req.db)
        }
        let signer = req.currentUser?.fullName ?? ""
        let number = order.number
        let year = order.orderDay.map { CivilDay(number: $0).ymd.year }
        try await req.application.writeTransaction { db in
            if sign, let number, let year,
                let clash = try await Self.signedNumber(
                    number, year: year, municipalityID: order.$municipality.id, except: try order.requireID(), on: db)
            {
                var errors = FieldErrors()
                errors.add("number", OrdersWords.numberTaken(number, year: year, title: clash.title))
                throw AppError.validation(ValidationFailure(fields: errors))
            }
            let rows = try await db.sql().update(Order.schema).set("version", to: expected + 1)
                .where("id", .equal, try order.requireID()).where("version", .equal, expected).where(
                    "status", .equal, OrderStatus.draft.rawValue
                ).returning("id").all()
            guard !rows.isEmpty else {
                throw AppError.conflict(OrdersWords.changedOrSigned)
            }
            order.version = expected + 1
            if sign {
                order.status = OrderStatus.signed.rawValue
                order.signedAt = Date()
                order.signedBy = signer
            }
            try await order.save(on: db)
            if order.orderKind == .talentSupport {
                if sign {
                    try await SupportOrders.award(order, req: req, on: db)
                } else {
                    try await SupportOrders.attach(order, on: db)
                }
            }
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "order", entityID: order.id, title: order.title,
                municipalityID: order.$municipality.id,
                organizationID: nil, before: before,
                after: OrdersWords.Audit.fields(
                    number: order.number ?? "", day: order.orderDay.map { CivilDay(number: $0).formatted } ?? "",
                    recipients: order.recipients.count, status: (OrderStatus(rawValue: order.status) ?? .draft).title))
        }
    }

    func signPage(_ order: Order, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm {
        OrderSignPage(
            title: order.title, kind: order.orderKind, url: SiteURL.order(try order.requireID()).path,
            version: order.version,
            values: values, errors: errors
        ).form
    }

    func signForm(req: Request) async throws -> Response {
        let order = try await find(req, .approve)
        guard !order.isSigned else { throw AppError.conflict(OrderRules.signedMessage) }
        var values = Self.values(order)
        if values["day"]?.isEmpty ?? true {
            values["day"] = CivilDay(Date(), timeZone: try await RegistrySupport.zone(req)).formatted
        }
        return req.render(try signPage(order, values: values).render(await req.pageContext(active: active)))
    }

    func sign(req: Request) async throws -> Response {
        let order = try await find(req, .approve)
        guard !order.isSigned else { throw AppError.conflict(OrderRules.signedMessage) }
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let number = errors.optional("number", form["number"], max: 30)
        let day = errors.day("day", form["day"], required: false)
        OrderRules.checkForSigning(
            number: number, day: day, today: CivilDay(Date(), timeZone: try await RegistrySupport.zone(req)),
            errors: &errors)
        guard errors.isEmpty else {
            return req.render(
                try signPage(order, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        order.number = number
        order.orderDay = day?.number
        do {
            try await save(
                order, expected: form["version"].flatMap(Int.init) ?? -1, req: req,
                before: OrdersWords.Audit.status(OrderStatus.draft.title), sign: true)
        } catch let error as AppError where error.code == "validation" {
            for (field, message) in error.fields { errors.add(field, message) }
            return req.render(
                try signPage(order, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        return req.redirect(
            to: SiteURL.order(try order.requireID()).path, flash: OrdersWords.Flash.signed(number ?? ""))
    }

    /// A signed order of the municipality with this number in the year of its date (checked inside the signing
    /// transaction, which SQLite's write gate and PostgreSQL's row claim serialise per order).
    static func signedNumber(_ number: String, year: Int, municipalityID: UUID, except: UUID, on db: any Database)
        async throws -> Order?
    {
        guard let first = CivilDay(year: year, month: 1, day: 1), let last = CivilDay(year: year, month: 12, day: 31)
        else { return nil }
        return try await Order.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$number == number)
            .filter(\.$status == OrderStatus.signed.rawValue).filter(\.$id != except)
            .filter(\.$orderDay >= first.number).filter(\.$orderDay <= last.number).first()
    }

    func deleteForm(req: Request) async throws -> Response {
        let order = try await find(req, .archive)
        let form = OrderDeletePage(
            title: order.title, kind: order.orderKind, url: SiteURL.order(try order.requireID()).path,
            version: order.version
        ).form
        return req.render(form.render(await req.pageContext(active: active)))
    }

    func delete(req: Request) async throws -> Response {
        let order = try await find(req, .archive)
        let expected = RegistrySupport.form(req)["version"].flatMap(Int.init) ?? -1
        try await req.application.writeTransaction { db in
            guard (0..<Int(Int32.max)).contains(expected) else {
                throw AppError.conflict(OrdersWords.changed)
            }
            try await SupportOrders.detach(try order.requireID(), on: db)
            let rows = try await db.sql().delete(from: Order.schema).where("id", .equal, try order.requireID()).where(
                "version", .equal, expected
            )
            .where("status", .equal, OrderStatus.draft.rawValue).returning("id").all()
            guard !rows.isEmpty else {
                throw AppError.conflict(OrdersWords.changedOrSigned)
            }
            try await Audit.record(
                on: db, req: req, action: .archive, entityType: "order", entityID: order.id, title: order.title,
                municipalityID: order.$municipality.id,
                organizationID: nil, before: OrdersWords.Audit.status(OrderStatus.draft.title),
                after: OrdersWords.Audit.deleted)
        }
        return req.redirect(to: SiteURL.orders.path, flash: OrdersWords.Flash.deleted)
    }
}
