import Foundation
import GoldilocksSpec
import Testing
import TestSupport

@testable import GoldilocksTuning

/// What Optuna 5.0.0 itself created, read back from the databases (scripts/optuna-schema-fixture).
struct OptunaSchemaFixture: Decodable {
    struct Statement: Decodable, Equatable {
        let type: String
        let name: String
        let table: String
        let sql: String
    }
    struct SQLiteColumn: Decodable, Equatable {
        let name: String
        let type: String
        let notnull: Bool
        let pk: Int
    }
    struct SQLite: Decodable {
        let statements: [Statement]
        let tables: [String: [SQLiteColumn]]
    }
    struct PostgresColumn: Decodable, Equatable {
        let name: String
        let data_type: String
        let udt_name: String
        let max_length: Int?
        let nullable: Bool
        let serial: Bool
    }
    struct Postgres: Decodable {
        let tables: [String: [PostgresColumn]]
        let enums: [String: [String]]
        let constraints: [[String]]
        let indexes: [[String]]
    }
    let versions: [String: String]
    let sqlite: SQLite
    let postgresql: Postgres

    static func load() throws -> Self { try loadFixture(Self.self, named: "optuna-schema", in: Bundle.module) }
}

@Suite struct OptunaSchemaTests {
    @Test func theFixtureIsOptuna5() throws {
        #expect(try OptunaSchemaFixture.load().versions["optuna"] == "5.0.0")
    }

    /// Character for character: the statements in `sqlite_master`, in order, and every column.
    @Test func sqliteTablesAreTheOnesOptunaCreates() throws {
        let fixture = try OptunaSchemaFixture.load()
        let storage = try openStudyStorage(url: "sqlite:" + temporaryPath("schema.db"))
        let statements = try rawRows(
            storage, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).map { row in
            OptunaSchemaFixture.Statement(
                type: row[0].string ?? "", name: row[1].string ?? "", table: row[2].string ?? "", sql: row[3].string ?? "")
        }
        #expect(statements.count == fixture.sqlite.statements.count)
        for (ours, optunas) in zip(statements, fixture.sqlite.statements) {
            #expect(ours == optunas)
        }
        for (table, columns) in fixture.sqlite.tables {
            let ours = try rawRows(storage, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", [.text(table)]).map {
                OptunaSchemaFixture.SQLiteColumn(
                    name: $0[0].string ?? "", type: $0[1].string ?? "", notnull: $0[2].int == 1, pk: $0[3].int ?? -1)
            }
            #expect(ours == columns, "table \(table)")
        }
    }

    /// Columns with their types, enum types with their labels, constraints and indexes.
    @Test(.enabled(if: StorageKind.postgresURL != nil, "GOLDILOCKS_TEST_POSTGRES_URL is not set: skipped"))
    func postgresTablesAreTheOnesOptunaCreates() throws {
        let fixture = try OptunaSchemaFixture.load().postgresql
        let storage = try openStudyStorage(url: StorageKind.postgresql.freshURL())
        let columns = try rawRows(
            storage,
            """
            SELECT table_name::text, column_name::text, data_type::text, udt_name::text, character_maximum_length::int,
                   is_nullable::text, (column_default IS NOT NULL AND column_default LIKE 'nextval%')::int
            FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """)
        var tables: [String: [OptunaSchemaFixture.PostgresColumn]] = [:]
        for row in columns {
            tables[row[0].string ?? "", default: []].append(
                OptunaSchemaFixture.PostgresColumn(
                    name: row[1].string ?? "", data_type: row[2].string ?? "", udt_name: row[3].string ?? "",
                    max_length: row[4].int, nullable: row[5].string == "YES", serial: row[6].int == 1))
        }
        #expect(tables == fixture.tables)
        let enumRows = try rawRows(
            storage,
            "SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder")
        var enums: [String: [String]] = [:]
        for row in enumRows { enums[row[0].string ?? "", default: []].append(row[1].string ?? "") }
        #expect(enums == fixture.enums)
        let constraints = try rawRows(
            storage,
            """
            SELECT c.conrelid::regclass::text, c.contype::text, pg_get_constraintdef(c.oid) FROM pg_constraint c
            JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema() ORDER BY 1, 2, 3
            """
        ).map { $0.map { $0.string ?? "" } }
        #expect(constraints == fixture.constraints)
        let indexes = try rawRows(
            storage,
            "SELECT tablename::text, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY tablename, indexdef"
        ).map { $0.map { $0.string ?? "" } }
        #expect(indexes == fixture.indexes)
    }

