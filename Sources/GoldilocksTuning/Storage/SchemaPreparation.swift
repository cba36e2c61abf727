extension OptunaSchema {
    /// Creates Optuna's tables when the database has none, or checks that the tables there are
    /// Optuna's schema v3.2.0.a (every table with its columns, the `alembic_version` and
    /// `version_info` rows); throws `StudyStorageError.unsupportedSchema` naming what it found.
    /// Two processes opening a new database at once create the tables once.
    static func prepare(_ database: any SQLDatabase) throws {
        let dialect = database.dialect
        try database.transaction { session in
            if dialect == .postgresql {
                // Serialises creators: the tables do not exist yet, so there is no row to lock.
                try session.execute("SELECT pg_advisory_xact_lock(7164939216)")
            }
            let found = try tableNames(session, dialect)
            if found.isEmpty {
                for statement in creationStatements(dialect) { try session.execute(statement) }
                return
            }
            try verify(session, dialect, tables: found)
        }
    }

    private static func tableNames(_ session: any SQLSession, _ dialect: SQLDialect) throws -> Set<String> {
        let sql =
            switch dialect {
            case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            case .postgresql:
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            }
        return Set(try session.rows(sql, []).compactMap { $0.first?.string })
    }

    private static func columns(_ session: any SQLSession, _ dialect: SQLDialect, table: String) throws -> Set<String> {
        let sql =
            switch dialect {
            case .sqlite: "SELECT name FROM pragma_table_info(?)"
            case .postgresql:
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
            }
        return Set(try session.rows(sql, [.text(table)]).compactMap { $0.first?.string })
    }

    private static func verify(_ session: any SQLSession, _ dialect: SQLDialect, tables found: Set<String>) throws {
        let missing = tables.map(\.name).filter { !found.contains($0) }
        guard missing.isEmpty else {
            let shown = found.sorted().prefix(8).joined(separator: ", ") + (found.count > 8 ? ", …" : "")
            throw StudyStorageError.unsupportedSchema(
                found: "tables \(shown), without Optuna's \(missing.joined(separator: ", "))")
        }
        for table in tables {
            let have = try columns(session, dialect, table: table.name)
            let lacking = table.columns.filter { !have.contains($0) }
            guard lacking.isEmpty else {
                throw StudyStorageError.unsupportedSchema(
                    found: "table \(table.name) without column \(lacking.joined(separator: ", "))")
            }
        }
        let versions = try session.rows("SELECT version_num FROM alembic_version", []).compactMap { $0.first?.string }
        guard versions == [alembicVersion] else {
            throw StudyStorageError.unsupportedSchema(
                found: "alembic version \(versions.isEmpty ? "none" : versions.joined(separator: ", "))")
        }
        let schema = try session.scalar("SELECT schema_version FROM version_info WHERE version_info_id = 1")
        guard schema?.int == schemaVersion else {
            throw StudyStorageError.unsupportedSchema(found: "Optuna schema version \(schema?.int.map(String.init) ?? "none")")
        }
    }
}
