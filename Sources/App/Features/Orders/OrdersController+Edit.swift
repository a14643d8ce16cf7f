import Documents
import Domain
import Fluent
import Vapor
import Views

/// A draft's changes — number, date, the teachers named, a refresh from the data — and its signing and deletion, each
/// claimed with the version and only while the order is a draft: a signed order never changes.
extension OrdersController {
    func teacherChoices(_ o: Order, on db: any Database) async throws -> [OrderEditPage.Teacher] {
        guard o.orderKind.needsRecipients else { return [] }
        return try await OrderDocuments.teacherLines(year: o.academicYear, on: db).map { l in
            OrderEditPage.Teacher(
                id: try l.staff.requireID().uuidString.lowercased(), name: l.staff.fullName,
                organizations: l.organizations, groups: l.groups, hours: l.hours)
        }
    }

    func editPage(
        _ req: Request, _ o: Order, values: FormValues, errors: FieldErrors = FieldErrors(), conflict: String? = nil
    ) async throws -> RegistryForm {
        OrderEditPage(
            title: o.title, kind: o.orderKind, url: SiteURL.order(try o.requireID()).path, version: o.version,
            teachers: try await teacherChoices(o, on: req.db), values: values, errors: errors, conflict: conflict
        ).form
    }

    static func values(_ o: Order) -> FormValues {
        FormValues([
            "number": [o.number ?? ""], "day": [o.orderDay.map { CivilDay(number: $0).formatted } ?? ""],
            "recipients": o.recipients.map { $0.uuidString.lowercased() },
        ])
    }

    func editForm(req: Request) async throws -> Response {
        let o = try await find(req, .update)
        return req.render(
            try await editPage(req, o, values: Self.values(o)).render(await req.pageContext(active: active)))
    }

