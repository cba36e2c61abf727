/// Optuna's relational schema v3.2.0.a (Optuna 5.0.0), table by table, written as SQLAlchemy
/// writes it: the SQLite text is character for character what Optuna leaves in `sqlite_master`,
/// and the PostgreSQL tables have Optuna's column types, enum types and constraints
/// (Tests/GoldilocksTuningTests/Fixtures/optuna-schema.json, from scripts/optuna-schema-fixture,
/// holds what Optuna itself created, and the tests compare).
enum OptunaSchema {
    /// The row Optuna's alembic migrations leave in `alembic_version`.
    static let alembicVersion = "v3.2.0.a"
    /// `version_info.schema_version` and `library_version`, as Optuna 5.0.0 writes them.
    static let schemaVersion = 12
    static let libraryVersion = "5.0.0"

    enum ColumnType {
        /// An integer primary key that the database numbers (SQLite's rowid, PostgreSQL's SERIAL).
        case key
        case integer
        case varchar(Int)
        case float
        case text
        case datetime
        /// SQLAlchemy's `Enum`: a VARCHAR as long as the longest label in SQLite, a native enum
        /// type in PostgreSQL.
        case enumeration(String, [String])
    }

    enum Item {
        case column(String, ColumnType, notNull: Bool = false)
        case constraint(String)
    }

    struct Table {
        let name: String
        let items: [Item]
        /// `CREATE [UNIQUE] INDEX` statements that follow the table.
        var indexes: [String] = []

        var columns: [String] {
            items.compactMap { if case .column(let name, _, _) = $0 { name } else { nil } }
        }
    }

    static let directions = ("studydirection", ["NOT_SET", "MINIMIZE", "MAXIMIZE"])
    static let trialStates = ("trialstate", ["RUNNING", "COMPLETE", "PRUNED", "FAIL", "WAITING"])
    static let valueTypes = ("trialvaluetype", ["FINITE", "INF_POS", "INF_NEG"])
    static let intermediateValueTypes = ("trialintermediatevaluetype", ["FINITE", "INF_POS", "INF_NEG", "NAN"])

    /// The tables in the order Optuna creates them (its metadata's dependency order).
    static let tables: [Table] = [
        Table(
            name: "studies",
            items: [
                .column("study_id", .key, notNull: true), .column("study_name", .varchar(512), notNull: true),
                .constraint("PRIMARY KEY (study_id)"),
            ],
            indexes: ["CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)"]),
        Table(
            name: "version_info",
            items: [
                .column("version_info_id", .integer, notNull: true), .column("schema_version", .integer),
                .column("library_version", .varchar(256)), .constraint("PRIMARY KEY (version_info_id)"),
                .constraint("CHECK (version_info_id=1)"),
            ]),
        Table(
            name: "study_directions",
            items: [
                .column("study_direction_id", .key, notNull: true),
                .column("direction", .enumeration(directions.0, directions.1), notNull: true),
                .column("study_id", .integer, notNull: true), .column("objective", .integer, notNull: true),
                .constraint("PRIMARY KEY (study_direction_id)"), .constraint("UNIQUE (study_id, objective)"),
                .constraint("FOREIGN KEY(study_id) REFERENCES studies (study_id)"),
            ]),
        attributes("study_user_attributes", id: "study_user_attribute_id", owner: "study_id", ownerTable: "studies"),
        attributes("study_system_attributes", id: "study_system_attribute_id", owner: "study_id", ownerTable: "studies"),
        Table(
            name: "trials",
            items: [
                .column("trial_id", .key, notNull: true), .column("number", .integer), .column("study_id", .integer),
                .column("state", .enumeration(trialStates.0, trialStates.1), notNull: true),
                .column("datetime_start", .datetime), .column("datetime_complete", .datetime),
                .constraint("PRIMARY KEY (trial_id)"), .constraint("FOREIGN KEY(study_id) REFERENCES studies (study_id)"),
            ],
            indexes: ["CREATE INDEX ix_trials_study_id ON trials (study_id)"]),
        attributes("trial_user_attributes", id: "trial_user_attribute_id", owner: "trial_id", ownerTable: "trials"),
        attributes("trial_system_attributes", id: "trial_system_attribute_id", owner: "trial_id", ownerTable: "trials"),
        Table(
            name: "trial_params",
            items: [
                .column("param_id", .key, notNull: true), .column("trial_id", .integer),
                .column("param_name", .varchar(512)), .column("param_value", .float), .column("distribution_json", .text),
                .constraint("PRIMARY KEY (param_id)"), .constraint("UNIQUE (trial_id, param_name)"),
                .constraint("FOREIGN KEY(trial_id) REFERENCES trials (trial_id)"),
            ]),
        Table(
            name: "trial_values",
            items: [
                .column("trial_value_id", .key, notNull: true), .column("trial_id", .integer, notNull: true),
                .column("objective", .integer, notNull: true), .column("value", .float),
                .column("value_type", .enumeration(valueTypes.0, valueTypes.1), notNull: true),
                .constraint("PRIMARY KEY (trial_value_id)"), .constraint("UNIQUE (trial_id, objective)"),
                .constraint("FOREIGN KEY(trial_id) REFERENCES trials (trial_id)"),
            ]),
        Table(
            name: "trial_intermediate_values",
            items: [
                .column("trial_intermediate_value_id", .key, notNull: true), .column("trial_id", .integer, notNull: true),
                .column("step", .integer, notNull: true), .column("intermediate_value", .float),
                .column("intermediate_value_type", .enumeration(intermediateValueTypes.0, intermediateValueTypes.1), notNull: true),
                .constraint("PRIMARY KEY (trial_intermediate_value_id)"), .constraint("UNIQUE (trial_id, step)"),
                .constraint("FOREIGN KEY(trial_id) REFERENCES trials (trial_id)"),
            ]),
        Table(
            name: "trial_heartbeats",
            items: [
                .column("trial_heartbeat_id", .key, notNull: true), .column("trial_id", .integer, notNull: true),
                .column("heartbeat", .datetime, notNull: true), .constraint("PRIMARY KEY (trial_heartbeat_id)"),
                .constraint("UNIQUE (trial_id)"), .constraint("FOREIGN KEY(trial_id) REFERENCES trials (trial_id)"),
            ]),
        Table(
            name: "alembic_version",
            items: [
                .column("version_num", .varchar(32), notNull: true),
                .constraint("CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)"),
            ]),
    ]