    @Test func theStatementsCreateOptunasRows() {
        let statements = OptunaSchema.creationStatements(.sqlite)
        #expect(statements.suffix(2) == [
            "INSERT INTO alembic_version (version_num) VALUES ('v3.2.0.a')",
            "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, 12, '5.0.0')",
        ])
        #expect(OptunaSchema.creationStatements(.postgresql).first == "CREATE TYPE studydirection AS ENUM ('NOT_SET', 'MINIMIZE', 'MAXIMIZE')")
    }
}

/// JSON as Python's json.dumps writes it, and Optuna's timestamps.
@Suite struct OptunaFormatTests {
    @Test(arguments: [
        (1e-5, "1e-05"), (1.0, "1.0"), (0.001, "0.001"), (1e-4, "0.0001"), (1e16, "1e+16"), (123.456, "123.456"),
        (2.5e-7, "2.5e-07"), (-3.0, "-3.0"), (0.1, "0.1"), (1234567890123456.0, "1234567890123456.0"), (1.5e300, "1.5e+300"),
        (0.0, "0.0"), (6e-4, "0.0006"), (9.5e15, "9500000000000000.0"),
    ])
    func floatsPrintAsPythonsRepr(_ value: Double, _ python: String) {
        #expect(PythonJSON.pythonRepr(value) == python)
    }

    @Test func distributionsSerialiseAsOptunaWritesThem() {
        let float = Distribution.float(low: 1e-5, high: 1, log: true).optunaJSON
        #expect(
            PythonJSON.serialize(float, integersAsInts: false)
                == #"{"name": "FloatDistribution", "attributes": {"step": null, "low": 1e-05, "high": 1.0, "log": true}}"#)
        let categorical = Distribution.categorical(choices: ["SGD", "Adam"]).optunaJSON
        #expect(
            PythonJSON.serialize(categorical, integersAsInts: false)
                == #"{"name": "CategoricalDistribution", "attributes": {"choices": ["SGD", "Adam"]}}"#)
    }

    @Test func attributesKeepIntegersAndPythonsSpecialNumbers() {
        let value = JSONValue.object(["steps": .number(900), "loss": .number(.nan), "lr": .number(0.5), "dir": .string("runs/é")])
        let text = PythonJSON.serialize(value, integersAsInts: true)
        #expect(text == #"{"dir": "runs/\u00e9", "loss": NaN, "lr": 0.5, "steps": 900}"#)
        guard case .object(let back)? = PythonJSON.parse(text) else {
            Issue.record("\(text) did not parse back")
            return
        }
        #expect(back["steps"] == .number(900) && back["dir"] == .string("runs/é"))
        if case .number(let loss)? = back["loss"] { #expect(loss.isNaN) } else { Issue.record("NaN did not parse back") }
    }

    @Test func timestampsUseOptunasSpellingInUTC() throws {
        let date = Date(timeIntervalSince1970: 1_796_110_297.504658)
        let text = OptunaTimestamp.format(date)
        #expect(text == "2026-12-01 07:31:37.504658")
        let back = try #require(OptunaTimestamp.parse(text))
        #expect(abs(back.timeIntervalSince(date)) < 1e-6)
        #expect(OptunaTimestamp.parse("2026-12-01 07:31:37") == Date(timeIntervalSince1970: 1_796_110_297))
        #expect(OptunaTimestamp.parse("yesterday") == nil)
    }
}