    func update(req: Request) async throws -> Response {
        let o = try await find(req, .update)
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let number = errors.optional("number", form["number"], max: 30)
        let day = errors.day("day", form["day"], required: false)
        let allowed = Set(
            try await OrderDocuments.teacherLines(year: o.academicYear, on: req.db).compactMap(\.staff.id))
        let chosen = form.all("recipients").compactMap(UUID.init(uuidString:))
        if chosen.contains(where: { !allowed.contains($0) }) {
            errors.add("recipients", OrdersWords.recipientsOfYear)
        }
        guard errors.isEmpty else {
            return req.render(
                try await editPage(req, o, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        let before = OrdersWords.Audit.fields(
            number: o.number ?? "", day: o.orderDay.map { CivilDay(number: $0).formatted } ?? "",
            recipients: o.recipients.count)
        o.number = number
        o.orderDay = day?.number
        o.recipientsText = chosen.map(\.uuidString).joined(separator: ",")
        try await save(o, expected: form["version"].flatMap(Int.init) ?? -1, req: req, before: before)
        return req.redirect(to: SiteURL.order(try o.requireID()).path, flash: OrdersWords.Flash.updated)
    }

    func refresh(req: Request) async throws -> Response {
        let o = try await find(req, .update)
        try await save(o, expected: o.version, req: req, before: nil)
        return req.redirect(
            to: SiteURL.order(try o.requireID()).path, flash: OrdersWords.Flash.refreshed)
    }

    /// Renders the document anew and saves the draft, claiming its version while it is still a draft.
    func save(_ o: Order, expected: Int, req: Request, before: [String: String]?, sign: Bool = false) async throws {
        guard (0..<Int(Int32.max)).contains(expected) else {
            throw AppError.conflict(OrdersWords.changedOrSigned)
        }
        guard let municipality = try await Municipality.find(o.$municipality.id, on: req.db) else {
            throw AppError.notFound()
        }
        if sign, let draft = o.doc {
            // What is signed is the draft that was reviewed, with its number and date; the data are not read again.
            let doc = OrderDocuments.signed(draft, number: o.number, day: o.orderDay.map(CivilDay.init(number:)))
            o.document = String(decoding: try JSONEncoder().encode(doc), as: UTF8.self)
            o.docx = try DOCXWriter.data(doc)
        } else {
            try await Self.render(o, municipality: municipality, year: o.academicYear, on: req.db)
        }
        let signer = req.currentUser?.fullName ?? ""
        let number = o.number
        let year = o.orderDay.map { CivilDay(number: $0).ymd.year }
        try await req.application.writeTransaction { db in
            if sign, let number, let year,
                let clash = try await Self.signedNumber(
                    number, year: year, municipalityID: o.$municipality.id, except: try o.requireID(), on: db)
            {
                var e = FieldErrors()
                e.add("number", OrdersWords.numberTaken(number, year: year, title: clash.title))
                throw AppError.validation(ValidationFailure(fields: e))
            }
            let rows = try await db.sql().update(Order.schema).set("version", to: expected + 1)
                .where("id", .equal, try o.requireID()).where("version", .equal, expected).where(
                    "status", .equal, OrderStatus.draft.rawValue
                ).returning("id").all()
            guard !rows.isEmpty else {
                throw AppError.conflict(OrdersWords.changedOrSigned)
            }
            o.version = expected + 1
            if sign {
                o.status = OrderStatus.signed.rawValue
                o.signedAt = Date()
                o.signedBy = signer
            }
            try await o.save(on: db)
            try await Audit.record(
                on: db, req: req, action: .update, entityType: "order", entityID: o.id, title: o.title,
                municipalityID: o.$municipality.id,
                organizationID: nil, before: before,
                after: OrdersWords.Audit.fields(
                    number: o.number ?? "", day: o.orderDay.map { CivilDay(number: $0).formatted } ?? "",
                    recipients: o.recipients.count, status: (OrderStatus(rawValue: o.status) ?? .draft).title))
        }
    }

    func signPage(_ o: Order, values: FormValues, errors: FieldErrors = FieldErrors()) throws -> RegistryForm {
        OrderSignPage(
            title: o.title, kind: o.orderKind, url: SiteURL.order(try o.requireID()).path, version: o.version,
            values: values, errors: errors
        ).form
    }

    func signForm(req: Request) async throws -> Response {
        let o = try await find(req, .approve)
        guard !o.isSigned else { throw AppError.conflict(OrderRules.signedMessage) }
        var v = Self.values(o)
        if v["day"]?.isEmpty ?? true {
            v["day"] = CivilDay(Date(), timeZone: try await RegistrySupport.zone(req)).formatted
        }
        return req.render(try signPage(o, values: v).render(await req.pageContext(active: active)))
    }

    func sign(req: Request) async throws -> Response {
        let o = try await find(req, .approve)
        guard !o.isSigned else { throw AppError.conflict(OrderRules.signedMessage) }
        let form = RegistrySupport.form(req)
        var errors = FieldErrors()
        let number = errors.optional("number", form["number"], max: 30)
        let day = errors.day("day", form["day"], required: false)
        OrderRules.checkForSigning(
            number: number, day: day, today: CivilDay(Date(), timeZone: try await RegistrySupport.zone(req)),
            errors: &errors)
        guard errors.isEmpty else {
            return req.render(
                try signPage(o, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        o.number = number
        o.orderDay = day?.number
        do {
            try await save(
                o, expected: form["version"].flatMap(Int.init) ?? -1, req: req,
                before: OrdersWords.Audit.status(OrderStatus.draft.title), sign: true)
        } catch let e as AppError where e.code == "validation" {
            for (k, v) in e.fields { errors.add(k, v) }
            return req.render(
                try signPage(o, values: form, errors: errors).render(await req.pageContext(active: active)),
                status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.order(try o.requireID()).path, flash: OrdersWords.Flash.signed(number ?? ""))
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
        let o = try await find(req, .archive)
        let form = OrderDeletePage(
            title: o.title, kind: o.orderKind, url: SiteURL.order(try o.requireID()).path, version: o.version
        ).form
        return req.render(form.render(await req.pageContext(active: active)))
    }

    func delete(req: Request) async throws -> Response {
        let o = try await find(req, .archive)
        let expected = RegistrySupport.form(req)["version"].flatMap(Int.init) ?? -1
        try await req.application.writeTransaction { db in
            guard (0..<Int(Int32.max)).contains(expected) else {
                throw AppError.conflict(OrdersWords.changed)
            }
            let rows = try await db.sql().delete(from: Order.schema).where("id", .equal, try o.requireID()).where(
                "version", .equal, expected
            )
            .where("status", .equal, OrderStatus.draft.rawValue).returning("id").all()
            guard !rows.isEmpty else {
                throw AppError.conflict(OrdersWords.changedOrSigned)
            }
            try await Audit.record(
                on: db, req: req, action: .archive, entityType: "order", entityID: o.id, title: o.title,
                municipalityID: o.$municipality.id,
                organizationID: nil, before: OrdersWords.Audit.status(OrderStatus.draft.title),
                after: OrdersWords.Audit.deleted)
        }
        return req.redirect(to: SiteURL.orders.path, flash: OrdersWords.Flash.deleted)
    }
}
