using System;
using System.Globalization;
using FsCheck;
using FsCheck.Xunit;

namespace CustomerAdvocacy.Tests;

/// <summary>
/// How many cases each FsCheck property runs: the environment variable <c>FSCHECK_MAX_TEST</c>, 1000 when it is unset,
/// so CI and a developer run the same depth and a quick local run can lower it.
/// </summary>
/// <remarks>
/// Mark a property with <see cref="ConfiguredPropertyAttribute"/> (<c>[ConfiguredProperty]</c>) instead of
/// <c>[Property]</c>, or pass <see cref="Config"/> to <c>Check.One</c> / <c>Prop.ForAll(...).Check(...)</c>.
/// </remarks>
public static class PropertyConfig
{
    /// <summary>The environment variable read for the number of cases.</summary>
    public const string MaxTestVariable = "FSCHECK_MAX_TEST";

    /// <summary>The number of cases when <see cref="MaxTestVariable"/> is unset or empty.</summary>
    public const int DefaultMaxTest = 1000;

    /// <summary>The number of cases per property for this test run.</summary>
    public static int MaxTest { get; } = ParseMaxTest(Environment.GetEnvironmentVariable(MaxTestVariable));

    /// <summary>An FsCheck configuration running <see cref="MaxTest"/> cases that throws on failure.</summary>
    public static Config Config => Config.QuickThrowOnFailure.WithMaxTest(MaxTest);

    /// <summary>
    /// Reads a case count; a value that is not a positive integer fails loudly rather than silently running a default
    /// number of cases.
    /// </summary>
    internal static int ParseMaxTest(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultMaxTest;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new InvalidOperationException($"{MaxTestVariable} must be a positive whole number of cases, not '{value}'.");
    }
}

/// <summary>An FsCheck <c>[Property]</c> whose number of cases is <see cref="PropertyConfig.MaxTest"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ConfiguredPropertyAttribute : PropertyAttribute
{
    /// <summary>Creates the attribute with <see cref="PropertyConfig.MaxTest"/> cases.</summary>
    public ConfiguredPropertyAttribute()
    {
        MaxTest = PropertyConfig.MaxTest;
    }
}
