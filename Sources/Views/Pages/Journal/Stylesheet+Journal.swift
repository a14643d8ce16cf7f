import Domain
import Foundation

extension Stylesheet {
    public static let journalCSS = """
        form.stacked.wide { max-width: none; }
        .scroll { overflow-x: auto; }
        table.register td, table.register th { text-align: center; white-space: nowrap; }
        table.register td:first-child, table.register th:first-child { text-align: left; }
        """
}
