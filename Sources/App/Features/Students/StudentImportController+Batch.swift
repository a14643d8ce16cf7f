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
        guard let batch = try await StudentImportBatch.query(on: req.db).filter(\.$id == id).with(\.$school).first()
        else {
            throw AppError.notFound()
        }
        guard req.can(.create, .student(school: batch.school.ref)) else { throw AppError.notFound() }
        return batch
    }

    func show(req: Request) async throws -> Response {
        let batch = try await find(req)
        var analysis: StudentImportService.Analysis?
        if let content = batch.content, batch.state == StudentImportBatch.State.preview.rawValue {
            analysis = try await StudentImportService.analyse(
                content, fileName: batch.fileName, schoolID: batch.$school.id, municipalityID: batch.$municipality.id,
                zone: try await RegistrySupport.zone(req), canSee: Self.visibility(req, batch.$municipality.id),
                on: req.db)
        }
        return try await renderBatch(req, batch: batch, analysis: analysis)
    }

    func renderBatch(
        _ req: Request, batch: StudentImportBatch, analysis: StudentImportService.Analysis?, problem: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let zone = try await RegistrySupport.zone(req)
        let state = StudentImportBatchPage.State(rawValue: batch.state) ?? .preview
        var summary: [(String, String)] = [
            (
                StudentImportWords.Summary.loaded,
                RuDate.formatDateTime(batch.createdAt, timeZone: zone) + ", " + batch.createdByName
            )
        ]
        var page = StudentImportBatchPage(
            url: Self.url(try batch.requireID()), fileName: batch.fileName,
            school: batch.$school.value?.shortName ?? "",
            state: state,
            summary: [], fileErrors: [], rowErrors: [], totalRowErrors: 0, matches: [], newRows: [], newCount: 0,
            problem: problem, canCommit: false, canRevert: false)
        if let analysis {
            page.fileErrors = analysis.plan.fileErrors
            page.rowErrors = Array(analysis.errors.prefix(500))
            page.totalRowErrors = analysis.errors.count
            if analysis.plan.fileErrors.isEmpty {
                summary.append((StudentImportWords.Summary.inFile, String(analysis.plan.rows.count)))
                if analysis.repeatedCount > 0 {
                    summary.append((StudentImportWords.Summary.repeated, String(analysis.repeatedCount)))
                }
            }
            if analysis.isValid {
                summary.append((StudentImportWords.Summary.new, String(analysis.newCount)))
                summary.append((StudentImportWords.Summary.matching, String(analysis.matches.count)))
                page.matches = analysis.matches.sorted { $0.key < $1.key }.map { i, match in
                    let row = analysis.plan.rows[i]
                    return .init(
                        line: row.line,
                        fileName:
                            "\(row.fullName), \(RuDate.format(row.birthDate, timeZone: zone)), "
                            + "\(row.grade)\(row.letter ?? "")",
                        existing: "\(match.fullName), \(match.grade)",
                        existingURL: SiteURL.record(.students, match.id).path,
                        archived: match.archived)
                }
                let fresh = analysis.plan.rows.indices.filter { analysis.matches[$0] == nil }
                page.newCount = fresh.count
                page.newRows = fresh.prefix(100).map { i in
                    let row = analysis.plan.rows[i]
                    return [
                        String(row.line), row.fullName, RuDate.format(row.birthDate, timeZone: zone),
                        "\(row.grade)\(row.letter ?? "")",
                        row.consentOn.map { RuDate.format($0, timeZone: zone) } ?? StudentImportWords.noConsent,
                        row.guardianName ?? "",
                    ]
                }
                page.canCommit = !analysis.plan.rows.isEmpty
            }
        } else if state != .preview {
            summary += [
                (StudentImportWords.Summary.added, String(batch.createdCount)),
                (StudentImportWords.Summary.merged, String(batch.mergedCount)),
                (StudentImportWords.Summary.skipped, String(batch.skippedCount)),
            ]
            if let at = batch.committedAt {
                summary.append((StudentImportWords.Summary.committedAt, RuDate.formatDateTime(at, timeZone: zone)))
            }
            if let at = batch.revertedAt {
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
        let batch = try await find(req)
        // Lines the user chose to skip: «line-N=skip».
        let form = RegistrySupport.form(req)
        let skip = Set(
            form.values.compactMap { key, values -> Int? in
                guard values.first == "skip", key.hasPrefix("line-") else { return nil }
                return Int(key.dropFirst(5))
            })
        do {
            let outcome = try await StudentImportService.commit(
                batchID: try batch.requireID(), skipLines: skip, canSee: Self.visibility(req, batch.$municipality.id),
                req: req)
            return req.redirect(
                to: Self.url(try batch.requireID()),
                flash: StudentImportWords.committed(
                    created: outcome.created, merged: outcome.merged, skipped: outcome.skipped))
        } catch let error as AppError where error.status == .conflict {
            guard
                let fresh = try await StudentImportBatch.query(on: req.db).filter(try \.$id == batch.requireID()).with(
                    \.$school
                )
                .first()
            else { throw error }
            return try await renderBatch(req, batch: fresh, analysis: nil, problem: error.reason, status: .conflict)
        }
    }
}
