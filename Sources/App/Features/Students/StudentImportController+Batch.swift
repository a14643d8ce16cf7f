import Documents
import Domain
import Fluent
import Vapor
import Views

/// A batch's page (the preview or the outcome) and its commit.
extension StudentImportController {
    /// The batch, if the user may import into its school.
    func find(_ req: Request) async throws -> StudentImportBatch {
        let id = try req.idParameter("batch")
        guard let b = try await StudentImportBatch.query(on: req.db).filter(\.$id == id).with(\.$school).first() else {
            throw AppError.notFound()
        }
        guard req.can(.create, .student(school: b.school.ref)) else { throw AppError.notFound() }
        return b
    }

    func show(req: Request) async throws -> Response {
        let b = try await find(req)
        var analysis: StudentImportService.Analysis?
        if let content = b.content, b.state == StudentImportBatch.State.preview.rawValue {
            analysis = try await StudentImportService.analyse(
                content, fileName: b.fileName, schoolID: b.$school.id, municipalityID: b.$municipality.id,
                zone: try await RegistrySupport.zone(req), canSee: Self.visibility(req, b.$municipality.id), on: req.db)
        }
        return try await renderBatch(req, batch: b, analysis: analysis)
    }

    func renderBatch(
        _ req: Request, batch b: StudentImportBatch, analysis: StudentImportService.Analysis?, problem: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let zone = try await RegistrySupport.zone(req)
        let state = StudentImportBatchPage.State(rawValue: b.state) ?? .preview
        var summary: [(String, String)] = [
            (
                StudentImportWords.Summary.loaded,
                RuDate.formatDateTime(b.createdAt, timeZone: zone) + ", " + b.createdByName
            )
        ]
        var page = StudentImportBatchPage(
            url: Self.url(try b.requireID()), fileName: b.fileName, school: b.$school.value?.shortName ?? "",
            state: state,
            summary: [], fileErrors: [], rowErrors: [], totalRowErrors: 0, matches: [], newRows: [], newCount: 0,
            problem: problem, canCommit: false, canRevert: false)
        if let a = analysis {
            page.fileErrors = a.plan.fileErrors
            page.rowErrors = Array(a.errors.prefix(500))
            page.totalRowErrors = a.errors.count
            if a.plan.fileErrors.isEmpty {
                summary.append((StudentImportWords.Summary.inFile, String(a.plan.rows.count)))
                if a.repeatedCount > 0 {
                    summary.append((StudentImportWords.Summary.repeated, String(a.repeatedCount)))
                }
            }
            if a.isValid {
                summary.append((StudentImportWords.Summary.new, String(a.newCount)))
                summary.append((StudentImportWords.Summary.matching, String(a.matches.count)))
                page.matches = a.matches.sorted { $0.key < $1.key }.map { i, m in
                    let row = a.plan.rows[i]
                    return .init(
                        line: row.line,
                        fileName:
                            "\(row.fullName), \(RuDate.format(row.birthDate, timeZone: zone)), "
                            + "\(row.grade)\(row.letter ?? "")",
                        existing: "\(m.fullName), \(m.grade)", existingURL: SiteURL.record(.students, m.id).path,
                        archived: m.archived)
                }
                let fresh = a.plan.rows.indices.filter { a.matches[$0] == nil }
                page.newCount = fresh.count
                page.newRows = fresh.prefix(100).map { i in
                    let r = a.plan.rows[i]
                    return [
                        String(r.line), r.fullName, RuDate.format(r.birthDate, timeZone: zone),
                        "\(r.grade)\(r.letter ?? "")",
                        r.consentOn.map { RuDate.format($0, timeZone: zone) } ?? StudentImportWords.noConsent,
                        r.guardianName ?? "",
                    ]
                }
                page.canCommit = !a.plan.rows.isEmpty
            }
        } else if state != .preview {
            summary += [
                (StudentImportWords.Summary.added, String(b.createdCount)),
                (StudentImportWords.Summary.merged, String(b.mergedCount)),
                (StudentImportWords.Summary.skipped, String(b.skippedCount)),
            ]
            if let at = b.committedAt {
                summary.append((StudentImportWords.Summary.committedAt, RuDate.formatDateTime(at, timeZone: zone)))
            }
            if let at = b.revertedAt {
                summary.append((StudentImportWords.Summary.revertedAt, RuDate.formatDateTime(at, timeZone: zone)))
            }
            page.canRevert = state == .committed
        } else {
            page.problem = problem ?? StudentImportWords.fileNotKept
        }
        page.summary = summary
        return req.render(page.render(await req.pageContext(active: .registry(.students))), status: status)
    }

    func commit(req: Request) async throws -> Response {
        let b = try await find(req)
        // Lines the user chose to skip: «line-N=skip».
        let form = RegistrySupport.form(req)
        let skip = Set(
            form.values.compactMap { key, values -> Int? in
                guard values.first == "skip", key.hasPrefix("line-") else { return nil }
                return Int(key.dropFirst(5))
            })
        do {
            let outcome = try await StudentImportService.commit(
                batchID: try b.requireID(), skipLines: skip, canSee: Self.visibility(req, b.$municipality.id), req: req)
            return req.redirect(
                to: Self.url(try b.requireID()),
                flash: StudentImportWords.committed(
                    created: outcome.created, merged: outcome.merged, skipped: outcome.skipped))
        } catch let e as AppError where e.status == .conflict {
            guard
                let fresh = try await StudentImportBatch.query(on: req.db).filter(try \.$id == b.requireID()).with(
                    \.$school
                )
                .first()
            else { throw e }
            return try await renderBatch(req, batch: fresh, analysis: nil, problem: e.reason, status: .conflict)
        }
    }
}
