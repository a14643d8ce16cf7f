import Domain
import Foundation

public enum TableReader {
    public static func read(_ data: Data, fileName: String, limits: TableLimits = .init()) throws -> TableFile {
        guard !data.isEmpty else { throw TableReadError("Файл пустой.") }
        guard data.count <= limits.maxBytes else {
            throw TableReadError("Файл больше \(limits.maxBytes / 1_048_576) МБ. Разделите его на части.")
        }
        switch TableFormat.detect(fileName: fileName, data: data) {
        case .csv: return try CSVTable.parse(data, limits: limits)
        case .xlsx: return try XLSXReader.read(data, limits: limits)
        case nil:
            throw TableReadError(
                "Загрузите файл CSV или XLSX (Excel 2007 и новее). Формат XLS не поддерживается: сохраните файл как "
                    + "XLSX."
            )
        }
    }
}

public struct TableLimits: Sendable {
    public var maxBytes: Int
    public var maxRows: Int
    public var maxUnpackedBytes: Int
    public init(maxBytes: Int = 25 * 1_048_576, maxRows: Int = 200_000, maxUnpackedBytes: Int = 200 * 1_048_576) {
        self.maxBytes = maxBytes
        self.maxRows = maxRows
        self.maxUnpackedBytes = maxUnpackedBytes
    }
}
