using System;
using CustomerAdvocacy.Sql;

namespace CustomerAdvocacy.Sqlite.Tests;

/// <summary>The store's SQL comes from its embedded <c>Scripts/*.sql</c>, the migrations in their numbered order.</summary>
public sealed class SqliteScriptsTests
{
    [Fact]
    public void Migrations_AreTheNumberedScriptsInOrder()
    {
        Assert.Equal(3, SqliteSchema.Migrations.Count);
        Assert.Equal(SqliteSchema.Migrations.Count, SqliteIncidentStore.SchemaVersion);
        Assert.StartsWith("CREATE TABLE IF NOT EXISTS incidents (", SqliteSchema.Migrations[0], StringComparison.Ordinal);
        Assert.StartsWith("ALTER TABLE incidents ADD COLUMN next_due", SqliteSchema.Migrations[1], StringComparison.Ordinal);
        Assert.Contains("WITHOUT ROWID", SqliteSchema.Migrations[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_ScriptThatIsNotEmbedded_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SqliteSchema.Scripts["NoSuchScript"]);
        Assert.Contains("NoSuchScript.sql", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_EmbeddedScript_IsTheFileWithoutItsExtension()
        => Assert.Contains("FROM events WHERE incident_id = ?1 AND version >= ?2 ORDER BY version", SqliteSchema.Scripts["ReadStream"], StringComparison.Ordinal);

    [Fact]
    public void Store_IsTheSharedSqlStore()
    {
        using var store = new SqliteIncidentStore("Data Source=unused.db");
        Assert.IsAssignableFrom<SqlIncidentStore>(store);
    }
}
