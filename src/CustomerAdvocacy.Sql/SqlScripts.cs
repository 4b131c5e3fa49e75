using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text;

namespace CustomerAdvocacy.Sql;

/// <summary>
/// A provider's SQL, kept as <c>.sql</c> script resources of its assembly (named by file name without the extension)
/// rather than string literals, so each statement reads, diffs and runs in a SQL tool as the file it is. Read once,
/// when the provider's schema type is first used; immutable after that.
/// </summary>
internal sealed class SqlScripts
{
    private readonly Dictionary<string, string> _scripts = new(StringComparer.Ordinal);

    internal SqlScripts(Assembly assembly)
    {
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            _scripts.Add(name.Substring(0, name.Length - ".sql".Length), reader.ReadToEnd());
        }
    }

    /// <summary>The script of that name; a missing one is a packaging error, found by the first test that opens a store.</summary>
    internal string this[string name]
        => _scripts.TryGetValue(name, out var script) ? script : throw new InvalidOperationException($"The SQL script '{name}.sql' is not embedded.");

    /// <summary>The scripts <c>{prefix}1</c>, <c>{prefix}2</c>, … up to the first missing number: the migrations, in order.</summary>
    internal IReadOnlyList<string> Numbered(string prefix)
    {
        var scripts = new List<string>();
        while (_scripts.TryGetValue(prefix + (scripts.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), out var script))
        {
            scripts.Add(script);
        }

        return scripts;
    }
}
