using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using CustomerAdvocacy.Sql;
using Npgsql;

namespace CustomerAdvocacy.PostgreSql;

/// <summary>
/// A connection from the driver's pool for one operation, and the commands made on it; disposing it disposes them and
/// returns the connection to the pool. The driver prepares the statements it sees often (<c>Max Auto Prepare</c>).
/// </summary>
internal sealed class PostgreSqlSession : SqlSession
{
    private readonly List<NpgsqlCommand> _commands = new(1);

    internal PostgreSqlSession(NpgsqlConnection connection) => Npgsql = connection;

    internal NpgsqlConnection Npgsql { get; }

    internal override DbConnection Connection => Npgsql;

    /// <inheritdoc />
    /// <remarks>The scripts use positional parameters (<c>$1</c>, <c>$2</c>, …), so the parameters are unnamed.</remarks>
    internal override DbCommand Command(string sql, int parameterCount)
    {
        var command = new NpgsqlCommand(sql, Npgsql);
        for (var i = 0; i < parameterCount; i++)
        {
            command.Parameters.Add(new NpgsqlParameter());
        }

        _commands.Add(command);
        return command;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        await Npgsql.DisposeAsync().ConfigureAwait(false);
    }
}