    private static func attributes(_ name: String, id: String, owner: String, ownerTable: String) -> Table {
        Table(
            name: name,
            items: [
                .column(id, .key, notNull: true), .column(owner, .integer), .column("key", .varchar(512)),
                .column("value_json", .text), .constraint("PRIMARY KEY (\(id))"), .constraint("UNIQUE (\(owner), \"key\")"),
                .constraint("FOREIGN KEY(\(owner)) REFERENCES \(ownerTable) (\(owner))"),
            ])
    }

    /// Every statement that creates the schema in `dialect`, in order, then the rows Optuna checks.
    static func creationStatements(_ dialect: SQLDialect) -> [String] {
        var statements: [String] = []
        if dialect == .postgresql {
            for (name, labels) in [directions, trialStates, valueTypes, intermediateValueTypes] {
                statements.append("CREATE TYPE \(name) AS ENUM (\(labels.map { "'\($0)'" }.joined(separator: ", ")))")
            }
        }
        for table in tables {
            statements.append(createTable(table, dialect))
            statements += table.indexes
        }
        statements.append("INSERT INTO alembic_version (version_num) VALUES ('\(alembicVersion)')")
        statements.append(
            "INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, \(schemaVersion), '\(libraryVersion)')")
        return statements
    }

    /// SQLAlchemy's `CREATE TABLE` text: one item a line, tab-indented, `", \n"` between items.
    static func createTable(_ table: Table, _ dialect: SQLDialect) -> String {
        let lines = table.items.map { item -> String in
            switch item {
            case .constraint(let text): return text
            case .column(let name, let type, let notNull):
                let quoted = name == "key" ? "\"key\"" : name
                return "\(quoted) \(spell(type, dialect))" + (notNull ? " NOT NULL" : "")
            }
        }
        return "CREATE TABLE \(table.name) (\n\t" + lines.joined(separator: ", \n\t") + "\n)"
    }

    private static func spell(_ type: ColumnType, _ dialect: SQLDialect) -> String {
        switch (type, dialect) {
        case (.key, .sqlite), (.integer, _): "INTEGER"
        case (.key, .postgresql): "SERIAL"
        case (.varchar(let length), _): "VARCHAR(\(length))"
        case (.float, _): "FLOAT"
        case (.text, _): "TEXT"
        case (.datetime, .sqlite): "DATETIME"
        case (.datetime, .postgresql): "TIMESTAMP WITHOUT TIME ZONE"
        case (.enumeration(_, let labels), .sqlite): "VARCHAR(\(labels.map(\.count).max() ?? 0))"
        case (.enumeration(let name, _), .postgresql): name
        }
    }
}
