using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace CustomerAdvocacy.Sqlite.Tests;

/// <summary>A database file in a directory of its own, deleted with the directory on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ca-sqlite-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, "incidents.db");
    }

    public string Directory { get; }

    public string FilePath { get; }

    public string ConnectionString(int timeoutSeconds = 30) => new SqliteConnectionStringBuilder { DataSource = FilePath, DefaultTimeout = timeoutSeconds }.ToString();

    public SqliteIncidentStore CreateStore(int timeoutSeconds = 30) => new(ConnectionString(timeoutSeconds));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
