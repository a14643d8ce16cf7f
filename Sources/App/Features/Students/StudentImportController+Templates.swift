import Documents
import Domain
import Fluent
import Vapor
import Views

/// The file templates a school fills in (CSV and XLSX) and the download response.
extension StudentImportController {
    func templateCSV(req: Request) async throws -> Response {
        _ = try await Self.schools(req)
        return Response.download(
            CSVTable.write([StudentImport.header, StudentImport.exampleRow]), name: "obuchayushchiesya-shablon.csv",
            type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]))
    }

    func templateXLSX(req: Request) async throws -> Response {
        _ = try await Self.schools(req)
        let data = try XLSXWriter.workbook(
            sheetName: StudentImportWords.sheetName, header: StudentImport.header, rows: [StudentImport.exampleRow])
        return Response.download(
            data, name: "obuchayushchiesya-shablon.xlsx",
            type: .xlsx)
    }

}
