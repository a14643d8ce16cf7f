import Domain
import Fluent
import FluentPostgresDriver
import NIOCore
import Vapor

/// Bulk rows into PostgreSQL with `COPY … FROM STDIN` (text format) on the transaction's own connection (issue 3's
/// benchmark: 100 000 students as 800-row INSERTs spent most of their time binding values one by one). The values are
/// the same `DBValue`s the INSERT path writes; COPY checks every constraint and index as an INSERT does, and a bad row
/// fails the whole statement, so the transaction around it keeps its all-or-nothing.
enum PostgresCopy {
    /// Writes the rows; `db` must be PostgreSQL. The text is built a megabyte at a time while PostgreSQL reads the
    /// previous one (the two cores overlap: building 100 000 students' text costs about as much as half their COPY).
    static func rows(
        into table: String, columns: [String], count: Int, on db: any Database,
        _ values: @escaping @Sendable (Int) -> [DBValue]
    ) async throws {
        guard let pg = db as? any PostgresDatabase else {
            throw Abort(.internalServerError, reason: "COPY needs PostgreSQL")
        }
        guard count > 0 else { return }
        StatementLog.record()
        try await pg.withConnection { conn in
            conn.eventLoop.makeFutureWithTask {
                try await conn.copyFrom(table: table, columns: columns, logger: conn.logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20 + 4096)
                    for i in 0..<count {
                        for (column, value) in values(i).enumerated() {
                            if column > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                            write(value, to: &buffer)
                        }
                        buffer.writeInteger(UInt8(ascii: "\n"))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer = ByteBuffer()
                            buffer.reserveCapacity(1 << 20 + 4096)
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }.get()
    }

    /// One value as COPY's text format reads it: `\N` for NULL, backslash escapes in text, timestamps in UTC.
    static func write(_ value: DBValue, to buffer: inout ByteBuffer) {
        switch value {
        case .uuid(let uuid): writeUUID(uuid, to: &buffer)
        case .int(let number): writeDecimal(number, to: &buffer)
        case .bool(let flag): buffer.writeInteger(UInt8(ascii: flag ? "t" : "f"))
        case .text(nil), .date(nil), .double(nil): buffer.writeStaticString("\\N")
        case .double(let number?): buffer.writeString(String(number))
        case .text(let text?): escape(text, to: &buffer)
        case .date(let date?): writeTimestamp(date, to: &buffer)
        }
    }

    static func escape(_ text: String, to buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            // Most text needs no escape: copied in one piece.
            guard bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// 8-4-4-4-12 lower-case hex digits, as PostgreSQL reads a uuid, without a `String` in between.
    static func writeUUID(_ uuid: UUID, to buffer: inout ByteBuffer) {
        withUnsafeBytes(of: uuid.uuid) { raw in
            for (i, byte) in raw.enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 { buffer.writeInteger(UInt8(ascii: "-")) }
                buffer.writeInteger(hex[Int(byte >> 4)])
                buffer.writeInteger(hex[Int(byte & 0x0F)])
            }
        }
    }

    static func writeDecimal(_ number: Int, to buffer: inout ByteBuffer) {
        guard number >= 0, number < 10 else {
            buffer.writeString(String(number))
            return
        }
        buffer.writeInteger(UInt8(ascii: "0") + UInt8(number))
    }

    /// The number with at least `width` digits, leading zeros (non-negative numbers only).
    static func writePadded(_ number: Int, width: Int, to buffer: inout ByteBuffer) {
        var digits: [UInt8] = []
        var rest = number
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if digits.count < width { for _ in digits.count..<width { buffer.writeInteger(UInt8(ascii: "0")) } }
        for digit in digits.reversed() { buffer.writeInteger(digit) }
    }

    static func writeTimestamp(_ date: Date, to buffer: inout ByteBuffer) {
        let micros = Int((date.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        let (year, month, day) = RuDate.date(days: days)
        writePadded(year, width: 4, to: &buffer)
        buffer.writeInteger(UInt8(ascii: "-"))
        writePadded(month, width: 2, to: &buffer)
        buffer.writeInteger(UInt8(ascii: "-"))
        writePadded(day, width: 2, to: &buffer)
        buffer.writeInteger(UInt8(ascii: " "))
        writePadded(inDay / 3600, width: 2, to: &buffer)
        buffer.writeInteger(UInt8(ascii: ":"))
        writePadded(inDay / 60 % 60, width: 2, to: &buffer)
        buffer.writeInteger(UInt8(ascii: ":"))
        writePadded(inDay % 60, width: 2, to: &buffer)
        buffer.writeInteger(UInt8(ascii: "."))
        writePadded(fraction, width: 6, to: &buffer)
        buffer.writeStaticString("+00")
    }

    /// «2010-03-14 21:00:00.000000+00»: microseconds, as timestamptz keeps them.
    static func timestamp(_ date: Date) -> String {
        var buffer = ByteBuffer()
        writeTimestamp(date, to: &buffer)
        return String(buffer: buffer)
    }
}
