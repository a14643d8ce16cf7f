import Documents
import Domain
import Fluent
import Vapor
import Views

/// The file templates a school fills in (CSV and XLSX) and the download response.
extension StudentImportController {
    func templateCSV(req: Request) async throws -> Response {
        _ = try await Self.schools(req)
        return Self.download(
            CSVTable.write([StudentImport.header, StudentImport.exampleRow]), name: "obuchayushchiesya-shablon.csv",
            type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]))
    }

    func templateXLSX(req: Request) async throws -> Response {
        _ = try await Self.schools(req)
        let data = try XLSXWriter.workbook(
            sheetName: StudentImportWords.sheetName, header: StudentImport.header, rows: [StudentImport.exampleRow],
            columnWidths: StudentImport.columns.map { max(12, $0.title.count + 4) })
        return Self.download(
            data, name: "obuchayushchiesya-shablon.xlsx",
            type: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    }

    static func download(_ data: Data, name: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
