using System;
using System.Data.Common;
using System.Threading.Tasks;

namespace CustomerAdvocacy.Sql;

/// <summary>
/// One open connection, used by one store operation at a time, and the commands made on it. A provider decides how
/// long it lives: SQLite keeps a few open with their prepared commands, PostgreSQL leaves pooling to its driver and
/// opens one per operation.
/// </summary>
internal abstract class SqlSession : IAsyncDisposable
{
    /// <summary>The connection the session's commands run on.</summary>
    internal abstract DbConnection Connection { get; }

    /// <summary>Buffer for an event type's UTF-8 bytes while a stream is read; grows to the longest read.</summary>
    internal byte[] TypeBuffer { get; set; } = new byte[64];

    /// <summary>Buffer for a payload's UTF-8 bytes while a stream is read; grows to the largest read.</summary>
    internal byte[] PayloadBuffer { get; set; } = new byte[1024];

    /// <summary>
    /// A command for <paramref name="sql"/> with <paramref name="parameterCount"/> positional parameters, ready for
    /// their values; owned by the session (the caller never disposes it).
    /// </summary>
    internal abstract DbCommand Command(string sql, int parameterCount);

    public abstract ValueTask DisposeAsync();
}
