using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Npgsql;

namespace CustomerAdvocacy.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>CUSTOMERADVOCACY_POSTGRES</c> (CI starts a throwaway
/// cluster and sets it), else a throwaway cluster of our own when <c>initdb</c> is found, else a failure that says
/// so: these tests never skip silently. Every store gets a schema of its own, so tests never see each other's data.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "CUSTOMERADVOCACY_POSTGRES";

    private string? _clusterDirectory;
    private string? _pgBin;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        _pgBin = FindPostgresBin() ?? throw new InvalidOperationException(
            $"No PostgreSQL server for the tests: set {Variable} to a connection string, or install PostgreSQL (initdb, pg_ctl) so the tests can start a throwaway cluster.");
        _clusterDirectory = Path.Combine(Path.GetTempPath(), "ca-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_clusterDirectory);
        var port = FreePort();
        if (IsRoot())
        {
            await RunAsync("chmod", $"777 {_clusterDirectory}").ConfigureAwait(false);
        }

        await RunPostgresToolAsync("initdb", $"-D {_clusterDirectory}/data -A trust -U postgres").ConfigureAwait(false);
        await RunPostgresToolAsync("pg_ctl", $"-D {_clusterDirectory}/data -o \"-p {port} -k {_clusterDirectory} -c listen_addresses=127.0.0.1 -c max_connections=300\" -l {_clusterDirectory}/log -w start").ConfigureAwait(false);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_clusterDirectory is null)
        {
            return;
        }

        try
        {
            await RunPostgresToolAsync("pg_ctl", $"-D {_clusterDirectory}/data -m fast -w stop").ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(_clusterDirectory, recursive: true);
        }
    }

    /// <summary>A connection string whose search path is a new, empty schema.</summary>
    public async Task<string> NewSchemaAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);

            // Identifiers cannot be parameters; the name is a Guid this code made.
            await using var create = new NpgsqlCommand("CREATE SCHEMA " + schema, connection);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    private static string? FindPostgresBin()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string Root = "/usr/lib/postgresql";
        return Directory.Exists(Root)
            ? Directory.GetDirectories(Root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool IsRoot() => Environment.UserName == "root";

    // initdb refuses to run as root: run the server tools as the unprivileged postgres user then.
    private Task RunPostgresToolAsync(string tool, string arguments)
    {
        var path = Path.Combine(_pgBin!, tool);
        return IsRoot() ? RunAsync("runuser", $"-u postgres -- {path} {arguments}") : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output.ConfigureAwait(false)} {await error.ConfigureAwait(false)}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
